import { describe, expect, it } from 'vitest';
import { seededRandom } from '../testing/seeded-random';
import { computeBands } from './compute-bands';
import { percentilesOf } from './percentiles';

const members = 9;
const rows = 7;
const times = 5;
const data = new SharedArrayBuffer(rows * times * members * 4);
const view = new Float32Array(data);
const random = seededRandom(4);
for (let i = 0; i < view.length; i++) view[i] = Math.fround(random() * 100);
const cell = (row: number, t: number, m: number): number =>
  view[(row * times + t) * members + m] ?? NaN;

describe('computeBands', () => {
  it.each([1, 3, 50])(
    'gives each cell the percentiles of the listed members (%i threads)',
    async (threads) => {
      const used = [0, 2, 3, 5, 8];
      const bands = await computeBands({
        data,
        members,
        memberIndices: used,
        rows,
        times,
        threads,
      });
      expect(bands).toHaveLength(rows);
      for (let row = 0; row < rows; row++) {
        for (let t = 0; t < times; t++) {
          const want = percentilesOf(used.map((m) => cell(row, t, m)));
          expect(bands?.[row]?.p5[t]).toBeCloseTo(want.p5, 9);
          expect(bands?.[row]?.p50[t]).toBeCloseTo(want.p50, 9);
          expect(bands?.[row]?.p95[t]).toBeCloseTo(want.p95, 9);
        }
      }
    },
  );

  it('uses every member when all are listed', async () => {
    const all = Array.from({ length: members }, (_, m) => m);
    const bands = await computeBands({
      data,
      members,
      memberIndices: all,
      rows,
      times,
      threads: 2,
    });
    expect(bands?.[6]?.p50[4]).toBeCloseTo(percentilesOf(all.map((m) => cell(6, 4, m))).p50, 9);
  });

  it('answers undefined when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const all = Array.from({ length: members }, (_, m) => m);
    const bands = await computeBands({
      data,
      members,
      memberIndices: all,
      rows,
      times,
      threads: 2,
      signal: controller.signal,
    });
    expect(bands).toBeUndefined();
  });
});
