import { type PerturbationDraft } from '../form/composer-draft';
import { pKey, type FieldErrors, type PerturbationField } from '../form/field-errors';
import { Field, fieldProps } from './Field';

interface Props {
  draft: PerturbationDraft;
  index: number;
  idPrefix: string;
  errors: FieldErrors;
  onChange: (patch: Partial<PerturbationDraft>) => void;
}

/** The inputs one perturbation type takes (speed, setting, burst size, flow, level…). */
export function PerturbationParams({ draft, index, idPrefix, errors, onChange }: Props) {
  const id = (f: string) => `${idPrefix}-${f}`;
  const err = (f: PerturbationField) => errors[pKey(index, f)];
  const numberInput = (
    f: PerturbationField & keyof PerturbationDraft,
    label: string,
    hint?: string,
  ) => (
    <Field id={id(f)} label={label} hint={hint} error={err(f)}>
      <input
        {...fieldProps(id(f), err(f))}
        className="input"
        inputMode="decimal"
        value={draft[f]}
        onChange={(e) => onChange({ [f]: e.currentTarget.value })}
      />
    </Field>
  );

  switch (draft.type) {
    case 'asset-outage':
      return (
        <p className="whatif__note">
          {draft.assetId || 'The asset'} is closed through the window; its controls are suspended.
        </p>
      );
    case 'pump-speed':
      return numberInput('speed', 'Relative speed', '(1 = nominal, 0 = stopped)');
    case 'valve-setting':
      return (
        <div className="whatif__row">
          <Field id={id('valveMode')} label="Valve" error={undefined}>
            <select
              id={id('valveMode')}
              className="input"
              value={draft.valveMode}
              onChange={(e) =>
                onChange({ valveMode: e.currentTarget.value as PerturbationDraft['valveMode'] })
              }
            >
              <option value="closed">closed</option>
              <option value="open">fully open</option>
              <option value="setting">a setting</option>
            </select>
          </Field>
          {draft.valveMode === 'setting'
            ? numberInput('setting', 'Setting', '(PRV/PSV m, FCV L/s)')
            : null}
        </div>
      );
    case 'burst':
      return (
        <>
          {draft.assetType === 'pipe' ? (
            <p className="whatif__note">
              {draft.burstNodeId
                ? `Modelled as a leak at junction ${draft.burstNodeId}, an end of ${draft.assetId}.`
                : `${draft.assetId} has no junction at either end: pick a junction instead.`}
            </p>
          ) : null}
          <div className="whatif__row">
            <Field id={id('burstKind')} label="Size given as" error={undefined}>
              <select
                id={id('burstKind')}
                className="input"
                value={draft.burstKind}
                onChange={(e) =>
                  onChange({ burstKind: e.currentTarget.value as PerturbationDraft['burstKind'] })
                }
              >
                <option value="orifice">opening diameter (mm)</option>
                <option value="coefficient">emitter coefficient (L/s at 1 m)</option>
              </select>
            </Field>
            {numberInput(
              'burstSize',
              draft.burstKind === 'orifice' ? 'Diameter (mm)' : 'Coefficient',
            )}
          </div>
        </>
      );
    case 'fire-flow':
      return numberInput('flowLps', 'Fire flow (L/s)');
    case 'tank-level':
      return numberInput('levelM', 'Level held (m above the bottom)');
    case 'demand-multiplier':
      return (
        <div className="whatif__row">
          {numberInput('multiplier', 'Demand ×', '(1.2 = +20 %)')}
          {draft.assetId === '' ? (
            <Field id={id('dma')} label="DMA" hint="(empty: every junction)" error={err('dma')}>
              <input
                {...fieldProps(id('dma'), err('dma'))}
                className="input"
                value={draft.dma}
                onChange={(e) => onChange({ dma: e.currentTarget.value })}
              />
            </Field>
          ) : null}
        </div>
      );
    case 'control-disabled':
      return numberInput('controlIndex', 'Control number', '([CONTROLS], 1 = the first)');
  }
}
