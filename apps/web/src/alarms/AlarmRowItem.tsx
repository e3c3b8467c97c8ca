'use client';

import { type AlarmView } from '@twinhelm/contracts';
import {
  PRIORITY_LABEL,
  STATE_LABEL,
  alarmSummary,
  causeText,
  downstreamText,
  formatAgo,
} from './alarm-format';
import { alarmTime, type AlarmRow } from './alarm-rows';
import { PriorityChip } from './PriorityChip';

interface Props {
  row: AlarmRow;
  now: number;
  selected: string | null;
  expanded: boolean;
  canAct: boolean;
  busy: boolean;
  onSelect: (key: string) => void;
  onToggleExpanded: (key: string) => void;
  onAcknowledge: (keys: string[]) => void;
}

const isUnack = (a: AlarmView) => a.state === 'unack_active' || a.state === 'unack_rtn';

/** The button that opens an alarm: priority, asset, text, state, age. */
function AlarmLine({
  alarm,
  now,
  selected,
  onSelect,
}: {
  alarm: AlarmView;
  now: number;
  selected: boolean;
  onSelect: (key: string) => void;
}) {
  return (
    <button
      type="button"
      className={`alarm-line alarm-prio--${alarm.priority} alarm-state--${alarm.state}`}
      aria-current={selected ? 'true' : undefined}
      data-alarm-key={alarm.key}
      onClick={() => onSelect(alarm.key)}
    >
      <PriorityChip priority={alarm.priority} />
      <span className="alarm-line__head">
        <strong className="alarm-line__asset">{alarm.assetId}</strong>{' '}
        <span className="alarm-line__rule">{alarm.ruleId}</span>
      </span>
      <span className="alarm-line__age">{formatAgo(now - alarmTime(alarm))}</span>
      <span className="alarm-line__text">{alarmSummary(alarm)}</span>
      <span className="alarm-line__state">{STATE_LABEL[alarm.state]}</span>
    </button>
  );
}

function AckButton({
  alarm,
  busy,
  onAcknowledge,
}: {
  alarm: AlarmView;
  busy: boolean;
  onAcknowledge: (keys: string[]) => void;
}) {
  return (
    <button
      type="button"
      className="button alarm-row__ack"
      disabled={busy}
      aria-label={`Acknowledge ${alarm.key}`}
      title="Acknowledge (A)"
      onClick={() => onAcknowledge([alarm.key])}
    >
      Ack
    </button>
  );
}

/** One list row; a root cause shows "+N downstream" and acknowledges its whole group. */
export function AlarmRowItem({
  row,
  now,
  selected,
  expanded,
  canAct,
  busy,
  onSelect,
  onToggleExpanded,
  onAcknowledge,
}: Props) {
  const { alarm, children, cause } = row;
  const groupUnack = [alarm, ...children].filter(isUnack).map((a) => a.key);
  const label = [
    `${alarm.assetId} ${alarm.ruleId}`,
    PRIORITY_LABEL[alarm.priority],
    STATE_LABEL[alarm.state],
    children.length > 0 ? downstreamText(children.length) : null,
  ]
    .filter(Boolean)
    .join(', ');
  const childListId = `alarm-children-${alarm.key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  return (
    <li
      className={children.length > 0 ? 'alarm-row alarm-row--group' : 'alarm-row'}
      aria-label={label}
    >
      <div className="alarm-row__head">
        <AlarmLine alarm={alarm} now={now} selected={selected === alarm.key} onSelect={onSelect} />
        {canAct && isUnack(alarm) && children.length === 0 ? (
          <AckButton alarm={alarm} busy={busy} onAcknowledge={onAcknowledge} />
        ) : null}
      </div>
      {children.length > 0 ? (
        <div className="alarm-row__group">
          {cause ? <span className="alarm-row__cause">{causeText(cause)}</span> : null}
          <button
            type="button"
            className="button button--ghost alarm-row__expand"
            aria-expanded={expanded}
            aria-controls={childListId}
            onClick={() => onToggleExpanded(alarm.key)}
          >
            {expanded ? '▾' : '▸'} {downstreamText(children.length)}
          </button>
          {canAct && groupUnack.length > 0 ? (
            <button
              type="button"
              className="button alarm-row__ack"
              disabled={busy}
              aria-label={`Acknowledge group ${alarm.key} (${groupUnack.length} alarms)`}
              onClick={() => onAcknowledge(groupUnack)}
            >
              Ack group
            </button>
          ) : null}
        </div>
      ) : null}
      {children.length > 0 && expanded ? (
        <ul
          className="alarm-row__children"
          id={childListId}
          aria-label={`Grouped under ${alarm.key}`}
        >
          {children.map((child) => (
            <li
              key={child.key}
              className="alarm-row alarm-row--child"
              aria-label={`${child.assetId} ${child.ruleId}, ${PRIORITY_LABEL[child.priority]}, ${STATE_LABEL[child.state]}`}
            >
              <div className="alarm-row__head">
                <AlarmLine
                  alarm={child}
                  now={now}
                  selected={selected === child.key}
                  onSelect={onSelect}
                />
                {canAct && isUnack(child) ? (
                  <AckButton alarm={child} busy={busy} onAcknowledge={onAcknowledge} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
