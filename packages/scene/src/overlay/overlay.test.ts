import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKGROUND_COLOUR, RAMPS, STOPPED_COLOUR, UNMEASURED } from '../colour/palette';
import { ctownSizedNetwork } from '../testing/grid-network';
import { createHarness } from '../testing/harness';
import { readInpFixture } from '../testing/read-inp-fixture';
import { HIGHLIGHT_STYLE, OVERLAY_LOOK } from './overlay-palette';

const CTOWN = fileURLToPath(new URL('../../../../data/networks/CTOWN.INP', import.meta.url));
const sample = (v: number, ts = 1) => ({ v, ts });
const bin = (i: number) => RAMPS.pressure.bins[i]!.color;

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

const meshNames = (h: ReturnType<typeof createHarness>) =>
  h.controller['scene'].meshes.map((m) => m.name);
const clearHex = (h: ReturnType<typeof createHarness>) =>
  h.controller['scene'].clearColor.toHexString().slice(0, 7).toLowerCase();

describe('overlay', () => {
  it('colours, fills tanks, runs pumps and points arrows from overlay values, not live ones', () => {
    const { controller } = setup();
    controller.applySnapshot({
      J2: { pressure: sample(10) },
      J3: { pressure: sample(45) },
      T1: { level: sample(3) },
      PU1: { status: sample(1), flow: sample(30) },
      P1: { flow: sample(12) },
    });
    const report = controller.showOverlay({
      kind: 'prediction',
      label: '+30 min',
      values: {
        J2: { pressure: 60, head: 99 },
        T1: { level: 6 },
        PU1: { status: 0, flow: 0 },
        P1: { flow: -5 },
      },
    });
    expect(report).toEqual({ matched: 4, unknownCount: 0, unknownAssetIds: [] });
    expect(controller.inspectAsset('J2')?.color).toBe(bin(3));
    // fill 'all': J3 has a live value but none in the prediction, so it is not shown.
    expect(controller.inspectAsset('J3')?.color).toBe(UNMEASURED.color);
    expect(controller.inspectAsset('T1')?.tankFill).toBeCloseTo(1, 3);
    expect(controller.inspectAsset('PU1')).toMatchObject({ running: false, color: STOPPED_COLOUR });
    expect(controller.inspectAsset('P1')?.flowDirection).toBe(-1);
    expect(controller.getState().overlay).toEqual({
      kind: 'prediction',
      label: '+30 min',
      fill: 'all',
      accent: OVERLAY_LOOK.prediction.accent,
    });
    controller.setColorBy('level');
    expect(controller.inspectAsset('T1')?.color).toBe(RAMPS.level.bins[4]!.color);
  });

  it('keeps live deltas during the overlay and shows the latest live state on clearOverlay', () => {
    const { controller } = setup();
    controller.applySnapshot({ J2: { pressure: sample(10) }, T1: { level: sample(3) } });
    controller.showOverlay({ kind: 'prediction', label: 'p', values: { J2: { pressure: 60 } } });
    controller.applyDeltas({ J2: { pressure: sample(20, 2) }, T1: { level: sample(1.5, 2) } });
    controller.applyDeltas({ J4: { pressure: sample(80, 2) } });
    expect(controller.inspectAsset('J2')?.color).toBe(bin(3));
    expect(controller.inspectAsset('J4')?.color).toBe(UNMEASURED.color);
    expect(controller.inspectAsset('T1')?.tankFill).toBe(0);
    controller.clearOverlay();
    expect(controller.getState().overlay).toBeNull();
    expect(controller.inspectAsset('J2')?.color).toBe(bin(1));
    expect(controller.inspectAsset('J4')?.color).toBe(bin(4));
    expect(controller.inspectAsset('T1')?.tankFill).toBeCloseTo(0.25, 3);
  });

  it("'modelled' fills only what live does not measure, and live keeps updating there", () => {
    const { controller } = setup();
    controller.applySnapshot({ J2: { pressure: sample(10) } });
    controller.showOverlay({
      kind: 'modelled',
      label: 'nowcast 05:10',
      values: { J2: { pressure: 60 }, J3: { pressure: 45 } },
    });
    expect(controller.getState().overlay?.fill).toBe('unmeasured');
    expect(controller.inspectAsset('J2')?.color).toBe(bin(0));
    expect(controller.inspectAsset('J3')?.color).toBe(bin(2));
    controller.applyDeltas({ J2: { pressure: sample(40, 2) } });
    expect(controller.inspectAsset('J2')?.color).toBe(bin(2));
    controller.showOverlay({
      kind: 'modelled',
      label: 'all modelled',
      fill: 'all',
      values: { J2: { pressure: 60 } },
    });
    expect(controller.inspectAsset('J2')?.color).toBe(bin(3));
  });

  it('scrubbing rewrites the same buffers: no new meshes, view state unchanged unless the label changes', () => {
    const h = setup();
    const { controller } = h;
    const listener = vi.fn();
    controller.subscribe(listener);
    controller.showOverlay({ kind: 'prediction', label: 't', values: { J2: { pressure: 10 } } });
    expect(listener).toHaveBeenCalledTimes(1);
    h.advance(16);
    const state = controller.getState();
    const meshes = h.controller['scene'].meshes.length;
    const batches = h.controller['built']!.batches;
    const buffers = batches.map((b) => [b.colors, b.matrices]);
    for (let step = 0; step < 20; step++) {
      controller.showOverlay({
        kind: 'prediction',
        label: 't',
        values: { J2: { pressure: step * 4 }, T1: { level: step / 4 } },
      });
      h.advance(16);
    }
    expect(controller.inspectAsset('J2')?.color).toBe(bin(4));
    expect(controller.getState()).toBe(state);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(h.controller['scene'].meshes.length).toBe(meshes);
    expect(h.controller['built']!.batches).toBe(batches);
    expect(batches.map((b) => [b.colors, b.matrices])).toEqual(buffers);
    batches.forEach((b, i) => expect(b.colors).toBe(buffers[i]![0]));
    controller.showOverlay({ kind: 'prediction', label: 't+1', values: {} });
    expect(listener).toHaveBeenCalledTimes(2);
    expect(controller.getState().overlay?.label).toBe('t+1');
  });

  it('tints the background and frames the network while shown; clearing restores both', () => {
    const h = setup();
    const before = h.controller['scene'].meshes.length;
    expect(clearHex(h)).toBe(BACKGROUND_COLOUR);
    h.controller.showOverlay({ kind: 'prediction', label: 'p', values: {} });
    h.advance(16);
    expect(clearHex(h)).toBe(OVERLAY_LOOK.prediction.background);
    expect(meshNames(h)).toContain('twinhelm-overlay-frame');
    const active = h.controller['scene'].getActiveMeshes();
    const activeNames = Array.from({ length: active.length }, (_, i) => active.data[i]!.name);
    expect(activeNames).toContain('twinhelm-overlay-frame');
    h.controller.showOverlay({ kind: 'modelled', label: 'm', values: {} });
    expect(clearHex(h)).toBe(OVERLAY_LOOK.modelled.background);
    h.controller.clearOverlay();
    expect(clearHex(h)).toBe(BACKGROUND_COLOUR);
    expect(h.controller['scene'].meshes.length).toBe(before);
    h.controller.clearOverlay();
    expect(h.controller.getState().overlay).toBeNull();
  });

  it('reports overlay ids that are not in the network and ignores non-finite values', () => {
    const { controller } = setup();
    const values: Record<string, { pressure: number }> = { J2: { pressure: Number.NaN } };
    for (let i = 0; i < 25; i++) values[`GHOST${i}`] = { pressure: 1 };
    const report = controller.showOverlay({ kind: 'prediction', label: 'p', values });
    expect(report.matched).toBe(1);
    expect(report.unknownCount).toBe(25);
    expect(report.unknownAssetIds).toHaveLength(20);
    expect(report.unknownAssetIds[0]).toBe('GHOST0');
    expect(controller.inspectAsset('J2')?.color).toBe(UNMEASURED.color);
  });

  it('survives an exaggeration rebuild and is cleared by loading a network', () => {
    const { controller } = setup();
    controller.showOverlay({ kind: 'prediction', label: 'p', values: { J2: { pressure: 60 } } });
    controller.highlightAssets([{ assetId: 'PU1', role: 'start' }]);
    controller.setElevationExaggeration(5);
    expect(controller.inspectAsset('J2')?.color).toBe(bin(3));
    expect(controller.inspectAsset('PU1')?.highlight).toBe('start');
    expect(controller.getState().highlightLegend).toHaveLength(1);
    controller.load(ctownSizedNetwork());
    expect(controller.getState()).toMatchObject({ overlay: null, highlightLegend: [] });
    expect(controller.inspectAsset('PU1')?.highlight).toBeNull();
  });
});

describe('highlights', () => {
  it('marks known assets by role, reports unknown ones, and clears without leaking meshes', () => {
    const h = setup();
    const before = h.controller['scene'].meshes.length;
    const report = h.controller.highlightAssets([
      { assetId: 'V1', role: 'close' },
      { assetId: 'PU1', role: 'start' },
      { assetId: 'J5', role: 'affected' },
      { assetId: 'J6', role: 'affected' },
      { assetId: 'J6', role: 'close' },
      { assetId: 'NOPE', role: 'open' },
    ]);
    expect(report).toEqual({ matched: 4, unknownCount: 1, unknownAssetIds: ['NOPE'] });
    expect(h.controller.inspectAsset('V1')?.highlight).toBe('close');
    expect(h.controller.inspectAsset('J6')?.highlight).toBe('affected');
    expect(h.controller.inspectAsset('J7')?.highlight).toBeNull();
    expect(h.controller.getState().highlightLegend).toEqual([
      { role: 'close', label: 'Closes', color: HIGHLIGHT_STYLE.close.color, count: 1 },
      { role: 'start', label: 'Starts', color: HIGHLIGHT_STYLE.start.color, count: 1 },
      { role: 'affected', label: 'Affected', color: HIGHLIGHT_STYLE.affected.color, count: 2 },
    ]);
    h.advance(16);
    expect(meshNames(h)).toEqual(
      expect.arrayContaining(['twinhelm-highlight-rings', 'twinhelm-highlight-pins']),
    );
    // Replacing highlights does not pile up meshes.
    h.controller.highlightAssets([{ assetId: 'J5', role: 'affected' }]);
    expect(h.controller['scene'].meshes.length).toBe(before + 1);
    h.controller.clearHighlights();
    expect(h.controller['scene'].meshes.length).toBe(before);
    expect(h.controller.getState().highlightLegend).toEqual([]);
    expect(h.controller.highlightAssets([{ assetId: 'NOPE', role: 'stop' }]).matched).toBe(0);
    expect(h.controller['scene'].meshes.length).toBe(before);
  });

  it('action rings pulse with the clock; affected rings stay still', () => {
    const h = setup();
    h.controller.highlightAssets([
      { assetId: 'PU1', role: 'stop' },
      { assetId: 'J5', role: 'affected' },
    ]);
    const markers = h.controller['highlights'];
    const read = (i: number) => Array.from(markers['ringMatrices'].subarray(i * 16, i * 16 + 16));
    h.advance(16);
    const [action, affected] = [read(0), read(1)];
    h.advance(300);
    expect(read(0)).not.toEqual(action);
    expect(read(1)).toEqual(affected);
  });

  it('markers are drawn from the overview, on top of the network', () => {
    const h = setup();
    h.controller.highlightAssets([{ assetId: 'T1', role: 'change' }]);
    h.advance(16);
    const active = h.controller['scene'].getActiveMeshes();
    const names = Array.from({ length: active.length }, (_, i) => active.data[i]!.name);
    expect(names).toEqual(
      expect.arrayContaining(['twinhelm-highlight-rings', 'twinhelm-highlight-pins']),
    );
    const rings = h.controller['scene'].getMeshByName('twinhelm-highlight-rings')!;
    expect(rings.renderingGroupId).toBe(1);
    expect(rings.isPickable).toBe(false);
  });
});

describe('focusAssets', () => {
  it('frames a group of assets in the free area and reports unknown ids', () => {
    const h = setup(readInpFixture(CTOWN));
    const ids = ['PU1', 'v1', 'T1', 'J35'];
    const report = h.controller.focusAssets([...ids, 'GHOST']);
    expect(report).toEqual({ matched: 4, unknownCount: 1, unknownAssetIds: ['GHOST'] });
    h.advance(1000);
    const scene = h.controller['scene'];
    for (const id of ids) {
      const c = h.controller['built']!.assets.get(id)!.centre;
      const p = Vector3.TransformCoordinates(new Vector3(...c), scene.getTransformMatrix());
      expect(Math.abs(p.x)).toBeLessThan(1);
      expect(Math.abs(p.y)).toBeLessThan(1);
    }
    expect(h.controller.getState().selectedAssetId).toBeNull();
  });

  it('leaves the camera where it is when no id is known', () => {
    const h = setup();
    const camera = h.controller['camera'];
    const radius = camera.radius;
    expect(h.controller.focusAssets(['A', 'B']).matched).toBe(0);
    h.advance(1000);
    expect(camera.radius).toBe(radius);
  });
});

describe('budgets and disposal', () => {
  it('C-Town stays within 50 draw calls with an overlay and highlights shown', () => {
    const h = setup(readInpFixture(CTOWN));
    const base = h.controller.getStats().drawCalls;
    h.controller.showOverlay({
      kind: 'prediction',
      label: '+1 h',
      values: { J35: { pressure: 30 }, T1: { level: 2 } },
    });
    h.controller.highlightAssets([
      { assetId: 'v1', role: 'close' },
      { assetId: 'PU1', role: 'start' },
      { assetId: 'J35', role: 'affected' },
    ]);
    h.advance(16);
    const stats = h.controller.getStats();
    expect(stats.drawCalls).toBeLessThanOrEqual(50);
    expect(stats.drawCalls).toBeLessThanOrEqual(base + 3);
  });

  it('dispose with an overlay and highlights leaves no mesh or material behind', () => {
    const h = createHarness();
    h.controller.load(ctownSizedNetwork());
    h.controller.showOverlay({ kind: 'modelled', label: 'm', values: {} });
    h.controller.highlightAssets([{ assetId: 'PU1', role: 'start' }]);
    h.advance(16);
    const scene = h.controller['scene'];
    h.controller.dispose();
    expect(scene.meshes).toHaveLength(0);
    expect(scene.materials).toHaveLength(0);
    expect(h.controller.showOverlay({ kind: 'modelled', label: 'm', values: {} }).matched).toBe(0);
    h.controller.clearOverlay();
    h.controller.clearHighlights();
    h.engine.dispose();
  });
});
