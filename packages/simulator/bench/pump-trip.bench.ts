// How fast a pump trip shows as low pressure on C-Town (packages/simulator/README.md, "Tripping a
// pump on demand"): the simulator as the BFF runs it (seed 1, one tick per wall second), a trip
// injected at a range of plant times; for each measured junction of the zone, the wall seconds
// after the trip until its pressure has stayed under 10 m for 15 s and under 20 m for 60 s (the
// default low-low and low alarm rules of @twinhelm/alarms, on-delays included).
import { readFileSync } from 'node:fs';
import { PlantSimulator } from '../src/plant-simulator';

const inpText = readFileSync(new URL('../../../data/networks/CTOWN.INP', import.meta.url), 'utf8');
const TRIPS: Record<string, { assetIds: string[]; zone: string[] }> = {
  PU8: { assetIds: ['PU8'], zone: ['J72', 'J87', 'J245', 'J246'] },
  'PU6+PU7': {
    assetIds: ['PU6', 'PU7'],
    zone: ['J26', 'J32', 'J91', 'J147', 'J150', 'J234', 'J494'],
  },
};
const LIMITS = [
  { name: '<10 m 15 s', below: 10, holdS: 15 },
  { name: '<20 m 60 s', below: 20, holdS: 60 },
];
const speedup = Number(process.argv[2] ?? 60);
const faults = process.argv[3] === 'faults';
const afterS = 900;

for (const [name, { assetIds, zone }] of Object.entries(TRIPS)) {
  const firsts: number[][] = LIMITS.map(() => []);
  const lasts: number[][] = LIMITS.map(() => []);
  for (let tripS = 60; tripS <= 86_400 / speedup; tripS += 3600 / speedup) {
    let now = 1_750_000_000_000;
    const simulator = await PlantSimulator.create(
      {
        siteId: 'ctown',
        inpText,
        seed: 1,
        speedup,
        faults: { enabled: faults, meanIntervalS: 3600 },
      },
      { publish: () => Promise.resolve(), clock: () => (now += 1000) },
    );
    simulator.runTicks(tripS);
    simulator.injectFault({ kind: 'pump_trip', assetIds });
    const since = LIMITS.map(() => new Map<string, number>());
    const reached = LIMITS.map(() => new Map<string, number>());
    for (let t = 1; t <= afterS; t += 1) {
      for (const m of simulator.step()) {
        if (!zone.includes(m.assetId)) continue;
        const pressure = Number(m.payload.values.pressure);
        LIMITS.forEach((limit, i) => {
          if (pressure >= limit.below) since[i]!.delete(m.assetId);
          else if (!since[i]!.has(m.assetId)) since[i]!.set(m.assetId, t);
          const start = since[i]!.get(m.assetId);
          if (start !== undefined && t - start >= limit.holdS && !reached[i]!.has(m.assetId))
            reached[i]!.set(m.assetId, t);
        });
      }
    }
    simulator.close();
    const row = LIMITS.map((limit, i) => {
      const times = [...reached[i]!.values()].sort((a, b) => a - b);
      if (times.length > 0) firsts[i]!.push(times[0]!);
      if (times.length === zone.length) lasts[i]!.push(times.at(-1)!);
      return `${limit.name}: ${times.length}/${zone.length} (${times[0] ?? '-'}–${times.at(-1) ?? '-'} s)`;
    });
    console.log(
      `${name} tripped at plant ${((tripS * speedup) / 3600).toFixed(1)} h: ${row.join(', ')}`,
    );
  }
  LIMITS.forEach((limit, i) => {
    const range = (xs: number[]) =>
      xs.length ? `${Math.min(...xs)}–${Math.max(...xs)} s` : 'never';
    console.log(
      `${name} at ${speedup}×${faults ? ' (seeded faults on)' : ''}, ${limit.name}: first junction ${range(firsts[i]!)}, all ${zone.length} ${range(lasts[i]!)} after the trip (wall)`,
    );
  });
}
