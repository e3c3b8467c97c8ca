import type { AlarmPriority, NetworkModel, TwinDelta, TwinState } from '@twinhelm/contracts';
import type { ViewInsets } from './interaction/framing';

export type { ViewInsets };

/** Quantities the network can be coloured by. */
export type ColorBy = 'pressure' | 'flow' | 'velocity' | 'level';

export interface LegendEntry {
  label: string;
  /** CSS colour, e.g. "#9aa0a6" */
  color: string;
}

/** Coarse state React may read (useSyncExternalStore): never per-frame or per-message data. */
export interface SceneViewState {
  status: 'empty' | 'loading' | 'ready' | 'error';
  error?: string;
  selectedAssetId: string | null;
  colorBy: ColorBy;
  elevationExaggeration: number;
  legend: { title: string; unit: string; entries: LegendEntry[]; unmeasured: LegendEntry };
  /** Elements of the last loaded network that could not be drawn, with the reason (≤ 20). */
  warnings?: string[];
  /**
   * Non-null while an overlay (prediction / modelled values) is shown instead of live values:
   * the UI must draw a banner with `label` in `accent`, and mark the legend as not live.
   */
  overlay: OverlayViewState | null;
  /** One entry per highlight role in use (in HIGHLIGHT_ROLES order), empty when none. */
  highlightLegend: HighlightLegendEntry[];
}

/** What the overlay shows: 'prediction' = a scenario's future, 'modelled' = the nowcast. */
export type OverlayKind = 'prediction' | 'modelled';

/** Metrics an overlay may carry; head, demand and power are accepted and not drawn. */
export type OverlayMetric =
  'pressure' | 'head' | 'demand' | 'flow' | 'velocity' | 'level' | 'power' | 'status';

/**
 * Which assets take overlay values. 'all': every drawn value comes from the overlay (a
 * metric the overlay lacks is shown as unmeasured). 'unmeasured': where live telemetry has
 * a value of that metric the live value is shown (and keeps updating), the overlay fills
 * only the gaps. Default: 'all' for 'prediction', 'unmeasured' for 'modelled'.
 */
export type OverlayFill = 'all' | 'unmeasured';

export interface SceneOverlay {
  kind: OverlayKind;
  /** Short text for the banner and the scene frame, e.g. "Prediction · +45 min · Close V12". */
  label: string;
  /** assetId → metric → value (SI units as live: m, L/s, m/s, m level, status 1 on / 0 off). */
  values: Readonly<Record<string, Readonly<Partial<Record<OverlayMetric, number>>>>>;
  fill?: OverlayFill;
}

export interface OverlayViewState {
  kind: OverlayKind;
  label: string;
  fill: OverlayFill;
  /** CSS colour of the scene's overlay frame: use it for the banner so both match. */
  accent: string;
}

/** What a proposed action does to an asset, or that the asset is affected by it. */
export type HighlightRole = 'close' | 'open' | 'start' | 'stop' | 'change' | 'affected';

export interface AssetHighlight {
  assetId: string;
  role: HighlightRole;
}

export interface HighlightLegendEntry {
  role: HighlightRole;
  /** e.g. "Valve closes", "Pump starts", "Affected". */
  label: string;
  /** CSS colour of the ring and pin. */
  color: string;
  /** How many assets carry this role. */
  count: number;
}

/** An asset's alarms as its badge shows them (one badge per asset, see showAlarmBadges). */
export interface AlarmBadge {
  assetId: string;
  /** The highest priority among the asset's alarms: colour and shape of the badge. */
  priority: AlarmPriority;
  /** How many alarms the asset has: 1–9 shown as the number, 10 and more as "9+". */
  count: number;
  /** Any of them not yet acknowledged: the badge blinks (solid ↔ hollow, 1 Hz). */
  unacknowledged: boolean;
}

/** Result of a call that takes asset ids: how many were used, which were not in the network. */
export interface AssetMatchReport {
  /** Ids found in the loaded network and used. */
  matched: number;
  /** How many ids were not in the loaded network (ignored). */
  unknownCount: number;
  /** The first ≤ 20 unknown ids (for a warning). */
  unknownAssetIds: string[];
}

export interface SceneStats {
  drawCalls: number;
  activeMeshes: number;
  totalMeshes: number;
  /** Mean JS time per frame, ms, over the last frames rendered. */
  frameTimeMs: number;
}

/**
 * The 3D console's engine: a plain object that React only mounts. It owns the Babylon engine,
 * the render loop and every timer; state reaches it through intent methods, never React state.
 */
export interface SceneControllerApi {
  /** Build (or rebuild) the scene from a network model. */
  load(network: NetworkModel): void;
  /** Replace the whole live state (after join or resync). */
  applySnapshot(state: TwinState): void;
  /** Apply one coalesced delta. Cheap: called up to 10 times a second. */
  applyDeltas(changes: TwinDelta['changes']): void;
  setColorBy(quantity: ColorBy): void;
  setElevationExaggeration(factor: number): void;
  /** Fly the camera to an asset and select it. Returns false for an unknown id. */
  focusAsset(assetId: string): boolean;
  /** Select without moving the camera (null clears). */
  selectAsset(assetId: string | null): void;
  /** Fly back to the overview of the whole network. */
  resetView(): void;
  /**
   * Shares of the canvas (0..0.8 each) covered by opaque UI: the camera centres and fits what it
   * shows in the rest. Call whenever panels open, close or resize.
   */
  setViewInsets(insets: ViewInsets): void;
  /**
   * Show values that are not live (a prediction frame, the nowcast) instead of the live ones:
   * colours (current colorBy, same colour scale as live), tank fills, pump state and flow
   * arrows come from the overlay; the background turns tinted and a dashed frame in the
   * overlay's accent surrounds the network. Live deltas keep being stored but are not shown
   * (fill 'all') until clearOverlay. Cheap to call again ~10×/s (scrubbing): no rebuild, the
   * same buffers are rewritten; the view state only changes when kind, label or fill change.
   * A new load() clears the overlay.
   */
  showOverlay(overlay: SceneOverlay): AssetMatchReport;
  /** Back to live: the latest live state is shown at once. No-op when no overlay is shown. */
  clearOverlay(): void;
  /**
   * Mark assets with a ring (and, for actions, a pin above them) coloured by role, visible
   * from the overview; action rings pulse. Replaces the previous highlights. Unknown ids are
   * ignored and reported; an asset listed twice keeps its first role.
   */
  highlightAssets(highlights: readonly AssetHighlight[]): AssetMatchReport;
  /** Remove every highlight marker. */
  clearHighlights(): void;
  /**
   * Show an alarm badge above each listed asset (a node, or a link's midpoint), coloured and
   * shaped by priority (critical red square, high orange diamond, medium yellow triangle, low
   * blue circle) with the count inside; unacknowledged ones blink. Same size on screen at any
   * distance, drawn over the network, one draw call for all. Picking a badge selects its asset.
   * Replaces the previous badges (cheap to call on every alarm change). Unknown ids are
   * ignored and reported (and counted in getStats); an asset listed twice gets one badge
   * (highest priority, counts summed). A new load() clears them.
   */
  showAlarmBadges(badges: readonly AlarmBadge[]): AssetMatchReport;
  /** Remove every alarm badge. */
  clearAlarmBadges(): void;
  /**
   * Fly the camera to frame a set of assets (in the area left free by the view insets);
   * the selection is unchanged. Unknown ids are ignored; matched 0 means the camera stays.
   */
  focusAssets(assetIds: readonly string[]): AssetMatchReport;
  getState(): SceneViewState;
  subscribe(listener: () => void): () => void;
  getStats(): SceneStats;
  resize(): void;
  dispose(): void;
}
