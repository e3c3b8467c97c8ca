import { describe, expect, it } from 'vitest';
import { newDraft, newPerturbation, type ComposerDraft } from './composer-draft';
import { fieldOfDetail, errorsFromDetails } from './field-errors';
import { perturbationTypesFor } from './perturbation-catalog';
import { toCreateRequest } from './to-create-request';
import { clockInput, hoursInput, parseHours } from './window-times';

const NOW = new Date(2026, 10, 24, 6, 30, 0).getTime();

function pumpOutage(patch: Partial<ComposerDraft> = {}): ComposerDraft {
  const p = { ...newPerturbation('PU4', 'pump'), start: '1.5', end: '9.5' };
  return { ...newDraft(), ...patch, perturbations: [p] };
}

describe('toCreateRequest', () => {
  it('maps a pump outage with an ensemble to the API request', () => {
    const result = toCreateRequest(pumpOutage({ members: '5' }), NOW);
    expect(result).toEqual({
      ok: true,
      request: {
        name: 'PU4 out of service',
        bindLiveState: true,
        recommend: true,
        scenario: expect.objectContaining({
          horizonS: 86_400,
          reportStepS: 900,
          perturbations: [{ type: 'asset-outage', assetId: 'PU4', startS: 5400, endS: 34_200 }],
          ensemble: expect.objectContaining({ members: 5 }) as unknown,
        }) as unknown,
      },
    });
  });

  it('sends no ensemble for one member', () => {
    const result = toCreateRequest(pumpOutage(), NOW);
    expect(result.ok && result.request.scenario.ensemble).toBe(undefined);
  });

  it('measures clock times from now, to the minute', () => {
    const draft = pumpOutage({ timeMode: 'clock' });
    draft.perturbations[0] = {
      ...draft.perturbations[0]!,
      start: '2026-11-24T08:00',
      end: '2026-11-24T16:00',
    };
    const result = toCreateRequest(draft, NOW + 20_000);
    expect(result.ok && result.request.scenario.perturbations[0]).toMatchObject({
      startS: 5400,
      endS: 34_200,
    });
  });

  it('says what to fix, field by field', () => {
    const draft = pumpOutage({ members: '201', horizonH: '4', reportStepMin: '0' });
    draft.perturbations[0] = { ...draft.perturbations[0]!, end: 'soon' };
    const result = toCreateRequest(draft, NOW);
    expect(result).toEqual({
      ok: false,
      errors: {
        members: 'ensemble members: at most 200',
        reportStepMin: 'report step: at least 1 min',
        'p.0.end': 'end: "soon" is not a number of hours (e.g. 2, 1.5 or 2:30)',
      },
    });
  });

  it('refuses a window past the horizon and says how long the horizon must be', () => {
    const result = toCreateRequest(pumpOutage({ horizonH: '6' }), NOW);
    expect(!result.ok && result.errors['p.0.end']).toBe(
      'end: the window ends at +9.5 h, after the 6 h horizon: end earlier or set the horizon to at least 10 h',
    );
  });

  it('refuses an empty or reversed window, a past clock time and clock times without live state', () => {
    const reversed = pumpOutage();
    reversed.perturbations[0] = { ...reversed.perturbations[0]!, start: '5', end: '2' };
    expect(toCreateRequest(reversed, NOW)).toEqual({
      ok: false,
      errors: { 'p.0.end': 'end: must be after the start' },
    });
    const past = pumpOutage({ timeMode: 'clock' });
    past.perturbations[0] = {
      ...past.perturbations[0]!,
      start: '2026-11-24T05:00',
      end: '2026-11-24T09:00',
    };
    expect(!toCreateRequest(past, NOW).ok && toCreateRequest(past, NOW)).toMatchObject({
      errors: { 'p.0.start': 'start: is in the past; choose a later time' },
    });
    const unbound = pumpOutage({ timeMode: 'clock', bindLiveState: false });
    expect(toCreateRequest(unbound, NOW)).toMatchObject({
      ok: false,
      errors: { 'p.0.start': expect.stringMatching(/bind live state/) as unknown },
    });
  });

  it('asks for a perturbation and an asset', () => {
    expect(toCreateRequest(newDraft(), NOW)).toMatchObject({
      ok: false,
      errors: { perturbations: expect.stringMatching(/at least one/) as unknown },
    });
    const noAsset = { ...newDraft(), perturbations: [newPerturbation('', 'pump')] };
    expect(toCreateRequest(noAsset, NOW)).toMatchObject({
      ok: false,
      errors: { 'p.0.assetId': 'asset: choose one in 3D or by search' },
    });
  });

  it('maps each perturbation type with its parameters', () => {
    const base = newPerturbation('X', null);
    const draft: ComposerDraft = {
      ...newDraft(),
      perturbations: [
        { ...base, type: 'pump-speed', assetId: 'PU1', speed: '0.7' },
        { ...base, type: 'valve-setting', assetId: 'V2', valveMode: 'setting', setting: '150' },
        { ...base, type: 'valve-setting', assetId: 'V45', valveMode: 'closed' },
        { ...base, type: 'burst', assetId: 'P301', assetType: 'pipe', burstNodeId: 'J301' },
        { ...base, type: 'burst', assetId: 'J5', burstKind: 'coefficient', burstSize: '2.5' },
        { ...base, type: 'fire-flow', assetId: 'J7', flowLps: '40' },
        { ...base, type: 'tank-level', assetId: 'T1', levelM: '1.2' },
        { ...base, type: 'demand-multiplier', assetId: '', multiplier: '1.3', dma: 'DMA1' },
        { ...base, type: 'demand-multiplier', assetId: 'J9', multiplier: '2' },
        { ...base, type: 'control-disabled', assetId: '', controlIndex: '3' },
      ],
    };
    const result = toCreateRequest(draft, NOW);
    const w = { startS: 0, endS: 28_800 };
    expect(result.ok && result.request.scenario.perturbations).toEqual([
      { type: 'pump-speed', assetId: 'PU1', speed: 0.7, ...w },
      { type: 'valve-setting', assetId: 'V2', setting: 150, ...w },
      { type: 'valve-setting', assetId: 'V45', status: 'closed', ...w },
      {
        type: 'burst',
        assetId: 'J301',
        size: { kind: 'orifice', diameterMm: 100, dischargeCoefficient: 0.6 },
        ...w,
      },
      { type: 'burst', assetId: 'J5', size: { kind: 'coefficient', lpsPerSqrtM: 2.5 }, ...w },
      { type: 'fire-flow', assetId: 'J7', flowLps: 40, ...w },
      { type: 'tank-level', assetId: 'T1', levelM: 1.2, ...w },
      { type: 'demand-multiplier', multiplier: 1.3, dma: 'DMA1', ...w },
      { type: 'demand-multiplier', multiplier: 2, junctionIds: ['J9'], ...w },
      { type: 'control-disabled', controlIndex: 3, ...w },
    ]);
  });

  it('checks each parameter', () => {
    const base = newPerturbation('X', null);
    const draft: ComposerDraft = {
      ...newDraft(),
      perturbations: [
        { ...base, type: 'pump-speed', assetId: 'PU1', speed: '4' },
        { ...base, type: 'fire-flow', assetId: 'J7', flowLps: '0' },
        { ...base, type: 'tank-level', assetId: 'T1', levelM: '' },
        { ...base, type: 'control-disabled', controlIndex: '1.5' },
        { ...base, type: 'burst', assetId: 'P9', assetType: 'pipe', burstNodeId: '' },
      ],
    };
    expect(toCreateRequest(draft, NOW)).toEqual({
      ok: false,
      errors: {
        'p.0.speed': 'relative speed: at most 3',
        'p.1.flowLps': 'fire flow: must be more than 0 L/s',
        'p.2.levelM': 'level: required',
        'p.3.controlIndex': 'control number: a whole number',
        'p.4.assetId': 'burst: P9 has no junction at either end to model it at',
      },
    });
  });
});

describe('server refusals', () => {
  it('land next to the field they name', () => {
    expect(fieldOfDetail('scenario.perturbations.2.endS', 'too late')).toBe('p.2.end');
    expect(fieldOfDetail('scenario.ensemble.members', 'at most 200')).toBe('members');
    expect(fieldOfDetail('scenario', 'perturbations[1] (burst): J9: unknown node')).toBe(
      'p.1.assetId',
    );
    expect(
      fieldOfDetail(
        'scenario',
        'perturbations[0] (asset-outage): window 0-9 s ends after the horizon',
      ),
    ).toBe('p.0.end');
    expect(fieldOfDetail('', 'the solver is busy')).toBe('form');
    expect(
      errorsFromDetails([
        {
          path: 'scenario.perturbations.0.assetId',
          message: 'PU44: unknown link (did you mean PU4?)',
        },
        { path: 'scenario.perturbations.0.assetId', message: 'second' },
      ]),
    ).toEqual({ 'p.0.assetId': 'PU44: unknown link (did you mean PU4?); second' });
  });
});

describe('perturbation types per asset', () => {
  it('offers only what the solver accepts', () => {
    expect(perturbationTypesFor('pump')).toEqual(['asset-outage', 'pump-speed']);
    expect(perturbationTypesFor('tank')).toEqual(['tank-level']);
    expect(perturbationTypesFor('reservoir')).toEqual([]);
    expect(perturbationTypesFor(null)).toEqual(['demand-multiplier', 'control-disabled']);
  });
});

describe('window times', () => {
  it('reads hours in several spellings', () => {
    expect(parseHours('2', 'start')).toEqual({ ok: true, value: 2 });
    expect(parseHours('1,5', 'start')).toEqual({ ok: true, value: 1.5 });
    expect(parseHours('2:30', 'start')).toEqual({ ok: true, value: 2.5 });
    expect(parseHours('8h', 'start')).toEqual({ ok: true, value: 8 });
    expect(parseHours('', 'start')).toEqual({
      ok: false,
      error: 'start: required (hours, e.g. 2 or 1.5)',
    });
    expect(parseHours('-1', 'start').ok).toBe(false);
  });
  it('converts between hours from now and clock inputs', () => {
    expect(clockInput(NOW, 1.5)).toBe('2026-11-24T08:00');
    expect(hoursInput(NOW, '2026-11-24T16:00')).toBe('9.5');
    expect(hoursInput(NOW, 'nonsense')).toBe('');
  });
});
