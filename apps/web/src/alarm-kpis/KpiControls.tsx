'use client';

import { useState, type FormEvent } from 'react';
import { Field, fieldProps } from '../whatif/compose/Field';
import {
  RELATIVE_SPANS,
  SPAN_LABEL,
  customPeriodProblem,
  fromLocalInput,
  toLocalInput,
  type KpiPeriod,
} from './kpi-period';
import { MAX_OPERATORS, parseOperators, type KpiView } from './kpi-url';

type Change = (next: Partial<KpiView>) => void;

/** The period (last 24 h, 7 days, 30 days, custom from–to) and the operator positions. */
export function KpiControls({
  view,
  range,
  onChange,
}: {
  view: KpiView;
  /** The period shown now, to start a custom one from. */
  range: { from: number; to: number };
  onChange: Change;
}) {
  const [customOpen, setCustomOpen] = useState(view.period.kind === 'custom');
  const selected = view.period.kind === 'custom' || customOpen ? 'custom' : view.period.span;
  return (
    <section className="alarm-kpis__controls" aria-label="Period and operators">
      <fieldset className="segmented alarm-kpis__periods">
        <legend>Period</legend>
        {RELATIVE_SPANS.map((span) => (
          <label key={span}>
            <input
              type="radio"
              name="kpi-period"
              checked={selected === span}
              onChange={() => {
                setCustomOpen(false);
                onChange({ period: { kind: 'relative', span } });
              }}
            />
            {SPAN_LABEL[span]}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name="kpi-period"
            checked={selected === 'custom'}
            onChange={() => setCustomOpen(true)}
          />
          Custom
        </label>
      </fieldset>
      {selected === 'custom' ? (
        <CustomPeriodForm
          key={view.period.kind === 'custom' ? `${view.period.from}-${view.period.to}` : 'new'}
          period={view.period}
          range={range}
          onApply={(period) => onChange({ period })}
        />
      ) : null}
      <OperatorsForm
        key={view.operators}
        operators={view.operators}
        onApply={(operators) => onChange({ operators })}
      />
    </section>
  );
}

function CustomPeriodForm({
  period,
  range,
  onApply,
}: {
  period: KpiPeriod;
  range: { from: number; to: number };
  onApply: (period: KpiPeriod) => void;
}) {
  const start = period.kind === 'custom' ? period : range;
  const [from, setFrom] = useState(toLocalInput(start.from));
  const [to, setTo] = useState(toLocalInput(start.to));
  const [error, setError] = useState<{ field: 'from' | 'to'; text: string } | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fromMs = fromLocalInput(from);
    const toMs = fromLocalInput(to);
    if (fromMs === null) return setError({ field: 'from', text: 'Give a start date and time.' });
    if (toMs === null) return setError({ field: 'to', text: 'Give an end date and time.' });
    const problem = customPeriodProblem(fromMs, toMs);
    if (problem !== null) return setError({ field: 'from', text: problem });
    setError(null);
    onApply({ kind: 'custom', from: fromMs, to: toMs });
  };
  const errorOf = (field: 'from' | 'to') => (error?.field === field ? error.text : undefined);
  return (
    <form className="alarm-kpis__custom" onSubmit={submit} noValidate>
      <Field id="kpi-from" label="From" error={errorOf('from')}>
        <input
          className="input"
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          {...fieldProps('kpi-from', errorOf('from'))}
        />
      </Field>
      <Field id="kpi-to" label="To" error={errorOf('to')} hint="(at most 31 days)">
        <input
          className="input"
          type="datetime-local"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          {...fieldProps('kpi-to', errorOf('to'))}
        />
      </Field>
      <button type="submit" className="button button--primary">
        Show period
      </button>
    </form>
  );
}

function OperatorsForm({
  operators,
  onApply,
}: {
  operators: number;
  onApply: (operators: number) => void;
}) {
  const [draft, setDraft] = useState(String(operators));
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseOperators(draft);
    if (parsed === null) {
      setError(`Give the number of operator positions: more than 0, at most ${MAX_OPERATORS}.`);
      return;
    }
    setError(undefined);
    if (parsed !== operators) onApply(parsed);
  };
  return (
    <form className="alarm-kpis__operators" onSubmit={submit} noValidate>
      <Field id="kpi-operators" label="Operator positions" error={error} hint="(share the load)">
        <input
          className="input num"
          inputMode="decimal"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          {...fieldProps('kpi-operators', error)}
        />
      </Field>
      <button type="submit" className="button">
        Apply
      </button>
    </form>
  );
}
