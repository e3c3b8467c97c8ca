'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { MAX_SHELVE_MS, type AlarmAction, type AlarmView } from '@twinhelm/contracts';
import { ApiRequestError } from '../api/api-error';
import { TextForm } from './AlarmTextForm';
import { useAlarmAction } from './api/alarm-queries';

interface Props {
  siteId: string;
  alarm: AlarmView;
  canAct: boolean;
  canService: boolean;
  /** Grows when the S shortcut asks for the shelve form. */
  shelveRequest: number;
  onActed: (alarm: AlarmView) => void;
}

type Mode = 'shelve' | 'comment' | 'assign' | 'out_of_service' | null;

export const SHELVE_CHOICES: readonly { label: string; ms: number }[] = [
  { label: '15 min', ms: 15 * 60_000 },
  { label: '30 min', ms: 30 * 60_000 },
  { label: '1 h', ms: 3_600_000 },
  { label: '2 h', ms: 2 * 3_600_000 },
  { label: '4 h', ms: 4 * 3_600_000 },
  { label: '8 h', ms: 8 * 3_600_000 },
  // A minute short of the 24 h limit, so the request is not refused on arrival.
  { label: '24 h', ms: MAX_SHELVE_MS - 60_000 },
];
export const DEFAULT_SHELVE_MS = 3_600_000;

const OVERLAY = new Set(['shelved', 'suppressed', 'out_of_service']);

function errorText(error: Error): string {
  return error instanceof ApiRequestError
    ? error.message
    : `The action was not recorded (${error.message}); check the connection and try again.`;
}

/**
 * The lifecycle actions the alarm's state and the user's role allow: acknowledge (optional
 * comment), shelve (duration and reason), unshelve, reset a latched alarm, comment, assign;
 * administrators put it out of service and return it. Refusals show the server's sentence.
 */
export function AlarmActions({ siteId, alarm, canAct, canService, shelveRequest, onActed }: Props) {
  const action = useAlarmAction(siteId, onActed);
  const [mode, setMode] = useState<Mode>(null);
  const [ackComment, setAckComment] = useState('');
  const [shelveMs, setShelveMs] = useState(DEFAULT_SHELVE_MS);
  const ackId = useId();
  const durationId = useId();
  const seenRequest = useRef(shelveRequest);

  useEffect(() => {
    if (shelveRequest === seenRequest.current) return;
    seenRequest.current = shelveRequest;
    if (canAct && !OVERLAY.has(alarm.state)) setMode('shelve');
  }, [shelveRequest, canAct, alarm.state]);

  if (!canAct && !canService) {
    return (
      <p className="alarms__note">
        Your role can read alarms; acknowledging and shelving needs an operator or administrator.
      </p>
    );
  }

  const send = (body: AlarmAction, after?: () => void) =>
    action.mutate(
      { key: alarm.key, action: body },
      {
        onSuccess: () => {
          setMode(null);
          after?.();
        },
      },
    );
  const busy = action.isPending;
  const unack = alarm.state === 'unack_active' || alarm.state === 'unack_rtn';
  const toggle = (next: Mode) => setMode((m) => (m === next ? null : next));

  return (
    <section className="alarm-actions" aria-label="Actions">
      {canAct && unack ? (
        <form
          className="alarm-form alarm-form--inline"
          aria-label="Acknowledge"
          onSubmit={(e) => {
            e.preventDefault();
            const comment = ackComment.trim();
            send({ type: 'acknowledge', ...(comment ? { comment } : {}) }, () => setAckComment(''));
          }}
        >
          <label htmlFor={ackId} className="visually-hidden">
            Acknowledgement comment (optional)
          </label>
          <input
            id={ackId}
            className="input"
            placeholder="Comment (optional)"
            maxLength={2000}
            value={ackComment}
            onChange={(e) => setAckComment(e.currentTarget.value)}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            title="Acknowledge (A)"
          >
            Acknowledge
          </button>
        </form>
      ) : null}
      <div className="alarm-actions__buttons">
        {canAct && !OVERLAY.has(alarm.state) ? (
          <button
            type="button"
            className="button"
            aria-expanded={mode === 'shelve'}
            title="Shelve (S)"
            onClick={() => toggle('shelve')}
          >
            Shelve…
          </button>
        ) : null}
        {canAct && alarm.state === 'shelved' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => send({ type: 'unshelve' })}
          >
            Unshelve
          </button>
        ) : null}
        {canAct && alarm.state === 'latched' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => send({ type: 'reset' })}
          >
            Reset
          </button>
        ) : null}
        {canAct ? (
          <button
            type="button"
            className="button"
            aria-expanded={mode === 'comment'}
            onClick={() => toggle('comment')}
          >
            Comment…
          </button>
        ) : null}
        {canAct ? (
          <button
            type="button"
            className="button"
            aria-expanded={mode === 'assign'}
            onClick={() => toggle('assign')}
          >
            Assign…
          </button>
        ) : null}
        {canService && alarm.state !== 'out_of_service' ? (
          <button
            type="button"
            className="button"
            aria-expanded={mode === 'out_of_service'}
            onClick={() => toggle('out_of_service')}
          >
            Out of service…
          </button>
        ) : null}
        {canService && alarm.state === 'out_of_service' ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => send({ type: 'return_to_service' })}
          >
            Return to service
          </button>
        ) : null}
      </div>
      {mode === 'shelve' ? (
        <TextForm
          label="Reason for shelving"
          submit="Shelve"
          placeholder="e.g. sensor maintenance, work order 4711"
          busy={busy}
          onCancel={() => setMode(null)}
          onSubmit={(reason) => send({ type: 'shelve', until: Date.now() + shelveMs, reason })}
        >
          <div className="field">
            <label htmlFor={durationId}>Shelve for</label>
            <select
              id={durationId}
              className="input"
              value={shelveMs}
              onChange={(e) => setShelveMs(Number(e.currentTarget.value))}
            >
              {SHELVE_CHOICES.map((c) => (
                <option key={c.ms} value={c.ms}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </TextForm>
      ) : null}
      {mode === 'comment' ? (
        <TextForm
          label="Comment"
          submit="Add comment"
          busy={busy}
          onCancel={() => setMode(null)}
          onSubmit={(text) => send({ type: 'comment', text })}
        />
      ) : null}
      {mode === 'assign' ? (
        <TextForm
          label="Assign to"
          submit="Assign"
          placeholder="name or crew"
          initial={alarm.assignee ?? ''}
          busy={busy}
          onCancel={() => setMode(null)}
          onSubmit={(to) => send({ type: 'assign', to })}
        />
      ) : null}
      {mode === 'out_of_service' ? (
        <TextForm
          label="Reason for taking it out of service"
          submit="Put out of service"
          busy={busy}
          onCancel={() => setMode(null)}
          onSubmit={(reason) => send({ type: 'remove_from_service', reason })}
        />
      ) : null}
      {action.isError ? (
        <p className="field__error" role="alert">
          {errorText(action.error)}
        </p>
      ) : null}
    </section>
  );
}
