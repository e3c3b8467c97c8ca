import { parseTelemetryTopic, TelemetryPayloadSchema } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { PlantSimulator, type SimulatorMessage } from './plant-simulator';
import { CTOWN_INP, NET1_INP, steppingClock } from './test-fixtures';

const START = Date.UTC(2026, 10, 22, 10, 0, 0);

async function ctown(
  options: {
    seed?: number;
    speedup?: number;
    faults?: { enabled: boolean; meanIntervalS: number };
  } = {},
) {
  const time = steppingClock(START, 1000);
  const published: [string, string][] = [];
  const simulator = await PlantSimulator.create(
    {
      siteId: 'ctown',
      inpText: CTOWN_INP,
      seed: options.seed ?? 1,
      speedup: options.speedup ?? 60,
      faults: options.faults ?? { enabled: false, meanIntervalS: 3600 },
    },
    {
      clock: time.clock,
      publish: (topic, payload) => {
        published.push([topic, payload]);
        return Promise.resolve();
      },
    },
  );
  return { simulator, time, published };
}

function tankLimits(inp: string): Map<string, [number, number]> {
  const section = inp.split('[TANKS]')[1]?.split('[')[0] ?? '';
  const limits = new Map<string, [number, number]>();
  for (const line of section.split('\n')) {
    const fields = line.split(';')[0]?.trim().split(/\s+/) ?? [];
    if (fields.length >= 5 && fields[0] !== undefined)
      limits.set(fields[0], [Number(fields[3]), Number(fields[4])]);
  }
  return limits;
}

describe('PlantSimulator on C-Town', () => {
  it('measures 30 junctions, 7 tanks, 11 pumps, 4 valves and the pipes leaving pumps and valves', async () => {
    const { simulator } = await ctown();
    const count = (type: string) => simulator.assets.filter((a) => a.type === type).length;
    expect([count('junction'), count('tank'), count('pump'), count('valve')]).toEqual([
      30, 7, 11, 4,
    ]);
    expect(count('pipe')).toBeGreaterThan(5);
    simulator.close();
  });

  it('gives the identical message sequence for the same seed and clock, another for another seed', async () => {
    const faults = { enabled: true, meanIntervalS: 600 };
    const runs = await Promise.all([1, 1, 2].map((seed) => ctown({ seed, speedup: 300, faults })));
    const json = runs.map(({ simulator }) =>
      simulator.runTicks(60).map((m) => `${m.topic} ${m.json}`),
    );
    expect(json[0]).toEqual(json[1]);
    expect(json[0]).not.toEqual(json[2]);
    expect(runs[0]?.simulator.events).toEqual(runs[1]?.simulator.events);
    for (const { simulator } of runs) simulator.close();
  });

  it('publishes payloads and topics that the telemetry contract accepts, never stamped in the future', async () => {
    const { simulator, time, published } = await ctown({
      faults: { enabled: true, meanIntervalS: 300 },
    });
    for (let i = 0; i < 20; i += 1) await simulator.tick();
    expect(published.length).toBeGreaterThan(20 * 60);
    for (const [topic, payload] of published) {
      const parsedTopic = parseTelemetryTopic(topic);
      expect(parsedTopic).toMatchObject({ ok: true, siteId: 'ctown' });
      const parsed = TelemetryPayloadSchema.parse(JSON.parse(payload));
      expect(typeof parsed.ts === 'number' && parsed.ts <= time.now()).toBe(true);
    }
    simulator.close();
  });

  it('keeps seq increasing per asset', async () => {
    const { simulator } = await ctown({ faults: { enabled: true, meanIntervalS: 300 } });
    const lastSeq = new Map<string, number>();
    for (const message of simulator.runTicks(50)) {
      expect(message.payload.seq).toBeGreaterThan(lastSeq.get(message.assetId) ?? -1);
      lastSeq.set(message.assetId, message.payload.seq);
    }
    simulator.close();
  });

  it('produces plausible values over two plant days', async () => {
    const { simulator } = await ctown({ speedup: 1800 });
    const messages = simulator.runTicks(96);
    const limits = tankLimits(CTOWN_INP);
    expect(limits.size).toBe(7);
    const pressures: number[] = [];
    let runningPumps = 0;
    for (const { assetId, payload } of messages) {
      const v = payload.values;
      const tank = limits.get(assetId);
      if (tank !== undefined) {
        expect(v.level).toBeGreaterThanOrEqual(tank[0]);
        expect(v.level).toBeLessThanOrEqual(tank[1]);
      }
      if (typeof v.pressure === 'number' && tank === undefined) pressures.push(v.pressure);
      if (v.vibration !== undefined && v.status === 1) {
        runningPumps += 1;
        expect(v.power).toBeGreaterThan(0);
        expect(v.flow).toBeGreaterThan(0);
        expect(v.vibration).toBeGreaterThan(0.3);
        expect(v.bearing_temp).toBeGreaterThan(18);
      }
      if (v.vibration !== undefined && v.status === 0) expect(v.power).toBe(0);
    }
    expect(runningPumps).toBeGreaterThan(96);
    expect(pressures.filter((p) => p > 0).length / pressures.length).toBeGreaterThan(0.95);
    simulator.close();
  });

  it('advances plant time by speedup × wall time', async () => {
    for (const speedup of [60, 600]) {
      const { simulator } = await ctown({ speedup });
      simulator.runTicks(31);
      expect(simulator.plantTimeS).toBeGreaterThanOrEqual(30 * speedup);
      expect(simulator.plantTimeS).toBeLessThanOrEqual(30 * speedup + simulator.options.hydStepS);
      simulator.close();
    }
  });

  it('counts failed publishes without stopping', async () => {
    const simulator = await PlantSimulator.create(
      {
        siteId: 'ctown',
        inpText: CTOWN_INP,
        seed: 3,
        faults: { enabled: false, meanIntervalS: 1 },
      },
      {
        clock: steppingClock(START, 1000).clock,
        publish: () => Promise.reject(new Error('broker down')),
      },
    );
    const messages: SimulatorMessage[] = await simulator.tick();
    expect(simulator.counters.publishFailures).toBe(messages.length);
    simulator.close();
  });

  it('runs a network in US units (Net1, GPM) with SI output', async () => {
    const simulator = await PlantSimulator.create(
      { siteId: 'net1', inpText: NET1_INP, seed: 1, sensorJunctionCount: 5 },
      { clock: steppingClock(START, 1000).clock, publish: () => Promise.resolve() },
    );
    const tank = simulator.runTicks(2).find((m) => m.assetId === '2');
    expect(tank?.payload.values.level).toBeGreaterThan(30 * 0.3048);
    expect(tank?.payload.values.level).toBeLessThan(150 * 0.3048);
    simulator.close();
  });
});

describe('PlantSimulator input errors', () => {
  const deps = { clock: () => START, publish: () => Promise.resolve() };
  it('rejects a bad site id, an empty network and a speedup of zero, naming the field', async () => {
    await expect(
      PlantSimulator.create({ siteId: 'C Town', inpText: CTOWN_INP, seed: 1 }, deps),
    ).rejects.toThrow(/siteId/);
    await expect(
      PlantSimulator.create({ siteId: 'ctown', inpText: '', seed: 1 }, deps),
    ).rejects.toThrow(/inpText/);
    await expect(
      PlantSimulator.create({ siteId: 'ctown', inpText: CTOWN_INP, seed: 1, speedup: 0 }, deps),
    ).rejects.toThrow(/speedup/);
  });
  it('rejects text that is not an EPANET network', async () => {
    await expect(
      PlantSimulator.create({ siteId: 'ctown', inpText: 'hello', seed: 1 }, deps),
    ).rejects.toThrow(/EPANET/);
  });
  it('names an unknown sensor junction and the closest id', async () => {
    await expect(
      PlantSimulator.create(
        { siteId: 'ctown', inpText: CTOWN_INP, seed: 1, sensorJunctions: ['J5111'] },
        deps,
      ),
    ).rejects.toThrow('J5111: not a junction in site ctown (did you mean J511?)');
    await expect(
      PlantSimulator.create(
        { siteId: 'ctown', inpText: CTOWN_INP, seed: 1, dmaInletPipes: ['PU1'] },
        deps,
      ),
    ).rejects.toThrow(/PU1: not a pipe in site ctown/);
  });
});
