import { readFileSync } from 'node:fs';
import { PlantSimulator } from '../src/plant-simulator';

const inpText = readFileSync(new URL('../../../data/networks/CTOWN.INP', import.meta.url), 'utf8');
for (const speedup of [60, 600, 3600]) {
  let now = 1_750_000_000_000;
  const simulator = await PlantSimulator.create(
    { siteId: 'ctown', inpText, seed: 1, speedup, faults: { enabled: true, meanIntervalS: 3600 } },
    { publish: () => Promise.resolve(), clock: () => (now += 1000) },
  );
  const ticks = 600;
  const started = performance.now();
  const messages = simulator.runTicks(ticks);
  const ms = performance.now() - started;
  console.log(
    `speedup ${speedup}: ${ticks} ticks in ${ms.toFixed(0)} ms (${(ms / ticks).toFixed(2)} ms/tick), ` +
      `${simulator.assets.length} assets, ${messages.length} messages, ${simulator.counters.hydraulicSteps} hydraulic steps, ` +
      `plant time ${(simulator.plantTimeS / 3600).toFixed(1)} h, ${simulator.events.length} fault events`,
  );
  simulator.close();
}
