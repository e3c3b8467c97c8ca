'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { consoleHref } from '../../lib/url-state';
import { isFinished, scenarioKeys, useCancelScenario, useScenario } from '../api/scenario-queries';
import { useWhatIf } from '../whatif-context';
import { ResultsView } from './ResultsView';
import { ScenarioProgress } from './ScenarioProgress';
import { StatusBadge } from './StatusBadge';

const timeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * One scenario: progress while it runs (socket events, polling as fallback), then its results.
 * `fresh`: just submitted, so the bar shows at once (queued) while the first GET is on its way.
 */
export function ScenarioView({ id, fresh = false }: { id: string; fresh?: boolean }) {
  const { events, canRun, siteId } = useWhatIf();
  const client = useQueryClient();
  const detail = useScenario(id);
  const cancel = useCancelScenario(id);
  const getProgress = useCallback(() => events.getProgress(id), [events, id]);
  const live = useSyncExternalStore(events.subscribe, getProgress, () => null);

  const data = detail.data;
  const status = live?.status ?? data?.status ?? 'queued';
  useEffect(() => {
    if (live && isFinished(live.status) && data && !isFinished(data.status)) {
      void client.invalidateQueries({ queryKey: scenarioKeys.detail(id) });
      void client.invalidateQueries({ queryKey: scenarioKeys.list(siteId) });
    }
  }, [live, data, client, id, siteId]);

  if (detail.isError) {
    return <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (!data) {
    return fresh ? (
      <ScenarioProgress
        status={live?.status ?? 'queued'}
        progress={live?.progress ?? 0}
        phase={live?.phase ?? 'Submitted'}
      />
    ) : (
      <p className="whatif__dim">Loading the scenario…</p>
    );
  }

  const running = !isFinished(data.status);
  return (
    <article className="whatif__scenario" aria-label={`Scenario ${data.name}`}>
      <header className="whatif__scenario-head">
        <h3>{data.name}</h3>
        <StatusBadge status={running ? status : data.status} />
        <p className="whatif__dim">
          {data.createdBy} · {timeFormat.format(data.createdAt)} ·{' '}
          {data.members > 1 ? `ensemble of ${data.members}` : 'one run'} · model{' '}
          <span className="search__id">{data.modelHash.slice(0, 8)}</span> · seed {data.seed} ·{' '}
          <a href={consoleHref(data.siteId, null, data.id)}>link to this scenario</a>
        </p>
      </header>
      {running ? (
        <ScenarioProgress
          status={status}
          progress={live?.progress ?? data.progress}
          phase={live?.phase ?? data.phase}
          onCancel={canRun ? () => cancel.mutate() : undefined}
          cancelling={cancel.isPending}
        />
      ) : null}
      {data.status === 'failed' ? (
        <div className="message message--error" role="alert">
          The run failed{data.error ? ` (${data.error.kind}): ${data.error.message}` : '.'}
        </div>
      ) : null}
      {data.status === 'cancelled' ? (
        <p className="message message--warning">This run was cancelled before it finished.</p>
      ) : null}
      {data.status === 'succeeded' ? <ResultsView scenario={data} /> : null}
    </article>
  );
}
