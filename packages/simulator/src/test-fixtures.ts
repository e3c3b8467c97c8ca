import { readFileSync } from 'node:fs';

/** C-Town, the network the simulator is demonstrated on (tests and benchmarks only). */
export const CTOWN_INP = readFileSync(
  new URL('../../../data/networks/CTOWN.INP', import.meta.url),
  'utf8',
);
export const NET1_INP = readFileSync(
  new URL('../../../data/networks/Net1.inp', import.meta.url),
  'utf8',
);

/** A fake wall clock that moves stepMs forward on every read. */
export function steppingClock(
  startMs: number,
  stepMs: number,
): { clock: () => number; now: () => number } {
  let t = startMs - stepMs;
  return { clock: () => (t += stepMs), now: () => t };
}
