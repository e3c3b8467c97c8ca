import { pumpRunning } from '../colour/paint-asset';
import type { ValueSource } from '../state/value-store';
import type { AssetVisual } from './asset-visual';
import { writeScaleRotateY } from './matrices';

/** Radians per millisecond at relative speed 1 (about one turn per second). */
const SPIN_RATE = (2 * Math.PI) / 1000;

/** Turn running pumps by the frame's elapsed time; stopped or unknown pumps stand still. */
export function spinPumps(
  pumps: readonly AssetVisual[],
  store: ValueSource,
  elapsedMs: number,
): void {
  for (const visual of pumps) {
    const pump = visual.pump;
    const ref = visual.parts[0];
    if (!pump || !ref || pumpRunning(visual, store) !== true) continue;
    const speed = store.get(visual.slot, 'speed');
    const relative = Number.isNaN(speed) || speed <= 0 ? 1 : Math.min(speed, 2);
    pump.angle = (pump.angle + elapsedMs * SPIN_RATE * relative) % (2 * Math.PI);
    writeScaleRotateY(
      ref.batch.matrices,
      ref.index * 16,
      pump.at,
      pump.size,
      pump.size,
      pump.angle,
    );
    ref.batch.markMatrixDirty();
  }
}
