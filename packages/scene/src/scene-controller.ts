import { Engine } from '@babylonjs/core/Engines/engine';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';
import type { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import type { NetworkModel, TwinDelta, TwinState } from '@twinhelm/contracts';
import { BACKGROUND_COLOUR, legendFor } from './colour/palette';
import { paintAsset, pumpRunning, tankFillFraction } from './colour/paint-asset';
import type { AssetVisual } from './geometry/asset-visual';
import { buildNetwork, type BuiltNetwork } from './geometry/build-network';
import { arrowDirectionOf } from './geometry/flow-arrows';
import { createMaterials, freezeMaterials, type SceneMaterials } from './geometry/materials';
import { spinPumps } from './geometry/pump-spin';
import { CameraFlight, createCamera, lensOf, overviewOf } from './interaction/camera';
import {
  boundsOf,
  focusRadius,
  NO_INSETS,
  sanitiseInsets,
  screenOffset,
  type ViewInsets,
} from './interaction/framing';
import { AssetLabels } from './interaction/labels';
import { pickAssetAt } from './interaction/picking';
import { SelectionMarker } from './interaction/selection-marker';
import type { ColorBy, SceneControllerApi, SceneStats, SceneViewState } from './scene-api';
import { applyChanges } from './state/apply-changes';
import { ValueStore } from './state/value-store';
import { estimateDrawCalls, FrameTimer } from './view/frame-stats';
import { ViewStore } from './view/view-store';
import { labelText } from './interaction/label-text';

export interface SceneControllerOptions {
  /** Milliseconds clock for animations and frame timing (default performance.now). */
  clock?: () => number;
  /** Run the engine's render loop (default true); tests render with renderFrame(). */
  renderLoop?: boolean;
  /** GUI labels for tanks, pumps and reservoirs (default: when a DOM document exists). */
  labels?: boolean;
  /** Initial elevation exaggeration (default 3). */
  elevationExaggeration?: number;
}

/** What one asset currently looks like, read back from the Babylon buffers. */
export interface AssetInspection {
  type: AssetVisual['type'];
  /** "#rrggbb" of the asset's first instance (the selection colour while selected). */
  color: string;
  /** Tanks: share of the tank's height the fill shows, 0..1. */
  tankFill?: number;
  /** Pumps: running as telemetry says (null: unknown). */
  running?: boolean | null;
  /** Pipes: direction of the flow arrow (+1 from→to, -1 reversed, 0 none). */
  flowDirection?: -1 | 0 | 1;
}

export interface ExtendedSceneStats extends SceneStats {
  /** 'engine': counted by the GPU engine; 'estimate': counted from active meshes (NullEngine). */
  drawCallSource: 'engine' | 'estimate';
  /** Asset ids in snapshots/deltas that are not in the loaded network (ignored). */
  unknownAssetUpdates: number;
  instanceCount: number;
}

/** Time constant (ms) of the eased shift when panels open or close. */
const INSET_EASE_MS = 120;

export class SceneController implements SceneControllerApi {
  private readonly scene: Scene;
  private readonly camera: ArcRotateCamera;
  private readonly materials: SceneMaterials;
  private readonly marker: SelectionMarker;
  private readonly labels: AssetLabels | null;
  private readonly instrumentation: SceneInstrumentation;
  private readonly flight: CameraFlight;
  private readonly view: ViewStore;
  private readonly frameTimer = new FrameTimer();
  private readonly now: () => number;
  private readonly loop = () => this.renderFrame();
  private network: NetworkModel | null = null;
  private built: BuiltNetwork | null = null;
  private pumps: AssetVisual[] = [];
  private store = new ValueStore(0);
  private unknownUpdates = 0;
  private lastFrameAt: number | null = null;
  private lastDrawCalls = 0;
  private materialsFrozen = false;
  private disposed = false;
  private insets: ViewInsets = { ...NO_INSETS };
  private shownInsets: ViewInsets = { ...NO_INSETS };
  /** The camera shows the overview and the user has not moved it: refit on resize. */
  private atOverview = false;

  /** A WebGL2 engine on a canvas (antialiased, screenshots kept, device pixel ratio). */
  static create(canvas: HTMLCanvasElement, options: SceneControllerOptions = {}): SceneController {
    const engine = new Engine(canvas, true, { preserveDrawingBuffer: true, stencil: true }, true);
    const controller = new SceneController(engine, options, true);
    controller.camera.attachControl(canvas, true);
    return controller;
  }

  constructor(
    private readonly engine: AbstractEngine,
    options: SceneControllerOptions = {},
    private readonly ownsEngine = false,
  ) {
    this.now = options.clock ?? (() => performance.now());
    const exaggeration = options.elevationExaggeration ?? 3;
    assertExaggeration(exaggeration);
    this.view = new ViewStore(exaggeration);
    this.scene = new Scene(engine);
    this.scene.clearColor = Color4.FromHexString(`${BACKGROUND_COLOUR}ff`);
    this.scene.skipPointerMovePicking = true;
    const light = new HemisphericLight('twinhelm-light', new Vector3(0.3, 1, -0.2), this.scene);
    light.groundColor = new Color3(0.35, 0.36, 0.38);
    this.camera = createCamera(this.scene);
    this.materials = createMaterials(this.scene);
    this.marker = new SelectionMarker(this.scene, this.materials);
    this.labels =
      (options.labels ?? typeof document !== 'undefined') ? new AssetLabels(this.scene) : null;
    this.instrumentation = new SceneInstrumentation(this.scene);
    this.flight = new CameraFlight(this.camera, this.now);
    this.scene.onAfterRenderObservable.add(() => {
      this.lastDrawCalls = this.instrumentation.drawCallsCounter.current;
    });
    this.scene.onPointerObservable.add((info) => {
      if (
        info.type === PointerEventTypes.POINTERDOWN ||
        info.type === PointerEventTypes.POINTERWHEEL
      )
        this.atOverview = false;
      if (info.type !== PointerEventTypes.POINTERTAP) return;
      this.selectAsset(this.pickAt(this.scene.pointerX, this.scene.pointerY));
    });
    if (options.renderLoop !== false) engine.runRenderLoop(this.loop);
  }

  load(network: NetworkModel): void {
    if (this.disposed) return;
    this.view.update({ status: 'loading', selectedAssetId: null });
    try {
      this.network = network;
      this.rebuild(this.view.get().elevationExaggeration, true);
      this.view.update({ status: 'ready', warnings: this.built?.warnings.slice(0, 20) ?? [] });
    } catch (error) {
      this.clearNetwork();
      const reason = error instanceof Error ? error.message : String(error);
      this.view.update({
        status: 'error',
        error: `network "${network.title}" could not be drawn: ${reason}`,
      });
    }
  }

  applySnapshot(state: TwinState): void {
    if (!this.built) return;
    this.store.clear();
    this.unknownUpdates += applyChanges(state, this.built.assets, this.store, () => undefined);
    this.repaintAll();
  }

  applyDeltas(changes: TwinDelta['changes']): void {
    if (!this.built) return;
    this.unknownUpdates += applyChanges(changes, this.built.assets, this.store, this.repaint);
  }

  setColorBy(quantity: ColorBy): void {
    if (this.disposed || quantity === this.view.get().colorBy) return;
    this.view.update({ colorBy: quantity, legend: legendFor(quantity) });
    this.repaintAll();
  }

  setElevationExaggeration(factor: number): void {
    if (this.disposed) return;
    assertExaggeration(factor);
    this.view.update({ elevationExaggeration: factor });
    if (this.network) this.rebuild(factor, false);
  }

  focusAsset(assetId: string): boolean {
    const visual = this.built?.assets.get(assetId);
    if (!visual) return false;
    this.selectAsset(assetId);
    this.atOverview = false;
    const layout = this.built?.layout;
    const extent = layout ? Math.max(layout.width, layout.depth) : 0;
    this.flight.start(visual.centre, focusRadius(extent, visual, lensOf(this.camera), this.insets));
    return true;
  }

  /** Fly back to the overview: the whole network in the free area, slightly tilted. */
  resetView(): void {
    const overview = this.overview();
    if (!overview) return;
    this.flight.start(overview.target, overview.radius, overview.angles);
    this.atOverview = true;
  }

  /**
   * Shares of the canvas that opaque UI covers (0..0.8 each). The view eases so that what the
   * camera looks at sits in the middle of the rest; the overview is fitted into it.
   */
  setViewInsets(insets: ViewInsets): void {
    const next = sanitiseInsets(insets);
    const old = this.insets;
    if (
      next.left === old.left &&
      next.right === old.right &&
      next.top === old.top &&
      next.bottom === old.bottom
    )
      return;
    this.insets = next;
    if (this.atOverview && !this.flight.active) this.jumpToOverview();
  }

  /** Select an asset (null clears). An id not in the network leaves the selection as it is. */
  selectAsset(assetId: string | null): void {
    if (!this.built) return;
    const previous = this.view.get().selectedAssetId;
    if (assetId === previous || (assetId !== null && !this.built.assets.has(assetId))) return;
    this.view.update({ selectedAssetId: assetId });
    const old = previous === null ? undefined : this.built.assets.get(previous);
    if (old) this.repaint(old);
    const next = assetId === null ? null : (this.built.assets.get(assetId) ?? null);
    if (next) this.repaint(next);
    this.marker.show(next);
  }

  /** The asset under a render-target pixel (what a click there would select), or null. */
  pickAt(x: number, y: number): string | null {
    if (!this.built) return null;
    return pickAssetAt(this.scene, x, y);
  }

  inspectAsset(assetId: string): AssetInspection | null {
    const visual = this.built?.assets.get(assetId);
    const part = visual?.parts[0];
    if (!visual || !part) return null;
    const result: AssetInspection = { type: visual.type, color: part.batch.colorHex(part.index) };
    if (visual.tank) result.tankFill = tankFillFraction(visual);
    if (visual.pump) result.running = pumpRunning(visual, this.store);
    const arrow = visual.arrow;
    if (arrow)
      result.flowDirection = arrowDirectionOf(
        arrow.ref.batch.matrices,
        arrow.ref.index * 16,
        arrow,
      );
    return result;
  }

  getState(): SceneViewState {
    return this.view.get();
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener);
  }

  getStats(): ExtendedSceneStats {
    const measured = this.lastDrawCalls;
    return {
      drawCalls: measured > 0 ? measured : estimateDrawCalls(this.scene),
      drawCallSource: measured > 0 ? 'engine' : 'estimate',
      activeMeshes: this.scene.getActiveMeshes().length,
      totalMeshes: this.scene.meshes.length,
      frameTimeMs: this.frameTimer.mean(),
      unknownAssetUpdates: this.unknownUpdates,
      instanceCount: this.built?.batches.reduce((n, b) => n + b.count, 0) ?? 0,
    };
  }

  /** Render one frame: camera flight, pump spin, buffer uploads, then the scene. */
  renderFrame(): void {
    if (this.disposed) return;
    const start = this.now();
    const elapsed = this.lastFrameAt === null ? 0 : Math.min(start - this.lastFrameAt, 100);
    this.lastFrameAt = start;
    this.flight.step();
    this.easeInsets(elapsed);
    this.labels?.layout(this.camera, this.view.get().selectedAssetId, this.shownInsets);
    spinPumps(this.pumps, this.store, elapsed);
    if (this.built) for (const batch of this.built.batches) batch.flush();
    this.scene.render();
    if (!this.materialsFrozen) {
      freezeMaterials(this.materials);
      this.materialsFrozen = true;
    }
    this.frameTimer.record(this.now() - start);
  }

  resize(): void {
    if (this.disposed) return;
    this.engine.resize();
    if (this.atOverview && !this.flight.active) this.jumpToOverview();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.engine.stopRenderLoop(this.loop);
    this.flight.cancel();
    this.view.clearListeners();
    this.labels?.dispose();
    this.scene.dispose();
    if (this.ownsEngine) this.engine.dispose();
    this.built = null;
    this.network = null;
    this.pumps = [];
  }

  private readonly repaint = (visual: AssetVisual): void => {
    const state = this.view.get();
    paintAsset(visual, state.colorBy, this.store, state.selectedAssetId === visual.id);
    if (this.labels && (visual.tank || visual.pump))
      this.labels.setText(visual.id, labelText(visual, this.store));
  };

  private repaintAll(): void {
    for (const visual of this.built?.list ?? []) this.repaint(visual);
  }

  private rebuild(exaggeration: number, fresh: boolean): void {
    if (!this.network) return;
    const selected = this.view.get().selectedAssetId;
    this.clearNetwork();
    this.built = buildNetwork(this.network, this.scene, this.materials, exaggeration);
    this.pumps = this.built.list.filter((v) => v.pump);
    if (fresh) this.store = new ValueStore(this.built.list.length);
    this.materialsFrozen = false;
    for (const m of this.materials.all) m.unfreeze();
    this.labels?.build(this.built.list);
    this.repaintAll();
    this.marker.show(selected === null ? null : (this.built.assets.get(selected) ?? null));
    if (fresh) this.jumpToOverview();
  }

  private overview() {
    const bounds = this.built ? boundsOf(this.built.list.map((v) => v.centre)) : null;
    if (!bounds) return null;
    const fit = overviewOf(this.camera, bounds, this.insets);
    return { ...fit, angles: { alpha: fit.alpha, beta: fit.beta } };
  }

  private jumpToOverview(): void {
    const overview = this.overview();
    if (!overview) return;
    this.flight.cancel();
    this.shownInsets = { ...this.insets };
    this.camera.alpha = overview.angles.alpha;
    this.camera.beta = overview.angles.beta;
    this.camera.radius = overview.radius;
    this.camera.target.set(overview.target[0], overview.target[1], overview.target[2]);
    this.applyScreenOffset();
    this.atOverview = true;
  }

  /** Move the shown insets toward the requested ones (eased), then shift the view to them. */
  private easeInsets(elapsedMs: number): void {
    const k = elapsedMs <= 0 ? 1 : 1 - Math.exp(-elapsedMs / INSET_EASE_MS);
    const shown = this.shownInsets;
    for (const side of ['left', 'right', 'top', 'bottom'] as const) {
      const gap = this.insets[side] - shown[side];
      shown[side] = Math.abs(gap) < 1e-4 ? this.insets[side] : shown[side] + gap * k;
    }
    this.applyScreenOffset();
  }

  private applyScreenOffset(): void {
    const [x, y] = screenOffset(this.shownInsets, this.camera.radius, lensOf(this.camera));
    this.camera.targetScreenOffset.set(x, y);
  }

  private clearNetwork(): void {
    if (!this.built) return;
    for (const batch of this.built.batches) batch.dispose();
    this.built.ground.dispose();
    this.built = null;
    this.pumps = [];
    this.marker.show(null);
  }
}

function assertExaggeration(factor: number): void {
  if (!Number.isFinite(factor) || factor <= 0 || factor > 100) {
    throw new RangeError(`elevation exaggeration ${factor}: expected a number in (0, 100], e.g. 3`);
  }
}
