import type { AssetVisual } from './geometry/asset-visual';
import type { HighlightRole, SceneStats } from './scene-api';

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
  /** Pumps: running as the shown values say (live or overlay; null: unknown). */
  running?: boolean | null;
  /** Pipes: direction of the flow arrow (+1 from→to, -1 reversed, 0 none). */
  flowDirection?: -1 | 0 | 1;
  /** The highlight marker's role, null when not highlighted. */
  highlight: HighlightRole | null;
}

export interface ExtendedSceneStats extends SceneStats {
  /** 'engine': counted by the GPU engine; 'estimate': counted from active meshes (NullEngine). */
  drawCallSource: 'engine' | 'estimate';
  /** Asset ids in snapshots/deltas that are not in the loaded network (ignored). */
  unknownAssetUpdates: number;
  instanceCount: number;
  /** Alarm badges drawn now. */
  alarmBadges: number;
  /** Asset ids given to showAlarmBadges that are not in the loaded network (ignored), total. */
  unknownBadgeAssets: number;
}
