import { useId, useState, type ReactNode } from 'react';
import { ApiRequestError } from '../api/api-error';

export type Decision = 'approved' | 'rejected';

export interface DecisionRecord {
  decision: Decision;
  by: string;
  at: number;
  comment?: string | null;
}

interface Props {
  rank: number;
  /** The newest decision on this recommendation, if any. */
  latest: DecisionRecord | null | undefined;
  formatAt: (at: number) => string;
  /** Whether the comment box and Approve / Reject are shown. */
  canDecide: boolean;
  pending: boolean;
  error: Error | null;
  /** Sends the decision; call `done` once stored (the comment box empties). */
  onDecide: (decision: Decision, comment: string | undefined, done: () => void) => void;
  placeholder: string;
  /** The feature's class names: the root, the decision line per outcome, the button row. */
  classes: { root: string; approved: string; rejected: string; buttons: string };
  /** Shown under the decision line (what followed the decision). */
  children?: ReactNode;
}

/**
 * Who decided on a recommendation, and Approve / Reject with an optional comment: the what-if
 * results and the alarm advice both show a recommendation's decision this way.
 */
export function DecisionControlsView(props: Props) {
  const { rank, latest, canDecide, pending, error, classes } = props;
  const [comment, setComment] = useState('');
  const commentId = useId();
  const send = (decision: Decision) => {
    const text = comment.trim();
    props.onDecide(decision, text === '' ? undefined : text, () => setComment(''));
  };

  return (
    <div className={classes.root}>
      {latest ? (
        <p className={classes[latest.decision]} role="status">
          {latest.decision === 'approved' ? 'Approved' : 'Rejected'} by <strong>{latest.by}</strong>
          , {props.formatAt(latest.at)}
          {latest.comment ? `: “${latest.comment}”` : ''}
        </p>
      ) : null}
      {props.children}
      {canDecide ? (
        <>
          <label htmlFor={commentId} className="visually-hidden">
            Comment on recommendation {rank}
          </label>
          <input
            id={commentId}
            className="input"
            placeholder={props.placeholder}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
          />
          <div className={classes.buttons}>
            <button
              type="button"
              className="button button--primary"
              disabled={pending}
              onClick={() => send('approved')}
            >
              Approve
            </button>
            <button
              type="button"
              className="button"
              disabled={pending}
              onClick={() => send('rejected')}
            >
              Reject
            </button>
          </div>
        </>
      ) : null}
      {error ? (
        <p className="field__error" role="alert">
          {error instanceof ApiRequestError
            ? error.message
            : `The decision was not recorded (${error.message}); try again.`}
        </p>
      ) : null}
    </div>
  );
}
