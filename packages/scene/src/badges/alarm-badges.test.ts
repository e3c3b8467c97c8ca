import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Sprite } from '@babylonjs/core/Sprites/sprite';
import type { SpriteManager } from '@babylonjs/core/Sprites/spriteManager';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmBadge } from '../scene-api';
import { ctownSizedNetwork, largeNetwork } from '../testing/grid-network';
import { createHarness } from '../testing/harness';
import { ATLAS_COLUMNS, badgeCell } from './badge-atlas';

let harness: ReturnType<typeof createHarness> | null = null;
function setup(network = ctownSizedNetwork()) {
  harness = createHarness();
  harness.controller.load(network);
  harness.advance(16);
  return harness;
}
afterEach(() => {
  harness?.dispose();
  harness = null;
});

type Harness = ReturnType<typeof createHarness>;
const managers = (h: Harness) => h.controller['scene'].spriteManagers ?? [];
const sprites = (h: Harness): Sprite[] => managers(h)[0]?.sprites ?? [];
const badge = (
  assetId: string,
  priority: AlarmBadge['priority'],
  count = 1,
  unacknowledged = false,
): AlarmBadge => ({ assetId, priority, count, unacknowledged });

/** Where a world point lands on the 800×600 test canvas (render pixels, y down). */
function project(h: Harness, p: Vector3): { x: number; y: number } {
  const scene = h.controller['scene'];
  const engine = scene.getEngine();
  const viewport = h.controller['camera'].viewport.toGlobal(
    engine.getRenderWidth(),
    engine.getRenderHeight(),
  );
  const out = Vector3.Project(p, Matrix.Identity(), scene.getTransformMatrix(), viewport);
  return { x: out.x, y: out.y };
}

describe('alarm badges', () => {
  it('adds one badge per asset, above it, in one extra draw call', () => {
    const h = setup();
    const before = h.controller.getStats().drawCalls;
    const report = h.controller.showAlarmBadges([
      badge('J2', 'critical', 3, true),
      badge('T1', 'high'),
      badge('P1', 'low', 12),
    ]);
    expect(report).toEqual({ matched: 3, unknownCount: 0, unknownAssetIds: [] });
    h.advance(16);
    const stats = h.controller.getStats();
    expect(stats.alarmBadges).toBe(3);
    expect(stats.drawCalls).toBe(before + 1);
    expect(h.controller.inspectAlarmBadge('J2')).toMatchObject({
      priority: 'critical',
      count: 3,
      unacknowledged: true,
      screen: { visible: true },
    });
    expect(h.controller.inspectAlarmBadge('P1')?.cell).toBe(badgeCell('low', 12, true));
    expect(badgeCell('low', 12, true) % ATLAS_COLUMNS).toBe(ATLAS_COLUMNS - 1);
    const centre = h.controller['built']!.assets.get('J2')!.centre;
    const asset = project(h, new Vector3(...centre));
    const shown = h.controller.inspectAlarmBadge('J2')!.screen;
    expect(Math.abs(shown.x - asset.x)).toBeLessThan(3);
    expect(shown.y).toBeLessThan(asset.y - shown.sizePx / 2);
    // The sprite sits where the screen maths says (lifted along the camera's up axis).
    const sprite = sprites(h).find(
      (s) => s.cellIndex === h.controller.inspectAlarmBadge('J2')!.cell,
    );
    const drawn = project(h, sprite!.position);
    expect(drawn.x).toBeCloseTo(shown.x, 0);
    expect(drawn.y).toBeCloseTo(shown.y, 0);
  });

  it('draws critical badges last (on top) and acknowledged before unacknowledged', () => {
    const h = setup();
    h.controller.showAlarmBadges([
      badge('J2', 'critical'),
      badge('J3', 'low', 1, true),
      badge('J4', 'medium'),
      badge('J5', 'low'),
    ]);
    expect(h.controller['badges']['entries'].map((e) => e.assetId)).toEqual([
      'J5',
      'J3',
      'J4',
      'J2',
    ]);
  });

  it('blinks unacknowledged badges (solid ↔ hollow, 1 Hz, in phase); acknowledged ones stay solid', () => {
    const h = setup();
    h.controller.showAlarmBadges([badge('J2', 'high', 2, true), badge('J3', 'high', 2, false)]);
    const faces: boolean[] = [];
    for (let i = 0; i < 4; i++) {
      h.advance(250);
      faces.push(h.controller.inspectAlarmBadge('J2')!.solid);
      expect(h.controller.inspectAlarmBadge('J3')!.solid).toBe(true);
    }
    expect(faces).toContain(true);
    expect(faces).toContain(false);
    const cells = new Set(sprites(h).map((s) => s.cellIndex));
    expect(cells.has(badgeCell('high', 2, true))).toBe(true);
  });

  it('updates in place: the same sprite manager, the new priorities and counts, removed ones gone', () => {
    const h = setup();
    h.controller.showAlarmBadges([badge('J2', 'critical'), badge('T1', 'low')]);
    h.advance(16);
    const manager = managers(h)[0];
    h.controller.showAlarmBadges([badge('T1', 'critical', 4), badge('J7', 'medium')]);
    h.advance(16);
    expect(managers(h)).toEqual([manager]);
    expect(sprites(h)).toHaveLength(2);
    expect(h.controller.inspectAlarmBadge('J2')).toBeNull();
    expect(h.controller.inspectAlarmBadge('T1')).toMatchObject({ priority: 'critical', count: 4 });
    expect(h.controller.inspectAlarmBadge('J7')?.priority).toBe('medium');
  });

  it('merges an asset listed twice: highest priority, counts summed, unacknowledged if any is', () => {
    const h = setup();
    const report = h.controller.showAlarmBadges([
      badge('J2', 'low', 2),
      badge('J2', 'high', 1, true),
      badge('J3', 'medium', Number.NaN),
      badge('J4', 'medium', 0),
    ]);
    expect(report.matched).toBe(3);
    expect(h.controller.inspectAlarmBadge('J2')).toMatchObject({
      priority: 'high',
      count: 3,
      unacknowledged: true,
    });
    expect(h.controller.inspectAlarmBadge('J3')?.count).toBe(1);
    expect(h.controller.inspectAlarmBadge('J4')?.count).toBe(1);
  });

  it('clears: no badges, no extra draw call', () => {
    const h = setup();
    const before = h.controller.getStats().drawCalls;
    h.controller.showAlarmBadges([badge('J2', 'critical')]);
    h.advance(16);
    h.controller.clearAlarmBadges();
    h.advance(16);
    expect(h.controller.getStats()).toMatchObject({ alarmBadges: 0, drawCalls: before });
    expect(h.controller.inspectAlarmBadge('J2')).toBeNull();
    expect(h.controller.pickAt(400, 300)).not.toBe('J2');
    h.controller.clearAlarmBadges();
  });

  it('ignores and counts unknown asset ids and unknown priorities, never throws', () => {
    const h = setup();
    const bad = { assetId: 'J2', priority: 'urgent', count: 1, unacknowledged: true };
    const report = h.controller.showAlarmBadges([
      badge('J2', 'critical'),
      badge('NOPE', 'high'),
      bad as unknown as AlarmBadge,
      ...Array.from({ length: 30 }, (_, i) => badge(`X${i}`, 'low')),
    ]);
    expect(report.matched).toBe(1);
    expect(report.unknownCount).toBe(32);
    expect(report.unknownAssetIds).toHaveLength(20);
    expect(report.unknownAssetIds.slice(0, 2)).toEqual(['NOPE', 'J2']);
    h.controller.showAlarmBadges([badge('NOPE', 'high')]);
    h.advance(16);
    expect(h.controller.getStats()).toMatchObject({ alarmBadges: 0, unknownBadgeAssets: 33 });
  });

  it('is harmless before load and after dispose', () => {
    const h = createHarness();
    harness = h;
    expect(h.controller.showAlarmBadges([badge('J2', 'high')]).matched).toBe(0);
    h.controller.load(ctownSizedNetwork());
    h.controller.showAlarmBadges([badge('J2', 'high')]);
    h.controller.dispose();
    expect(h.controller.showAlarmBadges([badge('J2', 'high')]).matched).toBe(0);
    h.controller.clearAlarmBadges();
  });

  it('picking a badge returns its asset (badges win over what is behind them)', () => {
    const h = setup();
    h.controller.showAlarmBadges([badge('T1', 'critical', 1, true), badge('J200', 'low')]);
    for (const id of ['T1', 'J200']) {
      h.controller.focusAsset(id);
      h.advance(1000);
      const { x, y } = h.controller.inspectAlarmBadge(id)!.screen;
      expect(h.controller.pickAt(x, y)).toBe(id);
      expect(h.controller.pickAt(400, 300)).toBe(id);
    }
    expect(h.controller.pickAt(0, 0)).toBeNull();
  });

  it('keeps the same size on screen near and far (the sprite grows with distance)', () => {
    const h = setup();
    h.controller.showAlarmBadges([badge('J2', 'high')]);
    h.controller.resetView();
    h.advance(1000);
    const far = { ...h.controller.inspectAlarmBadge('J2')!.screen, world: sprites(h)[0]!.width };
    h.controller.focusAsset('J2');
    h.advance(1000);
    const near = { ...h.controller.inspectAlarmBadge('J2')!.screen, world: sprites(h)[0]!.width };
    expect(near.sizePx).toBe(far.sizePx);
    expect(far.world).toBeGreaterThan(near.world * 2);
  });

  it('keeps badges through an elevation change; a new network clears them', () => {
    const h = setup();
    h.controller.showAlarmBadges([badge('T1', 'medium')]);
    h.advance(16);
    const y = sprites(h)[0]!.position.y;
    h.controller.setElevationExaggeration(10);
    h.advance(16);
    expect(h.controller.inspectAlarmBadge('T1')?.priority).toBe('medium');
    expect(sprites(h)[0]!.position.y).not.toBeCloseTo(y, 3);
    h.controller.load(ctownSizedNetwork());
    expect(h.controller.getStats().alarmBadges).toBe(0);
  });

  it('500 badges on a 15k-element network: one draw call for all of them', () => {
    const network = largeNetwork();
    const h = setup(network);
    const before = h.controller.getStats().drawCalls;
    const priorities = ['critical', 'high', 'medium', 'low'] as const;
    const ids = [...network.nodes.map((n) => n.id), ...network.links.map((l) => l.id)];
    const badges = Array.from({ length: 500 }, (_, i) =>
      badge(ids[(i * 29) % ids.length]!, priorities[i % 4]!, (i % 12) + 1, i % 3 === 0),
    );
    expect(h.controller.showAlarmBadges(badges).matched).toBe(500);
    h.advance(16);
    const stats = h.controller.getStats();
    expect(stats.alarmBadges).toBe(500);
    expect(stats.drawCalls).toBe(before + 1);
    expect(managers(h)).toHaveLength(1);
    expect((managers(h)[0] as SpriteManager).capacity).toBeGreaterThanOrEqual(500);
  });
});
