'use client';

import { type AlarmEvent } from '@twinhelm/contracts';
import { EVENT_LABEL, STATE_LABEL, formatWhen, valueEntries } from './alarm-format';

/** The alarm's history, newest first: what happened, who, when, why, and the state it left. */
export function AlarmEvents({ events }: { events: readonly AlarmEvent[] }) {
  return (
    <section className="alarm-events" aria-label="History">
      <h3>History</h3>
      {events.length === 0 ? (
        <p className="alarms__note">No events recorded yet.</p>
      ) : (
        <ol className="alarm-events__list">
          {events.map((event) => (
            <li key={event.id} className="alarm-events__item">
              <span className="alarm-events__when num">{formatWhen(event.when)}</span>
              <span className="alarm-events__what">
                <strong>{EVENT_LABEL[event.event]}</strong>
                {event.who ? ` by ${event.who}` : ''}
                {event.from !== event.to
                  ? ` · ${STATE_LABEL[event.from]} → ${STATE_LABEL[event.to]}`
                  : ''}
              </span>
              {event.why ? <span className="alarm-events__why">“{event.why}”</span> : null}
              {event.values && Object.keys(event.values).length > 0 ? (
                <span className="alarm-events__values num">
                  {valueEntries(event.values)
                    .map(([k, v]) => `${k} ${v}`)
                    .join(' · ')}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
