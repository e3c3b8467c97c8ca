'use client';

import { useId, useState } from 'react';
import { type AdviceRecommendation } from '@twinhelm/contracts';
import { ApiRequestError } from '../../api/api-error';
import { useNow } from '../../lib/use-now';
import { latestDecision, verdictText } from '../advice-shaping';
import { formatWhen } from '../alarm-format';
import { useDecideAdvice } from '../api/advice-queries';

interface Props {
  siteId: string;
  alarmKey: string;
  adviceId: string;
  rec: AdviceRecommendation;
  canAct: boolean;
}

/**
 * Approve / Reject with a comment; then who decided, in demo mode what the virtual plant did,
 * and after an approval the check's verdict.
 */
export function AdviceDecision({ siteId, alarmKey, adviceId, rec, canAct }: Props) {
  const decide = useDecideAdvice(siteId, alarmKey, adviceId);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const now = useNow(30_000);
  const latest = latestDecision(rec);

  const send = (decision: 'approved' | 'rejected') =>
    decide.mutate(
      { rank: rec.rank, decision, ...(comment.trim() !== '' ? { comment: comment.trim() } : {}) },
      { onSuccess: () => setComment('') },
    );

  return (
    <div className="advice-decision">
      {latest ? (
        <p
          className={
            latest.decision === 'approved' ? 'advice-decision__ok' : 'advice-decision__rejected'
          }
          role="status"
        >
          {latest.decision === 'approved' ? 'Approved' : 'Rejected'} by <strong>{latest.by}</strong>
          , {formatWhen(latest.at)}
          {latest.comment ? `: “${latest.comment}”` : ''}
        </p>
      ) : null}
      {rec.carriedOut ? (
        <p className={`advice-plant advice-plant--${rec.carriedOut.outcome}`}>
          {rec.carriedOut.summary}
        </p>
      ) : null}
      {rec.check ? (
        <p className={`advice-check advice-check--${rec.check.verdict ?? 'pending'}`}>
          {verdictText(rec.check, now)}
        </p>
      ) : null}
      {canAct && !latest ? (
        <>
          <label htmlFor={commentId} className="visually-hidden">
            Comment on recommendation {rec.rank}
          </label>
          <input
            id={commentId}
            className="input"
            placeholder="Comment (optional; say why when rejecting)"
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <div className="alarm-form__buttons">
            <button
              type="button"
              className="button button--primary"
              disabled={decide.isPending}
              onClick={() => send('approved')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button"
              disabled={decide.isPending}
              onClick={() => send('rejected')}
            >
              Reject
            </button>
          </div>
        </>
      ) : null}
      {decide.isError ? (
        <p className="field__error" role="alert">
          {decide.error instanceof ApiRequestError
            ? decide.error.message
            : `The decision was not recorded (${decide.error.message}); try again.`}
        </p>
      ) : null}
    </div>
  );
}
