import { pumpRunning } from '../colour/paint-asset';
import type { AssetVisual } from '../geometry/asset-visual';
import type { ValueSource } from '../state/value-store';

/** "T1 · 3.20 m", "PU4 · on": the asset id and its headline value when measured. */
export function labelText(visual: AssetVisual, store: ValueSource): string {
  if (visual.tank) {
    const level = store.get(visual.slot, 'level');
    return Number.isNaN(level) ? visual.id : `${visual.id} · ${level.toFixed(2)} m`;
  }
  if (visual.pump) {
    const running = pumpRunning(visual, store);
    return running === null ? visual.id : `${visual.id} · ${running ? 'on' : 'off'}`;
  }
  return visual.id;
}
