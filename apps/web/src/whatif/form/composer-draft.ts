import { type AssetType } from '@twinhelm/contracts';
import { perturbationTypesFor, type PerturbationType } from './perturbation-catalog';

/** How the windows are given: hours from the run's start (now), or clock times. */
export type TimeMode = 'relative' | 'clock';

/** One perturbation as the form holds it: the raw text of every input. */
export interface PerturbationDraft {
  /** Stable React key. */
  key: string;
  type: PerturbationType;
  /** The asset it applies to ('' for site-wide types). */
  assetId: string;
  /** The asset's type when it was chosen (decides the valid types and the burst node). */
  assetType: AssetType | null;
  /** Pipes: the junction a burst is modelled at. */
  burstNodeId: string;
  /** Hours from now (relative) or a `datetime-local` value (clock). */
  start: string;
  end: string;
  speed: string;
  valveMode: 'setting' | 'open' | 'closed';
  setting: string;
  burstKind: 'orifice' | 'coefficient';
  burstSize: string;
  flowLps: string;
  levelM: string;
  multiplier: string;
  dma: string;
  controlIndex: string;
}

export interface ComposerDraft {
  name: string;
  timeMode: TimeMode;
  horizonH: string;
  reportStepMin: string;
  members: string;
  bindLiveState: boolean;
  recommend: boolean;
  perturbations: PerturbationDraft[];
}

export const DEFAULT_HORIZON_H = 24;
export const DEFAULT_REPORT_STEP_MIN = 15;

let nextKey = 0;

/** A new perturbation of an asset (or a site-wide one when assetId is ''). */
export function newPerturbation(
  assetId: string,
  assetType: AssetType | null,
  burstNodeId = '',
): PerturbationDraft {
  nextKey += 1;
  const type = perturbationTypesFor(assetType)[0] ?? 'demand-multiplier';
  return {
    key: `p${nextKey}`,
    type,
    assetId,
    assetType,
    burstNodeId,
    start: '0',
    end: '8',
    speed: '0.8',
    valveMode: 'closed',
    setting: '',
    burstKind: 'orifice',
    burstSize: '100',
    flowLps: '30',
    levelM: '',
    multiplier: '1.2',
    dma: '',
    controlIndex: '1',
  };
}

export function newDraft(): ComposerDraft {
  return {
    name: '',
    timeMode: 'relative',
    horizonH: String(DEFAULT_HORIZON_H),
    reportStepMin: String(DEFAULT_REPORT_STEP_MIN),
    members: '1',
    bindLiveState: true,
    recommend: true,
    perturbations: [],
  };
}

/** The name a scenario gets when the user gives none: "PU4 out of service, +0–8 h". */
export function suggestedName(draft: ComposerDraft): string {
  const first = draft.perturbations[0];
  if (!first) return 'What-if';
  const what = first.assetId !== '' ? `${first.assetId} ` : '';
  const more = draft.perturbations.length > 1 ? ` (+${draft.perturbations.length - 1} more)` : '';
  return `${what}${labelOf(first.type)}${more}`;
}

function labelOf(type: PerturbationType): string {
  const words: Record<PerturbationType, string> = {
    'asset-outage': 'out of service',
    'pump-speed': 'speed change',
    'valve-setting': 'valve change',
    burst: 'burst',
    'fire-flow': 'fire flow',
    'demand-multiplier': 'demand change',
    'tank-level': 'tank level held',
    'control-disabled': 'control suspended',
  };
  return words[type];
}
