import type { AssetVisual } from '../geometry/asset-visual';
import type { AssetMatchReport, OverlayFill, SceneOverlay } from '../scene-api';
import { emptyReport, noteUnknown } from './match-report';
import { SCENE_METRICS, type SceneMetric, type ValueSource } from './value-store';

/**
 * Values of an overlay (a prediction frame, the nowcast) per asset slot, in typed arrays that
 * are reused from one overlay to the next (scrubbing allocates no buffers), composed over the
 * live store: fill 'all' reads only the overlay, 'unmeasured' reads live where live has a value.
 */
export class OverlayValues implements ValueSource {
  private readonly values: Record<SceneMetric, Float64Array>;
  fill: OverlayFill = 'all';

  constructor(
    readonly size: number,
    readonly live: ValueSource,
  ) {
    const values = {} as Record<SceneMetric, Float64Array>;
    for (const metric of SCENE_METRICS) values[metric] = new Float64Array(size).fill(Number.NaN);
    this.values = values;
  }

  /**
   * Replace the held values with an overlay's. Metrics the scene does not draw (head, demand,
   * power) are dropped; a non-finite value counts as missing. Unknown ids are counted.
   */
  set(overlay: SceneOverlay, assets: ReadonlyMap<string, AssetVisual>): AssetMatchReport {
    for (const metric of SCENE_METRICS) this.values[metric].fill(Number.NaN);
    this.fill = overlay.fill ?? (overlay.kind === 'modelled' ? 'unmeasured' : 'all');
    const report = emptyReport();
    const entries = overlay.values;
    for (const assetId in entries) {
      const visual = assets.get(assetId);
      if (!visual) {
        noteUnknown(report, assetId);
        continue;
      }
      report.matched++;
      const metrics = entries[assetId];
      if (!metrics) continue;
      for (const metric in metrics) {
        const array = isSceneMetric(metric) ? this.values[metric] : undefined;
        const v = (metrics as Record<string, number | undefined>)[metric];
        if (array && typeof v === 'number' && Number.isFinite(v)) array[visual.slot] = v;
      }
    }
    return report;
  }

  get(slot: number, metric: SceneMetric): number {
    const own = this.values[metric][slot] ?? Number.NaN;
    if (this.fill === 'all') return own;
    const live = this.live.get(slot, metric);
    return Number.isNaN(live) ? own : live;
  }
}

function isSceneMetric(metric: string): metric is SceneMetric {
  return (SCENE_METRICS as readonly string[]).includes(metric);
}
