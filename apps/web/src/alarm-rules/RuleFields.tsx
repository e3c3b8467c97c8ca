'use client';

import {
  ALARM_PRIORITIES,
  ALARM_RULE_KINDS,
  METRICS_BY_TYPE,
  THRESHOLD_LIMIT_NAMES,
  THRESHOLD_LIMITS,
  type AssetType,
} from '@twinhelm/contracts';
import { Field, fieldProps } from '../whatif/compose/Field';
import { FIELD_LABEL } from './form/field-labels';
import { usesDelays, type DraftField, type RuleDraft } from './form/rule-draft';
import { unitOf } from './form/rule-summary';

export interface FieldsProps {
  draft: RuleDraft;
  assetType: AssetType;
  isNew: boolean;
  update: (patch: Partial<RuleDraft>) => void;
  errorOf: (field: DraftField) => string | undefined;
}

const inputId = (field: DraftField) => `rule-${field}`;

function labelOf(field: DraftField, unit = ''): { label: string; hint: string | undefined } {
  const { label, hint } = FIELD_LABEL[field];
  const withUnit = unit === '' ? hint : hint ? `${unit}; ${hint}` : unit;
  return { label, hint: withUnit ? `(${withUnit})` : undefined };
}

function NumberInput({ field, unit, p }: { field: DraftField; unit?: string; p: FieldsProps }) {
  const error = p.errorOf(field);
  const { label, hint } = labelOf(field, unit);
  return (
    <Field id={inputId(field)} label={label} hint={hint} error={error}>
      <input
        {...fieldProps(inputId(field), error)}
        name={field}
        className="input num"
        inputMode="decimal"
        autoComplete="off"
        value={p.draft[field] as string}
        onChange={(e) => p.update({ [field]: e.currentTarget.value })}
      />
    </Field>
  );
}

function Choice({
  field,
  options,
  p,
}: {
  field: DraftField;
  options: readonly { value: string; label: string }[];
  p: FieldsProps;
}) {
  const error = p.errorOf(field);
  const { label, hint } = labelOf(field);
  return (
    <Field id={inputId(field)} label={label} hint={hint} error={error}>
      <select
        {...fieldProps(inputId(field), error)}
        name={field}
        className="input"
        value={p.draft[field] as string}
        onChange={(e) => p.update({ [field]: e.currentTarget.value })}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The metrics of the asset type, plus the draft's own if it is something else. */
function metricOptions(p: FieldsProps, field: DraftField, anyLabel?: string) {
  const current = p.draft[field] as string;
  const metrics = [...METRICS_BY_TYPE[p.assetType]] as string[];
  if (current !== '' && !metrics.includes(current)) metrics.unshift(current);
  const options = metrics.map((m) => ({ value: m, label: m }));
  return anyLabel ? [{ value: '', label: anyLabel }, ...options] : options;
}

function Check({ field, p }: { field: 'enabled' | 'latched'; p: FieldsProps }) {
  const { label, hint } = labelOf(field);
  return (
    <label className="whatif__check">
      <input
        type="checkbox"
        name={field}
        checked={p.draft[field]}
        onChange={(e) => p.update({ [field]: e.currentTarget.checked })}
      />
      {label}
      {hint ? <span className="field__hint"> {hint}</span> : null}
    </label>
  );
}

function TextArea({ field, p }: { field: 'consequence' | 'response'; p: FieldsProps }) {
  const error = p.errorOf(field);
  const { label, hint } = labelOf(field);
  return (
    <Field id={inputId(field)} label={label} hint={hint} error={error}>
      <textarea
        {...fieldProps(inputId(field), error)}
        name={field}
        className="input alarm-rules__text"
        rows={2}
        value={p.draft[field]}
        onChange={(e) => p.update({ [field]: e.currentTarget.value })}
      />
    </Field>
  );
}

/** Id and kind (new rules only) and priority: what the rule is. */
export function IdentityFields(p: FieldsProps) {
  const idError = p.errorOf('id');
  return (
    <div className="alarm-rules__row">
      {p.isNew ? (
        <Field id={inputId('id')} {...labelOf('id')} error={idError}>
          <input
            {...fieldProps(inputId('id'), idError)}
            name="id"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={p.draft.id}
            onChange={(e) => p.update({ id: e.currentTarget.value })}
          />
        </Field>
      ) : null}
      {p.isNew ? (
        <Choice
          field="kind"
          options={ALARM_RULE_KINDS.map((k) => ({ value: k, label: k }))}
          p={p}
        />
      ) : null}
      <Choice
        field="priority"
        options={ALARM_PRIORITIES.map((v) => ({ value: v, label: v }))}
        p={p}
      />
    </div>
  );
}

/** Delays, switches and the texts operators read: what every kind of rule has. */
export function BehaviourFields(p: FieldsProps) {
  return (
    <>
      {usesDelays(p.draft.kind) ? (
        <div className="alarm-rules__row">
          <NumberInput field="onDelayS" p={p} />
          <NumberInput field="offDelayS" p={p} />
        </div>
      ) : null}
      <div className="alarm-rules__row">
        <Check field="enabled" p={p} />
        <Check field="latched" p={p} />
      </div>
      <TextArea field="consequence" p={p} />
      <TextArea field="response" p={p} />
    </>
  );
}

const LIMIT_OPTIONS = THRESHOLD_LIMITS.map((l) => ({ value: l, label: THRESHOLD_LIMIT_NAMES[l] }));
const DIRECTIONS = ['either', 'rise', 'fall'].map((d) => ({ value: d, label: d }));

/** The inputs of the draft's kind (threshold, rate, stale, mismatch, residual, prediction). */
export function KindFields(p: FieldsProps) {
  const unit = unitOf(p.draft.metric);
  switch (p.draft.kind) {
    case 'threshold':
      return (
        <div className="alarm-rules__row">
          <Choice field="metric" options={metricOptions(p, 'metric')} p={p} />
          <Choice field="limit" options={LIMIT_OPTIONS} p={p} />
          <NumberInput field="setpoint" unit={unit} p={p} />
          <NumberInput field="deadband" unit={unit} p={p} />
        </div>
      );
    case 'rate':
      return (
        <div className="alarm-rules__row">
          <Choice field="metric" options={metricOptions(p, 'metric')} p={p} />
          <Choice field="direction" options={DIRECTIONS} p={p} />
          <NumberInput field="maxPerMin" unit={unit === '' ? '/min' : `${unit}/min`} p={p} />
          <NumberInput field="windowS" p={p} />
          <NumberInput field="deadband" unit={unit} p={p} />
        </div>
      );
    case 'stale':
      return (
        <div className="alarm-rules__row">
          <Choice field="metric" options={metricOptions(p, 'metric', 'any metric')} p={p} />
          <NumberInput field="missedIntervals" p={p} />
          <NumberInput field="expectedIntervalS" p={p} />
        </div>
      );
    case 'mismatch':
      return (
        <div className="alarm-rules__row">
          <Choice field="commandMetric" options={metricOptions(p, 'commandMetric')} p={p} />
          <Choice field="feedbackMetric" options={metricOptions(p, 'feedbackMetric')} p={p} />
          <NumberInput field="feedbackMin" unit={unitOf(p.draft.feedbackMetric)} p={p} />
        </div>
      );
    case 'residual':
      return (
        <div className="alarm-rules__row">
          <Choice field="metric" options={metricOptions(p, 'metric')} p={p} />
          <NumberInput field="band" unit={unit} p={p} />
          <NumberInput field="deadband" unit={unit} p={p} />
          <NumberInput field="maxModelAgeS" p={p} />
        </div>
      );
    case 'prediction':
      return (
        <div className="alarm-rules__row">
          <p className="alarm-rules__hint">
            Watches the solver&apos;s predicted time to empty ({p.draft.metric}).
          </p>
          <NumberInput field="withinH" p={p} />
          <NumberInput field="deadband" unit="h" p={p} />
        </div>
      );
  }
}
