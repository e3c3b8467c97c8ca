import { type AssetHighlight, type HighlightRole } from '../../scene/use-scene-controller';
import { type PerturbationDraft } from './composer-draft';

function roleOf(p: PerturbationDraft): HighlightRole {
  switch (p.type) {
    case 'asset-outage':
      return p.assetType === 'pump' ? 'stop' : 'close';
    case 'valve-setting':
      return p.valveMode === 'closed' ? 'close' : p.valveMode === 'open' ? 'open' : 'change';
    case 'pump-speed':
      return 'change';
    default:
      return 'affected';
  }
}

/** The assets a draft perturbs, marked in 3D by what happens to them while it is composed. */
export function draftHighlights(perturbations: readonly PerturbationDraft[]): AssetHighlight[] {
  const seen = new Set<string>();
  const highlights: AssetHighlight[] = [];
  for (const p of perturbations) {
    const assetId = p.assetType === 'pipe' && p.type === 'burst' ? p.burstNodeId : p.assetId;
    if (assetId === '' || seen.has(assetId)) continue;
    seen.add(assetId);
    highlights.push({ assetId, role: roleOf(p) });
  }
  return highlights;
}
