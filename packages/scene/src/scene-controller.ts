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
import { paintAsset } from './colour/paint-asset';
import type {
  AssetInspection,
  ExtendedSceneStats,
  SceneControllerOptions,
} from './controller-types';
import type { AssetVisual } from './geometry/asset-visual';
import { buildNetwork, type BuiltNetwork } from './geometry/build-network';
import { assertExaggeration } from './layout/layout';
import { createMaterials, freezeMaterials, type SceneMaterials } from './geometry/materials';
import { spinPumps } from './geometry/pump-spin';
import { createCamera, lensOf } from './interaction/camera';
import { boundsOf, focusRadius, type ViewInsets } from './interaction/framing';
import { AssetLabels } from './interaction/labels';
import { pickAssetAt } from './interaction/picking';
import { SelectionMarker } from './interaction/selection-marker';
import { frameGroup, resolveGroup } from './interaction/focus-group';
import { inspectVisual } from './interaction/inspect-asset';
import { ViewFramer } from './interaction/view-framer';
import { AlarmBadges, type AlarmBadgeInspection } from './badges/alarm-badges';
import { HighlightMarkers } from './overlay/highlight-markers';
import { OverlayBanner } from './overlay/overlay-banner';
import { OverlayPresenter } from './overlay/overlay-presenter';
import type {
  AlarmBadge,
  AssetHighlight,
  AssetMatchReport,
  ColorBy,
  SceneControllerApi,
  SceneOverlay,
  SceneViewState,
} from './scene-api';
import { applyChanges } from './state/apply-changes';
import { emptyReport } from './state/match-report';
import { ValueStore, type ValueSource } from './state/value-store';
import { FrameTimer, sceneStats } from './view/frame-stats';
import { ViewStore } from './view/view-store';
import { labelText } from './interaction/label-text';

export type { AssetInspection, ExtendedSceneStats, SceneControllerOptions, AlarmBadgeInspection };

export class SceneController implements SceneControllerApi {
  private readonly scene: Scene;
  private readonly camera: ArcRotateCamera;
  private readonly materials: SceneMaterials;
  private readonly marker: SelectionMarker;
  private readonly labels: AssetLabels | null;
  private readonly overlay: OverlayPresenter;
  private readonly highlights: HighlightMarkers;
  private readonly badges: AlarmBadges;
  private readonly instrumentation: SceneInstrumentation;
  private readonly framer: ViewFramer;
  private readonly view: ViewStore;
  private readonly frameTimer = new FrameTimer();
  private readonly now: () => number;
  private readonly loop = () => this.renderFrame();
  private readonly holdBack = (): void => undefined;
  private network: NetworkModel | null = null;
  private built: BuiltNetwork | null = null;
  private pumps: AssetVisual[] = [];
  private store = new ValueStore(0);
  private unknownUpdates = 0;
  private unknownBadges = 0;
  private lastFrameAt: number | null = null;
  private lastDrawCalls = 0;
  private materialsFrozen = false;
  private disposed = false;

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
    this.overlay = new OverlayPresenter(
      this.scene,
      this.labels ? new OverlayBanner(this.scene, this.labels.gui) : null,
    );
    this.highlights = new HighlightMarkers(this.scene);
    this.badges = new AlarmBadges(this.scene, this.labels !== null);
    this.instrumentation = new SceneInstrumentation(this.scene);
    this.framer = new ViewFramer(this.camera, this.now, () =>
      this.built ? boundsOf(this.built.list.map((v) => v.centre)) : null,
    );
    this.scene.onAfterRenderObservable.add(() => {
      this.lastDrawCalls = this.instrumentation.drawCallsCounter.current;
    });
    this.scene.onPointerObservable.add((info) => {
      if (
        info.type === PointerEventTypes.POINTERDOWN ||
        info.type === PointerEventTypes.POINTERWHEEL
      )
        this.framer.userMoved();
      if (info.type !== PointerEventTypes.POINTERTAP) return;
      this.selectAsset(this.pickAt(this.scene.pointerX, this.scene.pointerY));
    });
    if (options.renderLoop !== false) engine.runRenderLoop(this.loop);
  }

  load(network: NetworkModel): void {
    if (this.disposed) return;
    this.overlay.clear();
    this.highlights.clear();
    this.badges.clear();
    this.view.update({
      status: 'loading',
      selectedAssetId: null,
      overlay: null,
      highlightLegend: [],
    });
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
    const changed = this.overlay.holdsLive ? this.holdBack : this.repaint;
    this.unknownUpdates += applyChanges(changes, this.built.assets, this.store, changed);
  }

  showOverlay(overlay: SceneOverlay): AssetMatchReport {
    if (!this.built || this.disposed) return emptyReport();
    const report = this.overlay.show(overlay, this.built, this.store);
    if (this.overlay.state !== this.view.get().overlay) {
      this.view.update({ overlay: this.overlay.state });
    }
    this.repaintAll();
    return report;
  }

  clearOverlay(): void {
    if (!this.overlay.clear()) return;
    this.view.update({ overlay: null });
    this.repaintAll();
  }

  highlightAssets(highlights: readonly AssetHighlight[]): AssetMatchReport {
    if (!this.built || this.disposed) return emptyReport();
    const { report, legend } = this.highlights.set(highlights, this.built.assets);
    this.view.update({ highlightLegend: legend });
    return report;
  }

  clearHighlights(): void {
    this.highlights.clear();
    if (this.view.get().highlightLegend.length > 0) this.view.update({ highlightLegend: [] });
  }

  showAlarmBadges(badges: readonly AlarmBadge[]): AssetMatchReport {
    if (!this.built || this.disposed) return emptyReport();
    const report = this.badges.set(badges, this.built.assets);
    this.unknownBadges += report.unknownCount;
    return report;
  }

  clearAlarmBadges(): void {
    this.badges.clear();
  }

  focusAssets(assetIds: readonly string[]): AssetMatchReport {
    const built = this.built;
    if (!built) return emptyReport();
    const { visuals, report } = resolveGroup(assetIds, built.assets);
    const { alpha, beta } = this.camera;
    const extent = Math.max(built.layout.width, built.layout.depth);
    const lens = lensOf(this.camera);
    const frame = frameGroup(visuals, alpha, beta, lens, this.framer.insets, extent);
    if (frame) this.framer.flyTo(frame.target, frame.radius);
    return report;
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
    const layout = this.built?.layout;
    const extent = layout ? Math.max(layout.width, layout.depth) : 0;
    const lens = lensOf(this.camera);
    this.framer.flyTo(visual.centre, focusRadius(extent, visual, lens, this.framer.insets));
    return true;
  }

  /** Fly back to the overview: the whole network in the free area, slightly tilted. */
  resetView(): void {
    this.framer.flyToOverview();
  }

  /**
   * Shares of the canvas that opaque UI covers (0..0.8 each). The view eases so that what the
   * camera looks at sits in the middle of the rest; the overview is fitted into it.
   */
  setViewInsets(insets: ViewInsets): void {
    this.framer.setInsets(insets);
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

  /** The asset under a canvas point (what a click there would select: badges first), or null. */
  pickAt(x: number, y: number): string | null {
    if (!this.built) return null;
    return this.badges.pick(x, y) ?? pickAssetAt(this.scene, x, y);
  }

  inspectAsset(assetId: string): AssetInspection | null {
    const visual = this.built?.assets.get(assetId);
    if (!visual) return null;
    return inspectVisual(visual, this.shown(), this.highlights.roleOf(assetId));
  }

  /** The alarm badge of an asset as drawn in the last frame, or null when it has none. */
  inspectAlarmBadge(assetId: string): AlarmBadgeInspection | null {
    return this.badges.inspect(assetId);
  }

  getState(): SceneViewState {
    return this.view.get();
  }

  subscribe(listener: () => void): () => void {
    return this.view.subscribe(listener);
  }

  getStats(): ExtendedSceneStats {
    return sceneStats(this.scene, this.lastDrawCalls, this.frameTimer.mean(), {
      unknownAssetUpdates: this.unknownUpdates,
      instanceCount: this.built?.batches.reduce((n, b) => n + b.count, 0) ?? 0,
      alarmBadges: this.badges.count,
      unknownBadgeAssets: this.unknownBadges,
    });
  }

  /** Render one frame: camera flight, pump spin, buffer uploads, then the scene. */
  renderFrame(): void {
    if (this.disposed) return;
    const start = this.now();
    const elapsed = this.lastFrameAt === null ? 0 : Math.min(start - this.lastFrameAt, 100);
    this.lastFrameAt = start;
    this.framer.step(elapsed);
    const shownInsets = this.framer.shownInsets;
    this.labels?.layout(this.camera, this.view.get().selectedAssetId, shownInsets);
    this.overlay.layout(shownInsets);
    this.highlights.pulse(start);
    this.badges.layout(this.camera, start);
    spinPumps(this.pumps, this.shown(), elapsed);
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
    this.framer.refit();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.engine.stopRenderLoop(this.loop);
    this.framer.flight.cancel();
    this.view.clearListeners();
    this.highlights.dispose();
    this.badges.dispose();
    this.overlay.dispose();
    this.labels?.dispose();
    this.scene.dispose();
    if (this.ownsEngine) this.engine.dispose();
    this.built = null;
    this.network = null;
    this.pumps = [];
  }

  /** The values painted now: the overlay's (over live) while one is shown, else live. */
  private shown(): ValueSource {
    return this.overlay.source(this.store);
  }

  private readonly repaint = (visual: AssetVisual): void => {
    const state = this.view.get();
    const shown = this.shown();
    paintAsset(visual, state.colorBy, shown, state.selectedAssetId === visual.id);
    if (this.labels && (visual.tank || visual.pump))
      this.labels.setText(visual.id, labelText(visual, shown));
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
    if (!fresh) {
      this.overlay.refit(this.built);
      if (this.highlights.count > 0) {
        this.view.update({ highlightLegend: this.highlights.rebuild(this.built.assets) });
      }
      this.badges.rebuild(this.built.assets);
    }
    this.repaintAll();
    this.marker.show(selected === null ? null : (this.built.assets.get(selected) ?? null));
    if (fresh) this.framer.jumpToOverview();
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
