import { MAX_ENSEMBLE_MEMBERS } from '@twinhelm/contracts';
import { type ComposerDraft, type TimeMode } from '../form/composer-draft';
import { type FieldErrors } from '../form/field-errors';
import { Field, fieldProps } from './Field';

interface Props {
  draft: ComposerDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<ComposerDraft>) => void;
  onTimeMode: (mode: TimeMode) => void;
}

/** How the windows are given, horizon, report step, ensemble size and the run's options. */
export function RunSettings({ draft, errors, onChange, onTimeMode }: Props) {
  const numeric = (key: 'horizonH' | 'reportStepMin' | 'members', label: string, hint?: string) => (
    <Field id={`whatif-${key}`} label={label} hint={hint} error={errors[key]}>
      <input
        {...fieldProps(`whatif-${key}`, errors[key])}
        className="input"
        inputMode="numeric"
        value={draft[key]}
        onChange={(e) => onChange({ [key]: e.currentTarget.value })}
      />
    </Field>
  );
  return (
    <section className="whatif__section" aria-label="Run settings">
      <h3>Run</h3>
      <fieldset className="segmented segmented--two">
        <legend>Windows given as</legend>
        {(
          [
            ['relative', 'Hours from now'],
            ['clock', 'Clock times'],
          ] as const
        ).map(([mode, label]) => (
          <label key={mode}>
            <input
              type="radio"
              name="whatif-time-mode"
              value={mode}
              checked={draft.timeMode === mode}
              onChange={() => onTimeMode(mode)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div className="whatif__row whatif__row--three">
        {numeric('horizonH', 'Horizon (h)')}
        {numeric('reportStepMin', 'Step (min)')}
        {numeric('members', 'Ensemble', `(1–${MAX_ENSEMBLE_MEMBERS})`)}
      </div>
      <label className="whatif__check">
        <input
          type="checkbox"
          checked={draft.bindLiveState}
          onChange={(e) => onChange({ bindLiveState: e.currentTarget.checked })}
        />
        <span>
          Bind live state
          <span className="whatif__dim">
            {' '}
            (start from the twin&apos;s tank levels, pumps and time now)
          </span>
        </span>
      </label>
      <label className="whatif__check">
        <input
          type="checkbox"
          checked={draft.recommend}
          onChange={(e) => onChange({ recommend: e.currentTarget.checked })}
        />
        <span>
          Recommend actions
          <span className="whatif__dim"> (when there are violations)</span>
        </span>
      </label>
    </section>
  );
}
