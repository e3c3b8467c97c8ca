import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declutter, labelFontPx, type LabelBox } from './label-layout';

describe('labelFontPx', () => {
  it('follows the shorter side of the canvas: small on a laptop, large on a 4K wall screen', () => {
    expect(labelFontPx(1366, 768, 1)).toBe(13);
    expect(labelFontPx(1920, 1080, 1)).toBe(17);
    expect(labelFontPx(1024, 1366, 1)).toBe(16);
    expect(labelFontPx(3840, 2160, 1)).toBe(35);
  });

  it('converts to device pixels on high-density screens (same CSS size)', () => {
    expect(labelFontPx(3840, 2160, 0.5)).toBe(Math.round(1080 * 0.016 * 2));
    expect(labelFontPx(2732, 768 * 2, 0.5)).toBe(26);
  });

  it('stays at the minimum for empty or nonsensical sizes', () => {
    expect(labelFontPx(0, 0, 1)).toBe(13);
    expect(labelFontPx(-5, -5, Number.NaN)).toBe(13);
    expect(labelFontPx(1e6, 1e6, 1)).toBe(56);
  });
});

const box = (x: number, y: number, priority = 0, onScreen = true): LabelBox => ({
  x,
  y,
  width: 40,
  height: 16,
  priority,
  onScreen,
});

describe('declutter', () => {
  it('keeps the more important of two overlapping labels', () => {
    expect(declutter([box(100, 100, 1), box(110, 105, 3)])).toEqual([false, true]);
  });

  it('keeps labels that do not touch, and never shows one off screen', () => {
    expect(declutter([box(100, 100), box(300, 100), box(500, 100, 9, false)])).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('never leaves two visible labels overlapping, and always shows the top priority on screen', () => {
    const arb = fc.array(
      fc.record({
        x: fc.integer({ min: 0, max: 400 }),
        y: fc.integer({ min: 0, max: 300 }),
        width: fc.integer({ min: 1, max: 120 }),
        height: fc.integer({ min: 1, max: 30 }),
        priority: fc.integer({ min: 0, max: 5 }),
        onScreen: fc.boolean(),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(arb, (boxes) => {
        const visible = declutter(boxes, 0);
        const shown = boxes.filter((_, i) => visible[i]);
        for (let i = 0; i < shown.length; i++) {
          for (let j = i + 1; j < shown.length; j++) {
            const a = shown[i]!;
            const b = shown[j]!;
            const apart =
              Math.abs(a.x - b.x) * 2 >= a.width + b.width ||
              a.y - a.height >= b.y ||
              b.y - b.height >= a.y;
            expect(apart).toBe(true);
          }
        }
        const candidates = boxes.filter((b) => b.onScreen);
        if (candidates.length > 0) {
          const top = Math.max(...candidates.map((b) => b.priority));
          expect(shown.some((b) => b.priority === top)).toBe(true);
        }
        expect(boxes.every((b, i) => b.onScreen || !visible[i])).toBe(true);
      }),
    );
  });
});
