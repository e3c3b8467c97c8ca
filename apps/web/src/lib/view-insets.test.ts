import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unionOf, viewInsets, type Box } from './view-insets';

const canvas: Box = { left: 0, top: 0, right: 1366, bottom: 768 };

describe('viewInsets', () => {
  it('charges the top bar, the side column and the asset panel to their edges', () => {
    const insets = viewInsets(canvas, [
      { left: 0, top: 0, right: 1366, bottom: 56 },
      { left: 14, top: 66, right: 315, bottom: 510 },
      { left: 942, top: 66, right: 1352, bottom: 564 },
    ]);
    expect(insets.top).toBeCloseTo(56 / 768, 6);
    expect(insets.left).toBeCloseTo(315 / 1366, 6);
    expect(insets.right).toBeCloseTo(424 / 1366, 6);
    expect(insets.bottom).toBe(0);
  });

  it('charges a bottom sheet to the bottom', () => {
    const tall: Box = { left: 0, top: 0, right: 1024, bottom: 1366 };
    const insets = viewInsets(tall, [{ left: 0, top: 800, right: 1024, bottom: 1366 }]);
    expect(insets).toEqual({ left: 0, right: 0, top: 0, bottom: 566 / 1366 });
  });

  it('ignores missing boxes, boxes off the canvas and an empty canvas', () => {
    expect(viewInsets(canvas, [null, { left: 2000, top: 0, right: 2100, bottom: 50 }])).toEqual({
      left: 0,
      right: 0,
      top: 0,
      bottom: 0,
    });
    expect(viewInsets({ left: 0, top: 0, right: 0, bottom: 0 }, [canvas]).left).toBe(0);
  });

  it('always answers shares between 0 and 1', () => {
    const box = fc
      .tuple(fc.integer({ min: -500, max: 2000 }), fc.integer({ min: -500, max: 2000 }))
      .chain(([l, t]) =>
        fc.record({
          left: fc.constant(l),
          top: fc.constant(t),
          right: fc.integer({ min: l, max: l + 2000 }),
          bottom: fc.integer({ min: t, max: t + 2000 }),
        }),
      );
    fc.assert(
      fc.property(fc.array(box, { maxLength: 5 }), (boxes) => {
        const insets = viewInsets(canvas, boxes);
        for (const v of Object.values(insets)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('unionOf', () => {
  it('spans the boxes and skips empty ones', () => {
    expect(
      unionOf([
        { left: 10, top: 10, right: 20, bottom: 20 },
        { left: 0, top: 0, right: 0, bottom: 0 },
        { left: 15, top: 5, right: 40, bottom: 12 },
      ]),
    ).toEqual({ left: 10, top: 5, right: 40, bottom: 20 });
    expect(unionOf([])).toBeNull();
  });
});
