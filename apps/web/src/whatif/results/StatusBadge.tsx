import { type ScenarioStatus } from '@twinhelm/contracts';

const CLASS: Record<ScenarioStatus, string> = {
  queued: 'badge',
  running: 'badge',
  succeeded: 'badge',
  failed: 'badge badge--alarm',
  cancelled: 'badge badge--stale',
};

/** A scenario's status in a pill: grey when normal, amber cancelled, red failed. */
export function StatusBadge({ status }: { status: ScenarioStatus }) {
  return <span className={CLASS[status]}>{status}</span>;
}
