import type { TwinState } from '@twinhelm/contracts';
import type { AssetVisual } from '../geometry/asset-visual';
import type { ValueStore } from './value-store';

/**
 * Store a batch of changes (a delta's `changes` or a whole snapshot) and call `changed` once
 * per drawn asset whose drawn values moved. Iterates with for…in: no per-message arrays.
 * Returns how many asset ids were not in the network (ignored).
 */
export function applyChanges(
  changes: TwinState,
  assets: ReadonlyMap<string, AssetVisual>,
  store: ValueStore,
  changed: (visual: AssetVisual) => void,
): number {
  let unknown = 0;
  for (const assetId in changes) {
    const visual = assets.get(assetId);
    const metrics = changes[assetId];
    if (!visual) {
      unknown++;
      continue;
    }
    if (!metrics) continue;
    let moved = false;
    for (const metric in metrics) {
      const sample = metrics[metric];
      if (sample && store.set(visual.slot, metric, sample)) moved = true;
    }
    if (moved) changed(visual);
  }
  return unknown;
}
