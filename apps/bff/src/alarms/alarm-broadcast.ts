import { SOCKET_EVENTS, type AlarmChangesEvent } from '@twinhelm/contracts';
import type { AlarmEnginePort } from '../ports/alarm-engine-port';
import { roomOf, type TwinServer } from '../realtime/attach-realtime';

export interface AlarmBroadcast {
  /** Sends each stored change to the site's room as `alarm:changes`; returns the detach. */
  attach: (io: TwinServer) => () => void;
}

/** Alarm changes to the console's clients, in the room they joined with `site:join`. */
export function createAlarmBroadcast(engine: Pick<AlarmEnginePort, 'onChanges'>): AlarmBroadcast {
  return {
    attach(io) {
      return engine.onChanges((event: AlarmChangesEvent) => {
        io.to(roomOf(event.siteId)).emit(SOCKET_EVENTS.alarmChanges, event);
      });
    },
  };
}
