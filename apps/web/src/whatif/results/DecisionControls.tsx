import { useId, useState } from 'react';
import { type ScenarioDetail } from '@twinhelm/contracts';
import { ApiRequestError } from '../../api/api-error';
import { useDecideRecommendation } from '../api/scenario-queries';
import { useWhatIf } from '../whatif-context';

interface Props {
  scenarioId: string;
  rank: number;
  decisions: ScenarioDetail['approvals'];
}

const when = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Who decided on a recommendation, and Approve / Reject with a comment for those who may. */
export function DecisionControls({ scenarioId, rank, decisions }: Props) {
  const { canRun } = useWhatIf();
  const decide = useDecideRecommendation(scenarioId);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const latest = decisions.toSorted((a, b) => b.at - a.at)[0];

  const send = (decision: 'approved' | 'rejected') =>
    decide.mutate(
      { rank, body: { decision, ...(comment.trim() !== '' ? { comment: comment.trim() } : {}) } },
      { onSuccess: () => setComment('') },
    );

  return (
    <div className="whatif__decision">
      {latest ? (
        <p
          className={latest.decision === 'approved' ? 'whatif__ok' : 'whatif__rejected'}
          role="status"
        >
          {latest.decision === 'approved' ? 'Approved' : 'Rejected'} by <strong>{latest.by}</strong>
          , {when.format(latest.at)}
          {latest.comment ? `: “${latest.comment}”` : ''}
        </p>
      ) : null}
      {canRun ? (
        <>
          <label htmlFor={commentId} className="visually-hidden">
            Comment on recommendation {rank}
          </label>
          <input
            id={commentId}
            className="input"
            placeholder="Comment (optional)"
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <div className="whatif__row whatif__row--tight">
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
