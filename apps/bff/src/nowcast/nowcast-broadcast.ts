import { SOCKET_EVENTS, type Nowcast } from '@twinhelm/contracts';
import { roomOf, type TwinServer } from '../realtime/attach-realtime';

export interface NowcastBroadcast {
  /** startNowcast's `emit`: sends to the site's room once attached; dropped before. */
  emit: (siteId: string, nowcast: Nowcast) => void;
  /** Starts sending to the site rooms of `io` (made after the loop, by createHttpServer); returns the detach. */
  attach: (io: TwinServer) => () => void;
}

/** Nowcasts to the console's clients: `twin:nowcast` in the room they joined with `site:join`. */
export function createNowcastBroadcast(): NowcastBroadcast {
  let target: TwinServer | undefined;
  return {
    emit(siteId, nowcast) {
      target?.to(roomOf(siteId)).emit(SOCKET_EVENTS.nowcast, nowcast);
    },
    attach(io) {
      target = io;
      return () => {
        if (target === io) target = undefined;
      };
    },
  };
}
