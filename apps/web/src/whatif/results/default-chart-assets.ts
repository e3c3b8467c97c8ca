import { type Perturbation, type Violation } from '@twinhelm/contracts';

/** The assets a perturbation names (none for site-wide ones). */
export function perturbedAssets(p: Perturbation): string[] {
  switch (p.type) {
    case 'demand-multiplier':
      return p.junctionIds ?? [];
    case 'control-disabled':
      return [];
    default:
      return [p.assetId];
  }
}

/**
 * The assets a result's charts show first: the perturbed ones, then the worst violators (lowest
 * pressure or level first, one entry per asset), at most `limit`.
 */
export function defaultChartAssets(
  perturbations: readonly Perturbation[],
  violations: readonly Violation[],
  limit = 4,
): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const p of perturbations) perturbedAssets(p).forEach(add);
  const worst = violations
    .filter((v) => v.kind === 'low-pressure' || v.kind === 'tank-empty')
    .toSorted((a, b) => a.worst - b.worst);
  const overflow = violations.filter((v) => v.kind === 'tank-overflow');
  for (const v of [...worst, ...overflow]) add(v.assetId);
  return ids.slice(0, limit);
}
