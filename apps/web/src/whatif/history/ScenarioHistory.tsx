'use client';

import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useScenarioList } from '../api/scenario-queries';
import { StatusBadge } from '../results/StatusBadge';
import { useWhatIf } from '../whatif-context';
import { CompareTable } from './CompareTable';

const when = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The site's scenarios, newest first: open one, or tick two or more to compare their KPIs. */
export function ScenarioHistory({ onOpen }: { onOpen: (id: string) => void }) {
  const { siteId } = useWhatIf();
  const list = useScenarioList(siteId);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);

  if (list.isError) return <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <p className="whatif__dim">Loading scenarios…</p>;
  const scenarios = list.data.scenarios.toSorted((a, b) => b.createdAt - a.createdAt);
  if (scenarios.length === 0) {
    return <p className="whatif__dim">No scenarios have been run for this site yet.</p>;
  }
  const toggle = (id: string, on: boolean) =>
    setPicked((ids) => (on ? [...ids, id].slice(-10) : ids.filter((x) => x !== id)));

  return (
    <section className="whatif__section" aria-label="Scenario history">
      <ul className="whatif__history">
        {scenarios.map((s) => (
          <li key={s.id}>
            <input
              type="checkbox"
              aria-label={`Compare ${s.name}`}
              checked={picked.includes(s.id)}
              onChange={(e) => toggle(s.id, e.currentTarget.checked)}
            />
            <button type="button" className="whatif__history-open" onClick={() => onOpen(s.id)}>
              <span className="whatif__history-name">{s.name}</span>
              <span className="whatif__dim">
                {s.createdBy} · {when.format(s.createdAt)}
                {s.violationCount !== null ? ` · ${s.violationCount} violations` : ''}
                {s.recommendationCount ? ` · ${s.recommendationCount} recommendations` : ''}
              </span>
            </button>
            <StatusBadge status={s.status} />
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        disabled={picked.length < 2}
        onClick={() => setComparing(true)}
      >
        Compare {picked.length >= 2 ? picked.length : ''} selected
      </button>
      {picked.length < 2 ? (
        <p className="whatif__dim">Tick two or more scenarios to compare their key figures.</p>
      ) : null}
      {comparing && picked.length >= 2 ? <CompareTable ids={picked} /> : null}
    </section>
  );
}
