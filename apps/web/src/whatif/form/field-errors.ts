/** Where the composer shows a message: a field of the form, one perturbation's field, or the form. */
export type FieldErrors = Record<string, string>;

export type PerturbationField =
  | 'assetId'
  | 'start'
  | 'end'
  | 'speed'
  | 'setting'
  | 'burstSize'
  | 'flowLps'
  | 'levelM'
  | 'multiplier'
  | 'dma'
  | 'controlIndex';

/** The key of one perturbation's field: "p.0.end". */
export const pKey = (index: number, field: PerturbationField): string => `p.${index}.${field}`;

const CONTRACT_TO_FIELD: Record<string, PerturbationField> = {
  assetId: 'assetId',
  startS: 'start',
  endS: 'end',
  speed: 'speed',
  setting: 'setting',
  status: 'setting',
  size: 'burstSize',
  flowLps: 'flowLps',
  levelM: 'levelM',
  multiplier: 'multiplier',
  junctionIds: 'assetId',
  dma: 'dma',
  controlIndex: 'controlIndex',
};

const TOP_LEVEL: Record<string, string> = {
  name: 'name',
  'scenario.horizonS': 'horizonH',
  'scenario.reportStepS': 'reportStepMin',
  'scenario.ensemble': 'members',
  'scenario.ensemble.members': 'members',
  bindLiveState: 'bindLiveState',
  recommend: 'recommend',
};

/**
 * The form field a server (or schema) refusal refers to, from its JSON path
 * ("scenario.perturbations.0.endS") or, for the solver's checks, from its message
 * ("perturbations[0] (burst): J9: unknown node…"). 'form' when it names no field.
 */
export function fieldOfDetail(path: string, message: string): string {
  const inList = /^scenario\.perturbations\.(\d+)(?:\.(\w+))?/.exec(path);
  if (inList?.[1] !== undefined) {
    const field = CONTRACT_TO_FIELD[inList[2] ?? ''];
    return field ? pKey(Number(inList[1]), field) : pKey(Number(inList[1]), 'assetId');
  }
  const top = TOP_LEVEL[path];
  if (top) return top;
  const named = /perturbations\[(\d+)\]/.exec(message);
  if (named?.[1] !== undefined) {
    const index = Number(named[1]);
    return /window|horizon|startS|endS/.test(message) ? pKey(index, 'end') : pKey(index, 'assetId');
  }
  return 'form';
}

/** Details grouped by field; several messages for one field are joined. */
export function errorsFromDetails(
  details: readonly { path: string; message: string }[],
): FieldErrors {
  const errors: FieldErrors = {};
  for (const detail of details) {
    const key = fieldOfDetail(detail.path, detail.message);
    errors[key] = errors[key] ? `${errors[key]}; ${detail.message}` : detail.message;
  }
  return errors;
}
