'use client';

import { type AlarmFeedState } from './alarm-feed';
import { PRIORITY_LABEL, alarmSummary, countsText, floodText } from './alarm-format';
import { bannerAlarm } from './alarm-rows';
import { PriorityChip } from './PriorityChip';
import { type AlarmAnnouncer } from './use-alarm-announcer';

export const ALARM_DRAWER_ID = 'alarm-drawer';
/** The banner's Alarms button: focus returns here when the drawer closes. */
export const ALARM_TOGGLE_ID = 'alarm-banner-toggle';

interface Props {
  state: AlarmFeedState;
  announcer: AlarmAnnouncer;
  open: boolean;
  onToggle: () => void;
  onSelect: (key: string) => void;
}

/**
 * Always on the console's top bar: counts per state (opens the list), the newest
 * highest-priority unacknowledged alarm (opens it), the flood indicator and the sound's mute.
 * Flashes when a new critical alarm is announced.
 */
export function AlarmBanner({ state, announcer, open, onToggle, onSelect }: Props) {
  const { alarms, error } = state;
  const top = bannerAlarm(alarms.byKey);
  const flood = floodText(alarms.flood);
  const unack = alarms.counts.unack_active + alarms.counts.unack_rtn;
  const critical = announcer.lastCritical;
  return (
    <section
      className={`alarm-banner${unack > 0 ? ' alarm-banner--unack' : ''}`}
      aria-label="Alarm banner"
    >
      <span
        key={announcer.flashes}
        className={announcer.flashes > 0 ? 'alarm-banner__flash' : ''}
      />
      <button
        id={ALARM_TOGGLE_ID}
        type="button"
        className={
          open ? 'button button--primary alarm-banner__toggle' : 'button alarm-banner__toggle'
        }
        aria-expanded={open}
        aria-controls={open ? ALARM_DRAWER_ID : undefined}
        onClick={onToggle}
        title={error ?? undefined}
      >
        Alarms
        <span className="alarm-banner__counts num">
          {alarms.loaded ? countsText(alarms.counts) : error ? 'unavailable' : '…'}
        </span>
      </button>
      {top ? (
        <button
          type="button"
          className={`alarm-banner__top alarm-prio--${top.priority}`}
          onClick={() => onSelect(top.key)}
          aria-label={`Newest unacknowledged ${PRIORITY_LABEL[top.priority].toLowerCase()} alarm: ${top.assetId}, ${alarmSummary(top)}. Open it.`}
        >
          <PriorityChip priority={top.priority} />
          <strong className="alarm-banner__asset">{top.assetId}</strong>
          <span className="alarm-banner__text">{alarmSummary(top)}</span>
        </button>
      ) : (
        <span className="alarm-banner__quiet">
          {alarms.loaded ? 'No unacknowledged alarms' : ''}
        </span>
      )}
      {flood ? (
        <span className="alarm-banner__flood" role="status">
          {flood}
        </span>
      ) : null}
      <button
        type="button"
        className="button button--ghost alarm-banner__mute"
        aria-pressed={announcer.muted}
        title={
          announcer.muted
            ? 'Alarm sound muted: press to sound new critical alarms again'
            : 'Mute the sound of new critical alarms (the banner still flashes)'
        }
        onClick={announcer.toggleMute}
      >
        {announcer.muted ? 'Muted' : 'Mute'}
      </button>
      <span className="visually-hidden" role="alert">
        {critical
          ? `New critical alarm: ${critical.alarm.assetId}, ${alarmSummary(critical.alarm)}`
          : ''}
      </span>
    </section>
  );
}
