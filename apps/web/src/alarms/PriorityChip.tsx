import { type AlarmPriority } from '@twinhelm/contracts';
import { PRIORITY_LABEL } from './alarm-format';

/** The badge shapes of the 3D view, so priority never rests on colour alone. */
const GLYPH: Record<AlarmPriority, string> = {
  critical: '■',
  high: '◆',
  medium: '▲',
  low: '●',
};

/** "■ Critical", coloured like the 3D badge of that priority (narrow lists show the shape only). */
export function PriorityChip({ priority }: { priority: AlarmPriority }) {
  return (
    <span className={`alarm-chip alarm-prio--${priority}`}>
      <span aria-hidden="true">{GLYPH[priority]}</span>{' '}
      <span className="alarm-chip__label">{PRIORITY_LABEL[priority]}</span>
    </span>
  );
}
