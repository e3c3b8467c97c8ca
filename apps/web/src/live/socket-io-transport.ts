import { io, type Socket } from 'socket.io-client';
import {
  SOCKET_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@twinhelm/contracts';
import { type TwinTransport } from './twin-transport';

const JOIN_TIMEOUT_MS = 10_000;

/** The real transport: one socket.io connection to the same origin, authenticated by cookie. */
export function createSocketIoTransport(): TwinTransport {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    withCredentials: true,
    autoConnect: false,
  });
  return {
    start(handlers) {
      socket.on('connect', () => handlers.onConnect());
      socket.on('disconnect', (reason) => handlers.onDisconnect(reason));
      socket.on('connect_error', (error) => handlers.onConnectError(error.message));
      socket.on(SOCKET_EVENTS.delta, (payload: unknown) => handlers.onDelta(payload));
      socket.on(SOCKET_EVENTS.scenarioProgress, (payload: unknown) =>
        handlers.onSiteEvent?.(SOCKET_EVENTS.scenarioProgress, payload),
      );
      socket.on(SOCKET_EVENTS.nowcast, (payload: unknown) =>
        handlers.onSiteEvent?.(SOCKET_EVENTS.nowcast, payload),
      );
      socket.on(SOCKET_EVENTS.alarmChanges, (payload: unknown) =>
        handlers.onSiteEvent?.(SOCKET_EVENTS.alarmChanges, payload),
      );
      socket.connect();
    },
    join(siteId, done) {
      socket
        .timeout(JOIN_TIMEOUT_MS)
        .emit(SOCKET_EVENTS.join, { siteId }, (error: Error | null, ack: unknown) =>
          done(error ? error.message : null, ack),
        );
    },
    reconnect() {
      socket.connect();
    },
    close() {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
