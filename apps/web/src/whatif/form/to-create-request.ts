import {
  CreateScenarioRequestSchema,
  MAX_ENSEMBLE_MEMBERS,
  type CreateScenarioRequest,
  type Perturbation,
} from '@twinhelm/contracts';
import { suggestedName, type ComposerDraft, type PerturbationDraft } from './composer-draft';
import { errorsFromDetails, pKey, type FieldErrors, type PerturbationField } from './field-errors';
import { needsAsset } from './perturbation-catalog';
import { parseClock, parseHours } from './window-times';

export type DraftResult =
  { ok: true; request: CreateScenarioRequest } | { ok: false; errors: FieldErrors };

export const MAX_HORIZON_H = 168;

interface NumberRule {
  min?: number;
  /** Strictly greater than. */
  above?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
}

/** Collects messages while reading the draft's text fields as numbers. */
class Reader {
  readonly errors: FieldErrors = {};

  number(key: string, text: string, what: string, rule: NumberRule): number | null {
    const unit = rule.unit ? ` ${rule.unit}` : '';
    const trimmed = text.trim().replace(',', '.');
    if (trimmed === '') return this.fail(key, `${what}: required`);
    const value = Number(trimmed);
    if (!Number.isFinite(value)) return this.fail(key, `${what}: "${text.trim()}" is not a number`);
    if (rule.integer && !Number.isInteger(value)) {
      return this.fail(key, `${what}: a whole number`);
    }
    if (rule.min !== undefined && value < rule.min) {
      return this.fail(key, `${what}: at least ${rule.min}${unit}`);
    }
    if (rule.above !== undefined && value <= rule.above) {
      return this.fail(key, `${what}: must be more than ${rule.above}${unit}`);
    }
    if (rule.max !== undefined && value > rule.max) {
      return this.fail(key, `${what}: at most ${rule.max}${unit}`);
    }
    return value;
  }

  fail(key: string, message: string): null {
    this.errors[key] ??= message;
    return null;
  }
}

/** Window start and end in seconds from now, checked against the horizon. */
function readWindow(
  r: Reader,
  draft: ComposerDraft,
  p: PerturbationDraft,
  i: number,
  horizonS: number | null,
  now: number,
): { startS: number; endS: number } | null {
  const key = (f: PerturbationField) => pKey(i, f);
  let startS: number | null = null;
  let endS: number | null = null;
  if (draft.timeMode === 'relative') {
    const start = parseHours(p.start, 'start');
    const end = parseHours(p.end, 'end');
    if (start.ok) startS = Math.round(start.value * 3600);
    else r.fail(key('start'), start.error);
    if (end.ok) endS = Math.round(end.value * 3600);
    else r.fail(key('end'), end.error);
  } else {
    if (!draft.bindLiveState) {
      return r.fail(
        key('start'),
        'clock times need "bind live state" (the run then starts now); or give hours from the start',
      );
    }
    const start = parseClock(p.start, 'start');
    const end = parseClock(p.end, 'end');
    const minute = Math.floor(now / 60_000) * 60_000;
    if (start.ok) {
      startS = Math.round((start.value - minute) / 1000);
      if (startS < 0) startS = r.fail(key('start'), 'start: is in the past; choose a later time');
    } else r.fail(key('start'), start.error);
    if (end.ok) endS = Math.round((end.value - minute) / 1000);
    else r.fail(key('end'), end.error);
  }
  if (startS === null || endS === null) return null;
  if (endS <= startS) return r.fail(key('end'), 'end: must be after the start');
  if (horizonS !== null && endS > horizonS) {
    const needH = Math.ceil(endS / 3600);
    return r.fail(
      key('end'),
      `end: the window ends at +${formatHours(endS)}, after the ${formatHours(horizonS)} horizon: end earlier or set the horizon to at least ${needH} h`,
    );
  }
  return { startS, endS };
}

const formatHours = (s: number): string => `${Math.round((s / 3600) * 100) / 100} h`;

function readPerturbation(
  r: Reader,
  draft: ComposerDraft,
  p: PerturbationDraft,
  i: number,
  horizonS: number | null,
  now: number,
): Perturbation | null {
  const key = (f: PerturbationField) => pKey(i, f);
  if (needsAsset(p.type) && p.assetId.trim() === '') {
    r.fail(key('assetId'), 'asset: choose one in 3D or by search');
  }
  const window = readWindow(r, draft, p, i, horizonS, now);
  const assetId = p.assetId.trim();
  const num = (f: PerturbationField, text: string, what: string, rule: NumberRule) =>
    r.number(key(f), text, what, rule);
  let made: Perturbation | null = null;
  const w = window ?? { startS: 0, endS: 1 };
  switch (p.type) {
    case 'asset-outage':
      made = { type: p.type, assetId, ...w };
      break;
    case 'pump-speed': {
      const speed = num('speed', p.speed, 'relative speed', { min: 0, max: 3 });
      made = speed === null ? null : { type: p.type, assetId, speed, ...w };
      break;
    }
    case 'valve-setting': {
      if (p.valveMode !== 'setting') {
        made = { type: p.type, assetId, status: p.valveMode, ...w };
        break;
      }
      const setting = num('setting', p.setting, 'setting', { min: 0 });
      made = setting === null ? null : { type: p.type, assetId, setting, ...w };
      break;
    }
    case 'burst': {
      const at = p.assetType === 'pipe' ? p.burstNodeId : assetId;
      if (at === '') {
        r.fail(key('assetId'), `burst: ${assetId} has no junction at either end to model it at`);
      }
      const size =
        p.burstKind === 'orifice'
          ? num('burstSize', p.burstSize, 'opening diameter', { above: 0, unit: 'mm' })
          : num('burstSize', p.burstSize, 'emitter coefficient', { above: 0, unit: 'L/s/√m' });
      if (size === null) break;
      made = {
        type: p.type,
        assetId: at,
        size:
          p.burstKind === 'orifice'
            ? { kind: 'orifice', diameterMm: size, dischargeCoefficient: 0.6 }
            : { kind: 'coefficient', lpsPerSqrtM: size },
        ...w,
      };
      break;
    }
    case 'fire-flow': {
      const flowLps = num('flowLps', p.flowLps, 'fire flow', { above: 0, unit: 'L/s' });
      made = flowLps === null ? null : { type: p.type, assetId, flowLps, ...w };
      break;
    }
    case 'tank-level': {
      const levelM = num('levelM', p.levelM, 'level', { min: 0, unit: 'm' });
      made = levelM === null ? null : { type: p.type, assetId, levelM, ...w };
      break;
    }
    case 'demand-multiplier': {
      const multiplier = num('multiplier', p.multiplier, 'multiplier', { min: 0 });
      if (multiplier === null) break;
      const dma = p.dma.trim();
      made = {
        type: p.type,
        multiplier,
        ...(assetId !== '' ? { junctionIds: [assetId] } : {}),
        ...(assetId === '' && dma !== '' ? { dma } : {}),
        ...w,
      };
      break;
    }
    case 'control-disabled': {
      const index = num('controlIndex', p.controlIndex, 'control number', {
        min: 1,
        integer: true,
      });
      made = index === null ? null : { type: p.type, controlIndex: index, ...w };
      break;
    }
  }
  return window === null ? null : made;
}

/**
 * The composer's draft as the request POST /api/sites/:siteId/scenarios takes, or a message per
 * field saying what to fix. `now` is the run's start when live state is bound (clock times are
 * measured from it).
 */
export function toCreateRequest(draft: ComposerDraft, now: number): DraftResult {
  const r = new Reader();
  const horizonH = r.number('horizonH', draft.horizonH, 'horizon', {
    above: 0,
    max: MAX_HORIZON_H,
    unit: 'h',
  });
  const stepMin = r.number('reportStepMin', draft.reportStepMin, 'report step', {
    min: 1,
    max: 240,
    integer: true,
    unit: 'min',
  });
  const members = r.number('members', draft.members, 'ensemble members', {
    min: 1,
    max: MAX_ENSEMBLE_MEMBERS,
    integer: true,
  });
  const horizonS = horizonH === null ? null : Math.round(horizonH * 3600);
  if (horizonS !== null && stepMin !== null && stepMin * 60 > horizonS) {
    r.fail('reportStepMin', 'report step: longer than the horizon');
  }
  if (draft.perturbations.length === 0) {
    r.fail('perturbations', 'add at least one perturbation: pick an asset and what happens to it');
  }
  const perturbations = draft.perturbations.map((p, i) =>
    readPerturbation(r, draft, p, i, horizonS, now),
  );
  if (Object.keys(r.errors).length > 0) return { ok: false, errors: r.errors };

  const parsed = CreateScenarioRequestSchema.safeParse({
    name: draft.name.trim() === '' ? suggestedName(draft) : draft.name.trim(),
    bindLiveState: draft.bindLiveState,
    recommend: draft.recommend,
    scenario: {
      horizonS,
      reportStepS: (stepMin ?? 15) * 60,
      perturbations,
      ...(members !== null && members > 1 ? { ensemble: { members } } : {}),
    },
  });
  if (!parsed.success) {
    return {
      ok: false,
      errors: errorsFromDetails(
        parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: i.message,
        })),
      ),
    };
  }
  return { ok: true, request: parsed.data };
}
