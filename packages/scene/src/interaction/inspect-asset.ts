import { pumpRunning, tankFillFraction } from '../colour/paint-asset';
import type { AssetInspection } from '../controller-types';
import type { AssetVisual } from '../geometry/asset-visual';
import { arrowDirectionOf } from '../geometry/flow-arrows';
import type { HighlightRole } from '../scene-api';
import type { ValueSource } from '../state/value-store';

/** Read an asset's look back from the Babylon buffers (tests, the inspector). */
export function inspectVisual(
  visual: AssetVisual,
  shown: ValueSource,
  highlight: HighlightRole | null,
): AssetInspection | null {
  const part = visual.parts[0];
  if (!part) return null;
  const result: AssetInspection = {
    type: visual.type,
    color: part.batch.colorHex(part.index),
    highlight,
  };
  if (visual.tank) result.tankFill = tankFillFraction(visual);
  if (visual.pump) result.running = pumpRunning(visual, shown);
  const arrow = visual.arrow;
  if (arrow) {
    result.flowDirection = arrowDirectionOf(arrow.ref.batch.matrices, arrow.ref.index * 16, arrow);
  }
  return result;
}
