import { describe, expect, it } from 'vitest';
import { PlantSimulator, type SimulatorMessage } from './plant-simulator';
import { SimulatorRequestError } from './simulator-requests';
import { CTOWN_INP, steppingClock } from './test-fixtures';

async function ctown() {
  const simulator = await PlantSimulator.create(
    {
      siteId: 'ctown',
      inpText: CTOWN_INP,
      seed: 1,
      speedup: 60,
      faults: { enabled: false, meanIntervalS: 3600 },
    },
    { clock: steppingClock(Date.UTC(2026, 10, 22), 1000).clock, publish: () => Promise.resolve() },
  );
  simulator.runTicks(60);
  return simulator;
}

const last = (messages: readonly SimulatorMessage[], assetId: string) =>
  messages.findLast((m) => m.assetId === assetId)?.payload.values;

function refusal(run: () => unknown): SimulatorRequestError {
  try {
    run();
  } catch (error) {
    if (error instanceof SimulatorRequestError) return error;
    throw error;
  }
  throw new Error('expected a SimulatorRequestError');
}

describe('applyActions', () => {
  it('starts the standby pump PU9 while PU8 is tripped, and the T5 zone recovers', async () => {
    const simulator = await ctown();
    simulator.injectFault({ kind: 'pump_trip', assetId: 'PU8' });
    const tripped = simulator.runTicks(600);
    expect(Number(last(tripped, 'J245')?.pressure)).toBeLessThan(10);
    // Pressure-driven, and gauges stop at a vacuum: a cut-off zone reads between -10.4 and
    // 10 m, never the absurd negative heads of a demand-driven solve with an empty tank.
    for (const id of ['J72', 'J87', 'J245', 'J246'])
      expect(Number(last(tripped, id)?.pressure)).toBeGreaterThan(-10.5);
    const settings = simulator.applyActions([{ type: 'pump-speed', assetId: 'PU9', speed: 1 }]);
    expect(settings).toEqual([
      {
        assetId: 'PU9',
        action: { type: 'pump-speed', assetId: 'PU9', speed: 1 },
        plantStartS: simulator.plantTimeS,
        plantEndS: null,
      },
    ]);
    const after = simulator.runTicks(120);
    expect(last(after, 'PU9')).toMatchObject({ command: 1, status: 1, speed: 1 });
    expect(Number(last(after, 'PU9')?.power)).toBeGreaterThan(1);
    for (const id of ['J72', 'J87', 'J245', 'J246'])
      expect(Number(last(after, id)?.pressure)).toBeGreaterThan(20);
    simulator.close();
  });

  it('stops a pump and closes a valve by hand until handed back or for durationS', async () => {
    const simulator = await ctown();
    simulator.applyActions([
      { type: 'pump-speed', assetId: 'PU1', speed: 0 },
      { type: 'valve-setting', assetId: 'v1', status: 'closed', durationS: 600 },
    ]);
    const held = simulator.runTicks(5);
    expect(last(held, 'PU1')).toMatchObject({ command: 0, status: 0, power: 0 });
    expect(last(held, 'v1')).toMatchObject({ status: 0, flow: 0 });
    expect(simulator.handSettings().map((s) => s.assetId)).toEqual(['PU1', 'v1']);
    simulator.runTicks(10);
    expect(simulator.handSettings().map((s) => s.assetId)).toEqual(['PU1']);
    expect(last(simulator.runTicks(2), 'v1')?.status).not.toBe(0);
    expect(simulator.applyActions([{ type: 'automatic', assetId: 'PU1' }])).toEqual([]);
    // T1 is low after PU1 stood still: its control starts PU1 again
    expect(last(simulator.runTicks(30), 'PU1')).toMatchObject({ command: 1, status: 1 });
    simulator.close();
  });

  it('refuses unknown or wrong assets, a tripped pump and bad values, and then applies nothing', async () => {
    const simulator = await ctown();
    simulator.injectFault({ kind: 'pump_trip', assetId: 'PU8' });
    const message = (actions: unknown) => refusal(() => simulator.applyActions(actions)).message;
    expect(message([{ type: 'pump-speed', assetId: 'PU99', speed: 1 }])).toBe(
      'PU99: not a pump in site ctown (did you mean PU9, PU1, PU10?)',
    );
    expect(
      message([
        { type: 'pump-speed', assetId: 'PU9', speed: 1 },
        { type: 'valve-setting', assetId: 'PU4', status: 'open' },
      ]),
    ).toBe('PU4: not a valve in site ctown (its valves: v1, V45, V47, V2)');
    expect(message([{ type: 'pump-speed', assetId: 'PU8', speed: 1 }])).toBe(
      'PU8 is tripped: clear its fault first, then act on it',
    );
    expect(message([{ type: 'automatic', assetId: 'PU4' }])).toBe(
      'PU4 is not held by hand: it already follows its controls',
    );
    expect(message([{ type: 'pump-speed', assetId: 'PU9', speed: -1 }])).toBe(
      'invalid actions: 0.speed: speed must be ≥ 0 (0 stops the pump)',
    );
    expect(message([{ type: 'valve-setting', assetId: 'v1' }])).toBe(
      'invalid actions: 0.status: valve-setting: give exactly one of status (open/closed) or setting',
    );
    expect(message([])).toBe('invalid actions: actions: no actions given');
    expect(simulator.handSettings()).toEqual([]);
    expect(last(simulator.runTicks(3), 'PU9')?.status).toBe(0);
    simulator.close();
  });
});
