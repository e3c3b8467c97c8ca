import { type PerturbationDraft, type TimeMode } from '../form/composer-draft';
import { pKey, type FieldErrors } from '../form/field-errors';
import { PERTURBATION_LABELS, perturbationTypesFor } from '../form/perturbation-catalog';
import { Field, fieldProps } from './Field';
import { PerturbationParams } from './PerturbationParams';

interface Props {
  draft: PerturbationDraft;
  index: number;
  timeMode: TimeMode;
  /** What relative hours count from: now (live state bound) or the model's own start. */
  relativeTo: 'now' | 'the start';
  errors: FieldErrors;
  onChange: (patch: Partial<PerturbationDraft>) => void;
  onRemove: () => void;
}

/** One perturbation: its asset, what happens (only the types valid for it), parameters, window. */
export function PerturbationEditor({
  draft,
  index,
  timeMode,
  relativeTo,
  errors,
  onChange,
  onRemove,
}: Props) {
  const idPrefix = `whatif-${draft.key}`;
  const types = perturbationTypesFor(draft.assetType);
  const err = (f: 'start' | 'end' | 'assetId') => errors[pKey(index, f)];
  const timeInput = (f: 'start' | 'end', label: string) => (
    <Field id={`${idPrefix}-${f}`} label={label} error={err(f)}>
      <input
        {...fieldProps(`${idPrefix}-${f}`, err(f))}
        className="input"
        type={timeMode === 'clock' ? 'datetime-local' : 'text'}
        inputMode={timeMode === 'clock' ? undefined : 'decimal'}
        value={draft[f]}
        onChange={(e) => onChange({ [f]: e.currentTarget.value })}
      />
    </Field>
  );
  const title = draft.assetId !== '' ? draft.assetId : 'Site-wide';
  return (
    <fieldset className="whatif__perturbation" aria-label={`Perturbation ${index + 1}: ${title}`}>
      <legend>
        <span className="num">{index + 1}.</span> <span className="search__id">{title}</span>
        {draft.assetType ? <span className="whatif__dim"> {draft.assetType}</span> : null}
      </legend>
      <button
        type="button"
        className="button button--ghost whatif__remove"
        aria-label={`Remove perturbation ${index + 1} (${title})`}
        onClick={onRemove}
      >
        ✕
      </button>
      {err('assetId') ? (
        <p className="field__error" role="alert">
          {err('assetId')}
        </p>
      ) : null}
      <Field id={`${idPrefix}-type`} label="What happens" error={undefined}>
        <select
          id={`${idPrefix}-type`}
          className="input"
          value={draft.type}
          onChange={(e) => onChange({ type: e.currentTarget.value as PerturbationDraft['type'] })}
        >
          {types.map((t) => (
            <option key={t} value={t}>
              {PERTURBATION_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      <PerturbationParams
        draft={draft}
        index={index}
        idPrefix={idPrefix}
        errors={errors}
        onChange={onChange}
      />
      <div className="whatif__row">
        {timeInput('start', timeMode === 'clock' ? 'From' : `From (h after ${relativeTo})`)}
        {timeInput('end', timeMode === 'clock' ? 'Until' : `Until (h after ${relativeTo})`)}
      </div>
    </fieldset>
  );
}
