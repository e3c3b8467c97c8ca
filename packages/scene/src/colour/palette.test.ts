import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexToRgb, rgbToHex } from './hex';
import { binIndex, legendFor, RAMPS, UNMEASURED } from './palette';
import type { ColorBy } from '../scene-api';

const QUANTITIES: ColorBy[] = ['pressure', 'flow', 'velocity', 'level'];

describe('palette', () => {
  it('puts NaN in no bin and every number in exactly one, in ascending order', () => {
    for (const q of QUANTITIES) {
      expect(binIndex(RAMPS[q], Number.NaN)).toBe(-1);
      fc.assert(
        fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return binIndex(RAMPS[q], lo) <= binIndex(RAMPS[q], hi) && binIndex(RAMPS[q], lo) >= 0;
        }),
      );
    }
  });

  it('legends carry title, unit, one entry per bin and the unmeasured entry', () => {
    for (const q of QUANTITIES) {
      const legend = legendFor(q);
      expect(legend.entries.map((e) => e.color)).toEqual(RAMPS[q].bins.map((b) => b.color));
      expect(legend.unmeasured).toEqual(UNMEASURED);
      expect(legend.entries.every((e) => e.color !== UNMEASURED.color)).toBe(true);
    }
  });

  it('round-trips hex colours and rejects malformed ones with the expected format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const hex = `#${n.toString(16).padStart(6, '0')}`;
        return rgbToHex(...hexToRgb(hex)) === hex;
      }),
    );
    expect(() => hexToRgb('grey')).toThrow('expected #rrggbb');
  });
});
