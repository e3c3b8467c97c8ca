import { type ScenarioStatus } from '@twinhelm/contracts';

interface Props {
  status: ScenarioStatus;
  progress: number;
  phase: string | null;
  onCancel?: () => void;
  cancelling?: boolean;
}

/** The run's progress bar with what it is doing, and a cancel button. */
export function ScenarioProgress({ status, progress, phase, onCancel, cancelling }: Props) {
  const percent = Math.round(progress * 100);
  const label = status === 'queued' ? 'Queued' : `Running · ${percent} %`;
  return (
    <div className="whatif__progress" role="status" aria-live="polite">
      <div className="whatif__progress-head">
        <strong>{label}</strong>
        {phase ? <span className="whatif__dim">{phase}</span> : null}
      </div>
      <progress
        className="whatif__bar"
        max={1}
        value={status === 'queued' ? undefined : progress}
        aria-label="Scenario progress"
        aria-valuetext={`${label}${phase ? `, ${phase}` : ''}`}
      />
      {onCancel ? (
        <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
          {cancelling ? 'Cancelling…' : 'Cancel run'}
        </button>
      ) : null}
    </div>
  );
}
