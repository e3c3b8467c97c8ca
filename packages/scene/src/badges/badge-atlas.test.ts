import { describe, expect, it } from 'vitest';
import { hexToRgb } from '../colour/hex';
import { ATLAS_COLUMNS, BADGE_CELL_PX, BadgeAtlas, badgeCell } from './badge-atlas';
import { ALARM_BADGE_STYLE, BADGE_DARK, badgePx, blinkLit } from './badge-style';

/** RGBA of a pixel of a cell, (x, y) from the cell's top-left. */
function pixelOf(atlas: BadgeAtlas, cell: number, x: number, y: number): number[] {
  const row = Math.floor(cell / ATLAS_COLUMNS);
  const column = cell % ATLAS_COLUMNS;
  const o = ((row * atlas.cell + y) * atlas.width + column * atlas.cell + x) * 4;
  return [...atlas.data.subarray(o, o + 4)];
}
const rgba = (hex: string) => [...hexToRgb(hex).map((v) => Math.round(v * 255)), 255];

describe('badge atlas', () => {
  it('maps priority, count and face to distinct cells; ten and more share the "9+" cell', () => {
    const cells = new Set<number>();
    for (const p of ['critical', 'high', 'medium', 'low'] as const) {
      for (let n = 1; n <= 10; n++) {
        cells.add(badgeCell(p, n, true));
        cells.add(badgeCell(p, n, false));
      }
    }
    expect(cells.size).toBe(80);
    expect(badgeCell('high', 57, true)).toBe(badgeCell('high', 10, true));
    expect(badgeCell('high', 0, true)).toBe(badgeCell('high', 1, true));
  });

  it('draws a solid face in the priority colour with a dark number, a hollow face the other way round', () => {
    const atlas = new BadgeAtlas();
    const solid = badgeCell('critical', 8, true);
    const hollow = badgeCell('critical', 8, false);
    expect(atlas.ensure(solid)).toBe(true);
    expect(atlas.ensure(solid)).toBe(false);
    atlas.ensure(hollow);
    const c = BADGE_CELL_PX / 2;
    // The middle bar of the 8 at the centre; the fill right of the digit; the corner outside.
    expect(pixelOf(atlas, solid, c, c)).toEqual(rgba(BADGE_DARK));
    expect(pixelOf(atlas, solid, c + 14, c)).toEqual(rgba(ALARM_BADGE_STYLE.critical.color));
    expect(pixelOf(atlas, solid, 0, 0)[3]).toBe(0);
    expect(pixelOf(atlas, hollow, c, c)).toEqual(rgba(ALARM_BADGE_STYLE.critical.color));
    expect(pixelOf(atlas, hollow, c + 14, c)).toEqual(rgba(BADGE_DARK));
    // Cells not asked for stay empty.
    expect(pixelOf(atlas, badgeCell('low', 1, true), c, c)[3]).toBe(0);
  });
});

describe('badge style', () => {
  it('sizes badges for the screen: laptop, tablet (device pixel ratio 2), wall', () => {
    expect(badgePx(1366, 768, 1)).toBe(32);
    expect(badgePx(1536, 2048, 0.5)).toBe(64);
    expect(badgePx(3840, 2160, 1)).toBe(73);
    expect(badgePx(7680, 4320, 1)).toBe(80);
    expect(badgePx(0, 0, Number.NaN)).toBe(32);
  });

  it('blinks at 1 Hz: lit for the first half of each second', () => {
    expect([0, 250, 499, 500, 999, 1000, -250].map(blinkLit)).toEqual([
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});
