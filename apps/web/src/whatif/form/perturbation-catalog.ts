import { type AssetType, type Perturbation } from '@twinhelm/contracts';

export type PerturbationType = Perturbation['type'];

/** Operators' words for each perturbation type. */
export const PERTURBATION_LABELS: Record<PerturbationType, string> = {
  'asset-outage': 'Out of service',
  'pump-speed': 'Pump speed',
  'valve-setting': 'Valve setting or status',
  burst: 'Burst or leak',
  'fire-flow': 'Fire flow',
  'demand-multiplier': 'Demand multiplier',
  'tank-level': 'Tank level held',
  'control-disabled': 'Control suspended',
};

/**
 * The perturbations that make sense for an asset of this type (the solver refuses the others),
 * first the most asked-for. A pipe's burst is modelled at one of its junctions. With no asset:
 * the site-wide ones.
 */
export function perturbationTypesFor(type: AssetType | null): PerturbationType[] {
  switch (type) {
    case 'pump':
      return ['asset-outage', 'pump-speed'];
    case 'valve':
      return ['valve-setting', 'asset-outage'];
    case 'pipe':
      return ['asset-outage', 'burst'];
    case 'junction':
      return ['burst', 'fire-flow', 'demand-multiplier'];
    case 'tank':
      return ['tank-level'];
    case 'reservoir':
      return [];
    case null:
      return ['demand-multiplier', 'control-disabled'];
  }
}

/** Whether the type names one asset (the others apply site-wide or to a control). */
export function needsAsset(type: PerturbationType): boolean {
  return type !== 'demand-multiplier' && type !== 'control-disabled';
}
