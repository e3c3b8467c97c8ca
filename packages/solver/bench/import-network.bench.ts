import { importNetwork, parseInp } from '../src/index';
import { generateGridNetwork } from '../src/testing/index';

const rows = 120;
const cols = 125;
const ms = (t0: number): string => `${(performance.now() - t0).toFixed(0)} ms`;

for (const withCoordinates of [true, false]) {
  const text = generateGridNetwork({ rows, cols, seed: 1, withCoordinates });
  const label = `${rows * cols} junctions, ${withCoordinates ? 'file coordinates' : 'computed layout'}`;
  for (let run = 1; run <= 3; run++) {
    const t0 = performance.now();
    const parsed = parseInp(text);
    console.log(
      `parseInp   ${label} (${(text.length / 1e6).toFixed(1)} MB) run ${run}: ${ms(t0)} ok=${parsed.ok}`,
    );
  }
  const t0 = performance.now();
  const imported = await importNetwork(text, { timeoutMs: 300_000 });
  const warnings = imported.ok ? imported.warnings.length : 0;
  console.log(
    `importNetwork ${label} (parse + EPANET 24 h check): ${ms(t0)} ok=${imported.ok} warnings=${warnings}`,
  );
}
