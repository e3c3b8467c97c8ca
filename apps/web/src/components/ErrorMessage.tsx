import { ApiRequestError } from '../api/api-error';

/** An API or network failure, in words, with a retry when retrying can help. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const text =
    error instanceof ApiRequestError
      ? error.message
      : `The server could not be reached (${error instanceof Error ? error.message : String(error)}). Check the network, then retry.`;
  return (
    <div className="message message--error" role="alert">
      <p style={{ margin: 0 }}>{text}</p>
      {onRetry ? (
        <button type="button" className="button" style={{ marginTop: '0.75rem' }} onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
