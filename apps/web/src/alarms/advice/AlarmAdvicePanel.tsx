'use client';

import { useCallback, useSyncExternalStore } from 'react';
import { type AlarmAdvice, type AlarmView } from '@twinhelm/contracts';
import { ApiRequestError } from '../../api/api-error';
import { type SiteEvents } from '../../live/site-events';
import { formatMetricValue } from '../../lib/format-value';
import { type AssetHighlight } from '../../scene/use-scene-controller';
import { adviceCauseFor, formatDurationS } from '../advice-shaping';
import { useAlarmAdvice, useRequestAdvice } from '../api/advice-queries';
import { AdviceCard } from './AdviceCard';

interface Props {
  siteId: string;
  alarm: AlarmView;
  canAct: boolean;
  events: SiteEvents;
  onView: (highlights: AssetHighlight[]) => void;
}

function errorText(error: Error): string {
  return error instanceof ApiRequestError
    ? error.message
    : `The request did not reach the server (${error.message}); try again.`;
}

/** The search's progress: the advice's phase and its what-if's progress from the site room. */
function AdviceProgress({ advice, events }: { advice: AlarmAdvice; events: SiteEvents }) {
  const getProgress = useCallback(
    () => events.getProgress(advice.scenarioId),
    [events, advice.scenarioId],
  );
  const progress = useSyncExternalStore(events.subscribe, getProgress, getProgress);
  const fraction = progress?.progress ?? null;
  const label =
    advice.status === 'queued'
      ? 'Queued'
      : `Simulating${fraction !== null ? ` · ${Math.round(fraction * 100)} %` : ''}`;
  const phase = advice.phase ?? progress?.phase ?? null;
  return (
    <div className="advice-progress" role="status" aria-live="polite">
      <strong>{label}</strong>
      {phase ? <span className="alarms__note"> {phase}</span> : null}
      <progress
        className="advice-progress__bar"
        max={1}
        value={advice.status === 'queued' || fraction === null ? undefined : fraction}
        aria-label="Search for actions"
      />
    </div>
  );
}

/** What doing nothing leads to: the baseline of the alarm's quantity. */
function BaselineSummary({ advice }: { advice: AlarmAdvice }) {
  const { quantity, baseline } = advice;
  if (!quantity || !baseline) return null;
  const extreme = quantity.extreme === 'min' ? 'falls to' : 'reaches';
  return (
    <p className="advice-baseline">
      Doing nothing, the {quantity.label} {extreme}{' '}
      <strong className="num">{formatMetricValue(quantity.metric, baseline.extreme)}</strong> within{' '}
      {formatDurationS(advice.horizonS)}
      {baseline.timeToEmptyS !== null
        ? `; it empties in ${formatDurationS(baseline.timeToEmptyS)}`
        : ''}
      {baseline.beyondLimitS ? `; ${formatDurationS(baseline.beyondLimitS)} beyond the limit` : ''}.{' '}
      {advice.members > 1 ? `${advice.members}-member ensemble.` : ''}
    </p>
  );
}

/**
 * Recommended actions for an operational alarm: "Find actions" asks the solver (from the
 * current state), the progress shows while it runs, then each ranked action with its simulated
 * effect on the alarm's quantity, KPI deltas and uncertainty, Approve / Reject, and the check.
 */
export function AlarmAdvicePanel({ siteId, alarm, canAct, events, onView }: Props) {
  const advice = useAlarmAdvice(siteId, alarm.key);
  const request = useRequestAdvice(siteId, alarm.key);
  const cause = adviceCauseFor(alarm);
  const current = advice.data ?? null;
  const running = current !== null && (current.status === 'queued' || current.status === 'running');
  const canRequest = canAct && cause !== null && !running && !request.isPending;

  return (
    <section className="alarm-advice" aria-label="Recommended actions">
      <h3>Recommended actions</h3>
      {advice.isPending ? <p className="alarms__note">Loading…</p> : null}
      {advice.isError ? (
        <p className="field__error" role="alert">
          {errorText(advice.error)}
        </p>
      ) : null}
      {!advice.isPending && current === null ? (
        <p className="alarms__note">
          {cause === null
            ? 'Actions are simulated for active operational alarms: a pump trip, a low tank, low pressure or a suspected burst.'
            : canAct
              ? 'Simulates this alarm’s cause from the current state and ranks what could be done.'
              : 'An operator can ask for simulated actions for this alarm.'}
        </p>
      ) : null}
      {current && running ? <AdviceProgress advice={current} events={events} /> : null}
      {current?.status === 'failed' ? (
        <p className="message message--error">
          {current.error ?? 'The search for actions failed.'}
        </p>
      ) : null}
      {current?.status === 'done' ? (
        <>
          <BaselineSummary advice={current} />
          {current.recommendations.length === 0 ? (
            <p className="message">
              {current.note ?? current.error ?? 'No action improves on doing nothing.'}
            </p>
          ) : (
            <ol className="advice-list">
              {current.recommendations.map((rec) => (
                <AdviceCard
                  key={rec.rank}
                  siteId={siteId}
                  advice={current}
                  rec={rec}
                  canAct={canAct}
                  onView={onView}
                />
              ))}
            </ol>
          )}
          {current.note && current.recommendations.length > 0 ? (
            <p className="alarms__note">{current.note}</p>
          ) : null}
        </>
      ) : null}
      {canRequest ? (
        <button
          type="button"
          className={current ? 'button' : 'button button--primary'}
          onClick={() => request.mutate()}
        >
          {current ? 'Find actions again' : 'Find actions'}
        </button>
      ) : null}
      {request.isPending ? (
        <p className="alarms__note" role="status">
          Starting the search…
        </p>
      ) : null}
      {request.isError ? (
        <p className="field__error" role="alert">
          {errorText(request.error)}
        </p>
      ) : null}
    </section>
  );
}
