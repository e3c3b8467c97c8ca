import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyYielding } from './json-text';

describe('stringifyYielding', () => {
  it('equals JSON.stringify for any JSON value, whatever the slice length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom(0, 4), async (value, sliceMs) => {
        expect(await stringifyYielding(value, { sliceMs })).toBe(JSON.stringify(value));
      }),
    );
  });

  it('rounds series (number arrays) to the decimals asked, keeping scalars exact', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        async (series, scalar) => {
          const text = await stringifyYielding({ series, scalar }, { seriesDecimals: 4 });
          const back = JSON.parse(text) as { series: number[]; scalar: number };
          expect(back.scalar).toBe(JSON.parse(JSON.stringify(scalar)));
          back.series.forEach((v, i) =>
            expect(Math.abs(v - (series[i] ?? 0))).toBeLessThanOrEqual(
              5.0001e-5 + Math.abs(v) * 1e-15,
            ),
          );
        },
      ),
    );
    expect(await stringifyYielding([Number.NaN, 1.23456], { seriesDecimals: 2 })).toBe(
      '[null,1.23]',
    );
  });
});
