import { setMaxListeners } from 'node:events';

/**
 * A signal that follows `outer` and takes any number of listeners: every queued pool run adds
 * one, which would trip Node's leak warning (10) on the caller's signal. Dispose it when done.
 */
export function linkedSignal(outer: AbortSignal | undefined): {
  signal: AbortSignal;
  dispose: () => void;
} {
  const inner = new AbortController();
  setMaxListeners(0, inner.signal);
  const forward = (): void => inner.abort(outer?.reason);
  if (outer?.aborted === true) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  return { signal: inner.signal, dispose: () => outer?.removeEventListener('abort', forward) };
}
