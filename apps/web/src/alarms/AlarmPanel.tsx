'use client';

import { useEffect, useRef } from 'react';
import { type AlarmView, type AssetType } from '@twinhelm/contracts';
import { ErrorMessage } from '../components/ErrorMessage';
import { type AssetLiveStore } from '../live/asset-live-store';
import { type SiteEvents } from '../live/site-events';
import { type AssetHighlight } from '../scene/use-scene-controller';
import { AlarmAdvicePanel } from './advice/AlarmAdvicePanel';
import {
  STATE_LABEL,
  alarmSummary,
  causeText,
  downstreamText,
  formatWhen,
  stateDetail,
  valueEntries,
} from './alarm-format';
import { type AlarmRow } from './alarm-rows';
import { SHORTCUT_TEXT } from './alarm-shortcuts';
import { AlarmActions } from './AlarmActions';
import { AlarmEvents } from './AlarmEvents';
import { AlarmTrend } from './AlarmTrend';
import { PriorityChip } from './PriorityChip';
import { useAlarmDetail } from './api/alarm-queries';

interface Props {
  siteId: string;
  alarmKey: string;
  /** The alarm as the live list has it (undefined once it is back to normal). */
  live: AlarmView | undefined;
  /** Its row when it is a root cause with alarms grouped under it. */
  group: AlarmRow | undefined;
  assetType: AssetType | undefined;
  canAct: boolean;
  canService: boolean;
  shelveRequest: number;
  store: AssetLiveStore;
  events: SiteEvents;
  onActed: (alarm: AlarmView) => void;
  onSelect: (key: string) => void;
  onAcknowledgeGroup: (keys: string[]) => void;
  onBack: () => void;
  onClose: () => void;
  onView: (highlights: AssetHighlight[]) => void;
}

/**
 * One alarm: priority, state, what raised it and the values behind it, consequence and
 * response, its group, actions, the trend around the event, recommended actions and history.
 */
export function AlarmPanel(props: Props) {
  const { siteId, alarmKey, live, group, canAct } = props;
  const detail = useAlarmDetail(siteId, alarmKey, live?.updatedAt ?? null);
  const alarm = live ?? detail.data?.alarm;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), [alarmKey]);

  return (
    <article className="alarm-panel" aria-labelledby="alarm-panel-title">
      <div className="alarm-panel__head">
        <button
          type="button"
          className="button button--ghost alarm-panel__back"
          onClick={props.onBack}
        >
          ◂ All alarms
        </button>
        <h2 id="alarm-panel-title" ref={headingRef} tabIndex={-1}>
          Alarm {alarm ? `${alarm.assetId} · ${alarm.ruleId}` : alarmKey}
        </h2>
        <button
          type="button"
          className="button button--ghost"
          aria-label="Close alarm"
          onClick={props.onClose}
        >
          ✕
        </button>
      </div>
      {detail.isError && !alarm ? (
        <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      ) : null}
      {!alarm && detail.isPending ? <p className="alarms__note">Loading…</p> : null}
      {alarm ? (
        <div className="alarm-panel__body">
          <p className="alarm-panel__chips">
            <PriorityChip priority={alarm.priority} />
            <span className={`alarm-state alarm-state--${alarm.state}`}>
              {STATE_LABEL[alarm.state]}
              {stateDetail(alarm) ? ` ${stateDetail(alarm)}` : ''}
            </span>
            <span className="alarms__note">
              {alarm.condition ? 'condition active' : 'condition clear'}
            </span>
          </p>
          <p className="alarm-panel__text">{alarmSummary(alarm)}</p>
          <dl className="alarm-panel__facts">
            {alarm.activeSince !== null ? (
              <div className="alarm-panel__fact">
                <dt>Raised</dt>
                <dd className="num">{formatWhen(alarm.activeSince)}</dd>
              </div>
            ) : null}
            {valueEntries(alarm.values).map(([name, value]) => (
              <div key={name} className="alarm-panel__fact">
                <dt>{name}</dt>
                <dd className="num">{value}</dd>
              </div>
            ))}
            {alarm.assignee ? (
              <div className="alarm-panel__fact">
                <dt>Assigned to</dt>
                <dd>{alarm.assignee}</dd>
              </div>
            ) : null}
          </dl>
          <div className="alarm-panel__texts">
            <h3>Consequence</h3>
            <p>{alarm.consequence}</p>
            <h3>Response</h3>
            <p className="alarm-panel__response">{alarm.response}</p>
          </div>
          {alarm.parentKey ? (
            <p className="alarm-panel__group">
              Grouped under{' '}
              <button
                type="button"
                className="button button--ghost"
                onClick={() => props.onSelect(alarm.parentKey!)}
              >
                {alarm.parentKey}
              </button>
            </p>
          ) : null}
          {group && group.children.length > 0 ? (
            <div className="alarm-panel__group">
              <p>
                {group.cause ? `${causeText(group.cause)}: ` : ''}explains{' '}
                {downstreamText(group.children.length)} (
                {group.children
                  .map((c) => c.assetId)
                  .slice(0, 8)
                  .join(', ')}
                {group.children.length > 8 ? ', …' : ''})
              </p>
              {canAct &&
              group.children.some((c) => c.state === 'unack_active' || c.state === 'unack_rtn') ? (
                <button
                  type="button"
                  className="button"
                  onClick={() =>
                    props.onAcknowledgeGroup(
                      [alarm, ...group.children]
                        .filter((a) => a.state === 'unack_active' || a.state === 'unack_rtn')
                        .map((a) => a.key),
                    )
                  }
                >
                  Acknowledge group
                </button>
              ) : null}
            </div>
          ) : null}
          <AlarmActions
            siteId={siteId}
            alarm={alarm}
            canAct={canAct}
            canService={props.canService}
            shelveRequest={props.shelveRequest}
            onActed={props.onActed}
          />
          <AlarmTrend
            key={alarm.key}
            siteId={siteId}
            alarm={alarm}
            assetType={props.assetType}
            store={props.store}
          />
          <AlarmAdvicePanel
            siteId={siteId}
            alarm={alarm}
            canAct={canAct}
            events={props.events}
            onView={props.onView}
          />
          <AlarmEvents events={detail.data?.events ?? []} />
          <p className="alarms__hint">
            <span className="visually-hidden">Keyboard shortcuts: </span>
            {SHORTCUT_TEXT}
          </p>
        </div>
      ) : null}
    </article>
  );
}
