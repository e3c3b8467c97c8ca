import { readFileSync } from 'node:fs';
import { PlantSimulator } from '../src/plant-simulator';
const inpText = readFileSync(new URL('../../../data/networks/CTOWN.INP', import.meta.url), 'utf8');
const enabled = process.argv[2] === 'faults';
let now = 1_750_000_000_000;
const sim = await PlantSimulator.create(
  { siteId: 'ctown', inpText, seed: 1, speedup: 60, faults: { enabled, meanIntervalS: 3600 } },
  { publish: () => Promise.resolve(), clock: () => (now += 1000) },
);
const pumps = sim.assets.filter((a) => a.type === 'pump').map((a) => a.id);
const mism = new Map<string, number>(); let worst = new Map<string, number>();
const lines: string[] = [];
for (let t = 0; t < 1440; t++) {
  const msgs = sim.step();
  const row: string[] = [];
  for (const p of pumps) {
    const m = msgs.find((x) => x.assetId === p);
    if (!m) { row.push('--'); continue; }
    const v = m.payload.values as Record<string, number>;
    const bad = v.command === 1 && v.power < 1;
    mism.set(p, bad ? (mism.get(p) ?? 0) + 1 : 0);
    worst.set(p, Math.max(worst.get(p) ?? 0, mism.get(p)!));
    row.push(`${v.command}${v.status}${bad ? '!' : ' '}${Math.round(v.power)}`);
  }
  if (t % 30 === 0) lines.push(`${t}s plant ${(sim.plantTimeS / 3600).toFixed(1)}h ` + row.join(' '));
}
console.log(pumps.join(' '));
console.log(lines.join('\n'));
console.log('longest command=1 & power<1 runs (ticks):', Object.fromEntries(worst));
console.log(sim.events.filter(e=>e.kind==='pump_trip').map(e=>`${e.edge} ${e.assetId} ${Math.round(e.plantTimeS/60)}min`).join(', '));
sim.close();
