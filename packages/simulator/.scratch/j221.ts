import { readFileSync } from 'node:fs';
import { PlantSimulator } from '../src/plant-simulator';
const inpText = readFileSync(new URL('../../../data/networks/CTOWN.INP', import.meta.url), 'utf8');
let now = 1_750_000_000_000;
const sim = await PlantSimulator.create({ siteId: 'ctown', inpText, seed: 1, speedup: 60, faults: { enabled: false, meanIntervalS: 3600 } }, { publish: () => Promise.resolve(), clock: () => (now += 1000) });
const j: number[] = [], t2: number[] = [], j494: number[] = [];
for (let i = 0; i < 1440; i++) for (const m of sim.step()) {
  if (m.assetId === 'J221') j.push(Number(m.payload.values.pressure));
  if (m.assetId === 'T2') t2.push(Number(m.payload.values.level));
  if (m.assetId === 'J494') j494.push(Number(m.payload.values.pressure));
}
const r = (a: number[]) => `${Math.min(...a).toFixed(1)}..${Math.max(...a).toFixed(1)} first ${a.slice(0,3).map(x=>x.toFixed(1))}`;
console.log('J221', r(j), 'T2', r(t2), 'J494', r(j494));
console.log('T2 below 1.475 (low) share', t2.filter(x => x < 0.25*5.9).length / t2.length);
