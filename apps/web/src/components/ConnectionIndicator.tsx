import { type ConnectionState } from '../live/twin-connection';

const TEXT: Record<ConnectionState['status'], string> = {
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  offline: 'offline',
};

/** Live-data status: grey when live, amber while reconnecting, red when offline. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const text = TEXT[state.status];
  return (
    <span
      className={`conn conn--${state.status}`}
      role="status"
      aria-label={`Live data: ${text}`}
      title={state.error ?? `Live data: ${text}`}
    >
      <span className="conn__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
