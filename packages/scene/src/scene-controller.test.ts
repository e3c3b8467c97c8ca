import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { RAMPS, STOPPED_COLOUR, UNMEASURED } from './colour/palette';
import { ctownSizedNetwork, gridNetwork, largeNetwork } from './testing/grid-network';
import { createHarness } from './testing/harness';
import { readInpFixture } from './testing/read-inp-fixture';

const CTOWN = fileURLToPath(new URL('../../../data/networks/CTOWN.INP', import.meta.url));
const sample = (v: number, ts = 1) => ({ v, ts });

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

describe('building', () => {
  it('draws C-Town from its .inp in at most 50 draw calls', () => {
    const { controller } = setup(readInpFixture(CTOWN));
    expect(controller.getState().status).toBe('ready');
    expect(controller.getState().warnings).toEqual([]);
    const stats = controller.getStats();
    expect(stats.drawCalls).toBeGreaterThan(5);
    expect(stats.drawCalls).toBeLessThanOrEqual(50);
    expect(stats.instanceCount).toBeGreaterThan(396 + 444);
    expect(controller.inspectAsset('T1')?.type).toBe('tank');
    expect(controller.inspectAsset('PU4')?.type).toBe('pump');
    expect(controller.inspectAsset('v1')?.type).toBe('valve');
  });

  it('keeps a C-Town-sized synthetic network within 50 draw calls', () => {
    const { controller } = setup(ctownSizedNetwork());
    expect(controller.getStats().drawCalls).toBeLessThanOrEqual(50);
  });

  it('tiles a 15k-element network: at most 300 draw calls, and tiles outside the view are culled', () => {
    const network = largeNetwork();
    expect(network.nodes.length + network.links.length).toBeGreaterThanOrEqual(14_900);
    const h = setup(network);
    const whole = h.controller.getStats();
    expect(whole.drawCalls).toBeLessThanOrEqual(300);
    expect(whole.totalMeshes).toBeGreaterThan(20);
    expect(h.controller.focusAsset('J100')).toBe(true);
    h.advance(1000);
    const close = h.controller.getStats();
    expect(close.activeMeshes).toBeLessThan(whole.activeMeshes);
  });

  it('reports links whose end node is missing and non-finite coordinates, and still draws the rest', () => {
    const network = gridNetwork({ columns: 3, rows: 3 });
    const first = network.links[0]!;
    network.links[0] = { ...first, to: 'NOPE' };
    network.nodes[4] = { ...network.nodes[4]!, x: Number.NaN };
    const { controller } = setup(network);
    const state = controller.getState();
    expect(state.status).toBe('ready');
    expect(state.warnings?.some((w) => w.includes('end node NOPE'))).toBe(true);
    expect(state.warnings?.some((w) => w.startsWith('J5: coordinates'))).toBe(true);
    expect(controller.inspectAsset(first.id)).toBeNull();
  });

  it('rejects a nonsensical elevation exaggeration with a message saying what is expected', () => {
    const { controller } = setup();
    expect(() => controller.setElevationExaggeration(Number.NaN)).toThrow(
      /expected a number in \(0, 100\]/,
    );
    expect(() => controller.setElevationExaggeration(0)).toThrow(RangeError);
  });
});

describe('live state', () => {
  it('colours junctions by pressure and keeps unmeasured ones grey', () => {
    const { controller } = setup();
    controller.applySnapshot({ J2: { pressure: sample(10) }, J3: { pressure: sample(45) } });
    expect(controller.inspectAsset('J2')?.color).toBe(RAMPS.pressure.bins[0]!.color);
    expect(controller.inspectAsset('J3')?.color).toBe(RAMPS.pressure.bins[2]!.color);
    expect(controller.inspectAsset('J4')?.color).toBe(UNMEASURED.color);
    controller.applyDeltas({ J2: { pressure: sample(60, 2) } });
    expect(controller.inspectAsset('J2')?.color).toBe(RAMPS.pressure.bins[3]!.color);
  });

  it('a snapshot replaces the previous state; older samples and unknown ids are ignored', () => {
    const { controller } = setup();
    controller.applySnapshot({ J2: { pressure: sample(10, 5) } });
    controller.applyDeltas({ J2: { pressure: sample(45, 4) }, GHOST: { pressure: sample(1) } });
    expect(controller.inspectAsset('J2')?.color).toBe(RAMPS.pressure.bins[0]!.color);
    expect(controller.getStats().unknownAssetUpdates).toBe(1);
    controller.applySnapshot({ J3: { pressure: sample(45) } });
    expect(controller.inspectAsset('J2')?.color).toBe(UNMEASURED.color);
  });

  it('fills tanks by level / maxLevel and shows no fill without a measurement', () => {
    const { controller } = setup();
    expect(controller.inspectAsset('T1')?.tankFill).toBe(0);
    controller.applyDeltas({ T1: { level: sample(3) } });
    expect(controller.inspectAsset('T1')?.tankFill).toBeCloseTo(0.5, 3);
    controller.applyDeltas({ T1: { level: sample(9, 2) } });
    expect(controller.inspectAsset('T1')?.tankFill).toBeCloseTo(1, 3);
  });

  it('turns running pumps and stops stopped ones (grey, still)', () => {
    const h = setup();
    const matrix = () => {
      const visual = h.controller['built']!.assets.get('PU1')!;
      const part = visual.parts[0]!;
      return Array.from(part.batch.matrices.subarray(part.index * 16, part.index * 16 + 16));
    };
    h.controller.applyDeltas({ PU1: { status: sample(1), flow: sample(30) } });
    const before = matrix();
    h.advance(100);
    expect(matrix()).not.toEqual(before);
    expect(h.controller.inspectAsset('PU1')?.running).toBe(true);
    h.controller.applyDeltas({ PU1: { status: sample(0, 2), flow: sample(0, 2) } });
    const stopped = matrix();
    h.advance(100);
    expect(matrix()).toEqual(stopped);
    expect(h.controller.inspectAsset('PU1')?.color).toBe(STOPPED_COLOUR);
  });

  it('points flow arrows along the sign of the flow and hides them without flow', () => {
    const { controller } = setup();
    expect(controller.inspectAsset('P1')?.flowDirection).toBe(0);
    controller.applyDeltas({ P1: { flow: sample(12) } });
    expect(controller.inspectAsset('P1')?.flowDirection).toBe(1);
    controller.applyDeltas({ P1: { flow: sample(-12, 2) } });
    expect(controller.inspectAsset('P1')?.flowDirection).toBe(-1);
    controller.applyDeltas({ P1: { flow: sample(0, 3) } });
    expect(controller.inspectAsset('P1')?.flowDirection).toBe(0);
  });

  it('switching colour-by updates the legend, notifies subscribers and recolours', () => {
    const { controller } = setup();
    const listener = vi.fn();
    controller.subscribe(listener);
    controller.applySnapshot({ P1: { flow: sample(50) }, J2: { pressure: sample(45) } });
    expect(controller.inspectAsset('P1')?.color).toBe(UNMEASURED.color);
    controller.setColorBy('flow');
    const state = controller.getState();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(state.legend).toMatchObject({ title: 'Flow', unit: 'L/s', unmeasured: UNMEASURED });
    expect(state.legend.entries).toHaveLength(RAMPS.flow.bins.length);
    expect(controller.inspectAsset('P1')?.color).toBe(RAMPS.flow.bins[3]!.color);
    expect(controller.inspectAsset('J2')?.color).toBe(UNMEASURED.color);
    expect(controller.getState()).toBe(state);
  });

  it('keeps values and selection through an elevation exaggeration rebuild', () => {
    const { controller } = setup();
    controller.applySnapshot({ J2: { pressure: sample(10) }, T1: { level: sample(3) } });
    controller.selectAsset('J3');
    controller.setElevationExaggeration(6);
    expect(controller.getState()).toMatchObject({
      elevationExaggeration: 6,
      selectedAssetId: 'J3',
    });
    expect(controller.inspectAsset('J2')?.color).toBe(RAMPS.pressure.bins[0]!.color);
    expect(controller.inspectAsset('T1')?.tankFill).toBeCloseTo(0.5, 3);
  });
});

describe('selection and camera', () => {
  it('focusAsset returns false for an unknown id and leaves the selection alone', () => {
    const { controller } = setup();
    expect(controller.focusAsset('J99999')).toBe(false);
    expect(controller.getState().selectedAssetId).toBeNull();
  });

  it('focusAsset selects the asset and flies the camera to it', () => {
    const h = setup();
    expect(h.controller.focusAsset('T1')).toBe(true);
    expect(h.controller.getState().selectedAssetId).toBe('T1');
    h.advance(1000);
    const centre = h.controller['built']!.assets.get('T1')!.centre;
    const target = h.controller['camera'].target;
    expect(target.x).toBeCloseTo(centre[0], 3);
    expect(target.y).toBeCloseTo(centre[1], 3);
    expect(target.z).toBeCloseTo(centre[2], 3);
  });

  it('picking the screen centre after focusing returns that asset (thin instance index -> id)', () => {
    const h = setup();
    for (const id of ['T1', 'J200', 'PU3']) {
      h.controller.focusAsset(id);
      h.advance(1000);
      expect(h.controller.pickAt(400, 300)).toBe(id);
    }
    expect(h.controller.pickAt(0, 0)).toBeNull();
  });

  it('frames the whole network in the area the panels leave free, and flies back to it', () => {
    const h = createHarness();
    harness = h;
    const insets = { left: 0.22, right: 0.3, top: 0.07, bottom: 0 };
    h.controller.setViewInsets(insets);
    h.controller.load(readInpFixture(CTOWN));
    h.advance(16);
    const scene = h.controller['scene'];
    const camera = h.controller['camera'];
    const ndc = (p: readonly number[]) => {
      const v = Vector3.TransformCoordinates(
        new Vector3(p[0], p[1], p[2]),
        scene.getTransformMatrix(),
      );
      return { x: v.x, y: v.y };
    };
    const centres = [...h.controller['built']!.assets.values()].map((v) => v.centre);
    const xs = centres.map((c) => ndc(c).x);
    const ys = centres.map((c) => ndc(c).y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-1 + 2 * insets.left - 1e-6);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1 - 2 * insets.right + 1e-6);
    expect(Math.max(...ys)).toBeLessThanOrEqual(1 - 2 * insets.top + 1e-6);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(-1);
    // Not lost in the middle either: the network spans most of the free width or height.
    const spanX = (Math.max(...xs) - Math.min(...xs)) / (2 - 2 * insets.left - 2 * insets.right);
    const spanY = (Math.max(...ys) - Math.min(...ys)) / (2 - 2 * insets.top);
    expect(Math.max(spanX, spanY)).toBeGreaterThan(0.75);
    const overview = camera.radius;

    expect(h.controller.focusAsset('PU1')).toBe(true);
    h.advance(1000);
    // A tenth or more of the network's 1000-unit extent: the pump with its neighbours.
    expect(camera.radius).toBeGreaterThanOrEqual(100);
    expect(camera.radius).toBeLessThan(overview / 3);
    const pump = ndc(h.controller['built']!.assets.get('PU1')!.centre);
    expect(pump.x).toBeCloseTo(insets.left - insets.right, 2);

    h.controller.resetView();
    h.advance(1000);
    expect(camera.radius).toBeCloseTo(overview, 3);
  });

  it('selectAsset highlights, clears with null and ignores unknown ids', () => {
    const { controller } = setup();
    const grey = controller.inspectAsset('J3')?.color;
    controller.selectAsset('J3');
    expect(controller.inspectAsset('J3')?.color).not.toBe(grey);
    controller.selectAsset('NOPE');
    expect(controller.getState().selectedAssetId).toBe('J3');
    controller.selectAsset(null);
    expect(controller.getState().selectedAssetId).toBeNull();
    expect(controller.inspectAsset('J3')?.color).toBe(grey);
  });
});

describe('dispose', () => {
  it('leaves no scene, mesh or listener behind and ignores later calls', () => {
    const h = createHarness();
    h.controller.load(ctownSizedNetwork());
    h.advance(16);
    const listener = vi.fn();
    h.controller.subscribe(listener);
    const scene = h.controller['scene'];
    h.controller.dispose();
    expect(h.engine.scenes).toHaveLength(0);
    expect(scene.meshes).toHaveLength(0);
    expect(scene.materials).toHaveLength(0);
    h.controller.setColorBy('flow');
    h.controller.renderFrame();
    expect(listener).not.toHaveBeenCalled();
    h.engine.dispose();
  });
});
