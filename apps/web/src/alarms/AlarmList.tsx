'use client';

import { useNow } from '../lib/use-now';
import { type AlarmFeedState } from './alarm-feed';
import { floodText } from './alarm-format';
import { type AlarmFilter, type AlarmRow } from './alarm-rows';
import { SHORTCUT_TEXT } from './alarm-shortcuts';
import { AlarmFilters } from './AlarmFilters';
import { AlarmRowItem } from './AlarmRowItem';

interface Props {
  state: AlarmFeedState;
  rows: readonly AlarmRow[];
  filter: AlarmFilter;
  onFilter: (filter: AlarmFilter) => void;
  selected: string | null;
  expanded: ReadonlySet<string>;
  canAct: boolean;
  busy: boolean;
  onSelect: (key: string) => void;
  onToggleExpanded: (key: string) => void;
  onAcknowledge: (keys: string[]) => void;
}

/** The alarm list: filters, rows by priority then time (groups collapsed), and the shortcut hint. */
export function AlarmList({
  state,
  rows,
  filter,
  onFilter,
  selected,
  expanded,
  canAct,
  busy,
  onSelect,
  onToggleExpanded,
  onAcknowledge,
}: Props) {
  const now = useNow(15_000);
  const flood = floodText(state.alarms.flood);
  const total = state.alarms.byKey.size;
  return (
    <section className="alarms__list" aria-label="Alarm list">
      <AlarmFilters filter={filter} onChange={onFilter} />
      {flood ? (
        <p className="alarms__flood">
          {flood}
          {state.alarms.flood.last24h > 1 ? ` · ${state.alarms.flood.last24h} floods in 24 h` : ''}.
          Grouped alarms are shown under their root cause.
        </p>
      ) : null}
      {state.error ? (
        <p className="message message--warning" role="alert">
          {state.error}
        </p>
      ) : null}
      {!state.alarms.loaded && !state.error ? (
        <p className="alarms__note">Loading alarms…</p>
      ) : null}
      {state.alarms.loaded && rows.length === 0 ? (
        <p className="alarms__note">
          {total === 0
            ? 'No alarms: the site is normal.'
            : `No alarms match the filter (${total} in all).`}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <ul className="alarms__rows" aria-label="Alarms by priority, newest first">
          {rows.map((row) => (
            <AlarmRowItem
              key={row.alarm.key}
              row={row}
              now={now}
              selected={selected}
              expanded={expanded.has(row.alarm.key)}
              canAct={canAct}
              busy={busy}
              onSelect={onSelect}
              onToggleExpanded={onToggleExpanded}
              onAcknowledge={onAcknowledge}
            />
          ))}
        </ul>
      ) : null}
      <p className="alarms__hint">
        <span className="visually-hidden">Keyboard shortcuts: </span>
        {SHORTCUT_TEXT}
      </p>
    </section>
  );
}
