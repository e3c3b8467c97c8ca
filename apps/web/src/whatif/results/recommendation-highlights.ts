import { type CandidateAction, type Recommendation } from '@twinhelm/contracts';
import { type AssetHighlight, type HighlightRole } from '../../scene/use-scene-controller';

const ROLE_OF: Record<CandidateAction['kind'], HighlightRole> = {
  'close-valve': 'close',
  'isolate-segment': 'close',
  'open-valve': 'open',
  'start-pump': 'start',
  'stop-pump': 'stop',
  'pump-speed': 'change',
  'valve-setting': 'change',
  'tank-control': 'change',
};

/**
 * What "View in 3D" marks: each action's assets by what happens to them (valves to close,
 * pumps to start…), then the assets the scenario perturbs as affected; the camera frames the
 * action assets.
 */
export function recommendationHighlights(
  recommendation: Recommendation,
  affected: readonly string[],
): { highlights: AssetHighlight[]; frame: string[] } {
  const highlights: AssetHighlight[] = [];
  const seen = new Set<string>();
  for (const action of recommendation.actions) {
    for (const assetId of action.assetIds) {
      if (seen.has(assetId)) continue;
      seen.add(assetId);
      highlights.push({ assetId, role: ROLE_OF[action.kind] });
    }
  }
  const frame = [...seen];
  for (const assetId of affected) {
    if (seen.has(assetId)) continue;
    seen.add(assetId);
    highlights.push({ assetId, role: 'affected' });
  }
  return { highlights, frame };
}
