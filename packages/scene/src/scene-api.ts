import type { NetworkModel, TwinDelta, TwinState } from '@twinhelm/contracts';
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
  getState(): SceneViewState;
  subscribe(listener: () => void): () => void;
  getStats(): SceneStats;
  resize(): void;
  dispose(): void;
}
