import type { AssetVisual } from '../geometry/asset-visual';
import type { Point3 } from '../layout/layout';
import type { AssetMatchReport } from '../scene-api';
import { emptyReport, noteUnknown } from '../state/match-report';
import {
  boundsOf,
  centreOf,
  fitRadius,
  focusRadius,
  type Bounds,
  type Lens,
  type ViewInsets,
} from './framing';

/**
 * Where the camera looks and how far it stands to frame a group of assets from its current
 * angles: one asset as focusAsset frames it; several fitted (with their own sizes and 15 %
 * air) into the free area, never closer than a single asset's view.
 */
export function frameGroup(
  visuals: readonly AssetVisual[],
  alpha: number,
  beta: number,
  lens: Lens,
  insets: ViewInsets,
  networkExtent: number,
): { target: Point3; radius: number } | null {
  const first = visuals[0];
  if (!first) return null;
  const single = focusRadius(networkExtent, first, lens, insets);
  if (visuals.length === 1) return { target: first.centre, radius: single };
  const box = boundsOf(visuals.map((v) => v.centre)) as Bounds;
  const pad = Math.max(...visuals.map((v) => (v.type === 'pipe' ? v.size * 0.5 : v.size * 2)));
  const padded: Bounds = {
    min: [box.min[0] - pad, box.min[1] - pad, box.min[2] - pad],
    max: [box.max[0] + pad, box.max[1] + pad, box.max[2] + pad],
  };
  const radius = fitRadius(padded, alpha, beta, lens, insets, 1.15);
  return { target: centreOf(padded), radius: Math.max(radius, single) };
}

/** The visuals of the given ids (each once); ids not in the network are reported. */
export function resolveGroup(
  assetIds: readonly string[],
  assets: ReadonlyMap<string, AssetVisual>,
): { visuals: AssetVisual[]; report: AssetMatchReport } {
  const report = emptyReport();
  const visuals: AssetVisual[] = [];
  for (const id of new Set(assetIds)) {
    const visual = assets.get(id);
    if (visual) visuals.push(visual);
    else noteUnknown(report, id);
  }
  report.matched = visuals.length;
  return { visuals, report };
}
