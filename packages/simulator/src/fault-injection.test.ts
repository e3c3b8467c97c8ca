import { describe, expect, it } from 'vitest';
import { SimulatorRequestError } from './simulator-requests';
import { PlantSimulator, type SimulatorMessage } from './plant-simulator';
import { CTOWN_INP, steppingClock } from './test-fixtures';

const START = Date.UTC(2026, 10, 22, 10, 0, 0);

/** C-Town at 60× with one tick per wall second, as the BFF runs it; seeded faults off. */
async function ctown(seed = 1) {
  const time = steppingClock(START, 1000);
  const simulator = await PlantSimulator.create(
    {
      siteId: 'ctown',
      inpText: CTOWN_INP,
      seed,
      speedup: 60,
      faults: { enabled: false, meanIntervalS: 3600 },
    },
    { clock: time.clock, publish: () => Promise.resolve() },
  );
  return { simulator, time };
}

const valuesOf = (messages: readonly SimulatorMessage[], assetId: string) =>
  messages.find((m) => m.assetId === assetId)?.payload.values;

async function refusal(run: () => unknown): Promise<SimulatorRequestError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SimulatorRequestError) return error;
    throw error;
  }
  throw new Error('expected a SimulatorRequestError');
}

describe('the pump run command', () => {
  it('is published for every pump and follows EPANET: no command without power in a plant day', async () => {
    const { simulator } = await ctown();
    let commanded = 0;
    for (let tick = 0; tick < 1440; tick += 1) {
      for (const m of simulator.step()) {
        const v = m.payload.values;
        if (!m.assetId.startsWith('PU')) continue;
        expect(v.command === 0 || v.command === 1).toBe(true);
        if (v.command === 1) {
          commanded += 1;
          expect([v.status, Number(v.power) >= 1]).toEqual([1, true]);
        } else expect([v.status, v.power]).toEqual([0, 0]);
      }
    }
    expect(commanded).toBeGreaterThan(1440 * 3);
    simulator.close();
  });
});

describe('injectFault and clearFault', () => {
  it('trips a pump: command 1, status 0, power 0 until cleared; then the controls take it back', async () => {
    const { simulator, time } = await ctown();
    simulator.runTicks(60);
    const faults = simulator.injectFault({ kind: 'pump_trip', assetId: 'PU8' });
    expect(faults).toEqual([
      {
        kind: 'pump_trip',
        assetId: 'PU8',
        origin: 'injected',
        startedAt: time.now(),
        plantStartS: simulator.plantTimeS,
        plantEndS: null,
      },
    ]);
    const during = Array.from({ length: 120 }, () => valuesOf(simulator.step(), 'PU8'));
    for (const v of during)
      expect([v?.command, v?.status, v?.power, v?.flow]).toEqual([1, 0, 0, 0]);
    expect(simulator.activeFaults().map((f) => f.assetId)).toEqual(['PU8']);
    expect(simulator.clearFault('PU8')).toEqual([]);
    // T5 ran low during the trip: its control (open below 1.5 m) restarts PU8.
    const after = valuesOf(simulator.runTicks(3).slice(-80), 'PU8');
    expect([after?.command, after?.status]).toEqual([1, 1]);
    expect(after?.power).toBeGreaterThan(1);
    expect(simulator.events.map((e) => [e.kind, e.edge, e.assetId, e.origin])).toEqual([
      ['pump_trip', 'start', 'PU8', 'injected'],
      ['pump_trip', 'end', 'PU8', 'injected'],
    ]);
    simulator.close();
  });

  it('ends a trip after durationS plant seconds by itself', async () => {
    const { simulator } = await ctown();
    simulator.runTicks(2);
    const [fault] = simulator.injectFault({ kind: 'pump_trip', assetId: 'PU1', durationS: 600 });
    expect(fault?.plantEndS).toBe((fault?.plantStartS ?? 0) + 600);
    simulator.runTicks(10);
    expect(simulator.activeFaults()).toEqual([]);
    expect(simulator.events.at(-1)).toMatchObject({
      kind: 'pump_trip',
      edge: 'end',
      assetId: 'PU1',
    });
    simulator.close();
  });

  it('trips a whole station at once, and replaces a fault the pump already had', async () => {
    const { simulator } = await ctown();
    simulator.runTicks(2);
    simulator.injectFault({ kind: 'pump_trip', assetId: 'PU7', durationS: 60 });
    const faults = simulator.injectFault({ kind: 'pump_trip', assetIds: ['PU6', 'PU7', 'PU6'] });
    expect(faults.map((f) => [f.assetId, f.plantEndS])).toEqual([
      ['PU6', null],
      ['PU7', null],
    ]);
    expect(simulator.events.map((e) => `${e.edge} ${e.assetId}`)).toEqual([
      'start PU7',
      'start PU6',
      'end PU7',
      'start PU7',
    ]);
    const messages = simulator.runTicks(5).slice(-80);
    for (const id of ['PU6', 'PU7'])
      expect([valuesOf(messages, id)?.command, valuesOf(messages, id)?.status]).toEqual([1, 0]);
    simulator.close();
  });

  it('refuses unknown pumps with the nearest ids and trips none of the request', async () => {
    const { simulator } = await ctown();
    simulator.runTicks(1);
    const unknown = await refusal(() =>
      simulator.injectFault({ kind: 'pump_trip', assetIds: ['PU8', 'PU12', 'J10'] }),
    );
    expect(unknown.code).toBe('unknown_asset');
    expect(unknown.message).toBe(
      'PU12: not a pump in site ctown (did you mean PU1, PU10, PU11?); J10: a junction, not a pump, in site ctown (its pumps: PU1, PU2, PU3, PU4, PU5, PU6, PU7, PU8, PU9, PU10, PU11)',
    );
    const far = await refusal(() =>
      simulator.injectFault({ kind: 'pump_trip', assetId: 'T1234567' }),
    );
    expect(far.message).toBe(
      'T1234567: not a pump in site ctown (its pumps: PU1, PU2, PU3, PU4, PU5, PU6, PU7, PU8, PU9, PU10, PU11)',
    );
    expect(simulator.activeFaults()).toEqual([]);
    expect(simulator.events).toEqual([]);
    simulator.close();
  });

  it('refuses malformed requests and clearing an asset without a fault', async () => {
    const { simulator } = await ctown();
    simulator.runTicks(1);
    const invalid = async (request: unknown) =>
      (await refusal(() => simulator.injectFault(request))).message;
    expect(await invalid({ kind: 'stuck_value', assetId: 'PU1' })).toBe(
      'invalid fault request: kind: kind must be "pump_trip" (the only fault that can be injected)',
    );
    expect(await invalid({ kind: 'pump_trip', assetId: 'PU1', assetIds: ['PU2'] })).toBe(
      'invalid fault request: assetId: give exactly one of assetId (one pump) or assetIds (several pumps)',
    );
    expect(await invalid({ kind: 'pump_trip', assetId: 'PU1', durationS: 0 })).toMatch(
      /^invalid fault request: durationS: durationS must be > 0 plant seconds/,
    );
    expect(await invalid({ kind: 'pump_trip', assetId: 'PU1', speed: 2 })).toMatch(
      /^invalid fault request: request: .*speed/,
    );
    const none = await refusal(() => simulator.clearFault('PU4'));
    expect([none.code, none.message]).toEqual([
      'no_fault',
      'PU4: no active fault in site ctown (no fault is active)',
    ]);
    simulator.injectFault({ kind: 'pump_trip', assetId: 'PU8' });
    expect((await refusal(() => simulator.clearFault('PU4'))).message).toBe(
      'PU4: no active fault in site ctown (active: PU8)',
    );
    simulator.close();
  });
});

describe('the demo trip on C-Town (packages/simulator/README.md, "Tripping a pump on demand")', () => {
  it('PU8 tripped: four measured junctions of the T5 zone fall below 10 m within 10 minutes at 60×', async () => {
    const { simulator } = await ctown();
    simulator.runTicks(60);
    simulator.injectFault({ kind: 'pump_trip', assetId: 'PU8' });
    const zone = ['J72', 'J87', 'J245', 'J246'];
    const below = new Map(zone.map((id) => [id, 0]));
    let held = -1;
    for (let tick = 1; tick <= 600 && held < 0; tick += 1) {
      const messages = simulator.step();
      for (const id of zone) {
        const pressure = Number(valuesOf(messages, id)?.pressure);
        below.set(id, pressure < 10 ? (below.get(id) ?? 0) + 1 : 0);
      }
      // the low alarm's on-delay (60 s) held at every one of them
      if ([...below.values()].every((n) => n > 60)) held = tick;
    }
    expect(held).toBeGreaterThan(60);
    expect(held).toBeLessThan(600);
    simulator.close();
  });
});
