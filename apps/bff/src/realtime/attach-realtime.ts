import {
  JoinSiteRequestSchema,
  SOCKET_EVENTS,
  type ClientToServerEvents,
  type JoinSiteAck,
  type Principal,
  type ServerToClientEvents,
} from '@twinhelm/contracts';
import type { Server } from 'socket.io';
import type { AuthRuntime } from '../auth/auth-runtime';
import type { TwinStatePort } from '../ports/twin-state-port';
import type { Services } from '../services/create-services';
import { DeltaCoalescer } from './delta-coalescer';

export interface SocketData {
  principal: Principal;
}
export type TwinServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  SocketData
>;

export interface RealtimeDeps {
  twin: TwinStatePort;
  auth: AuthRuntime;
  services: Pick<Services, 'getSite'>;
  clock?: () => number;
  /** Coalescing window, ms (default 50). */
  windowMs?: number;
}

export const roomOf = (siteId: string) => `site:${siteId}`;

/**
 * Authenticated socket.io: the handshake needs the session cookie or `auth: { token }`;
 * `site:join` answers with a snapshot, then coalesced `twin:delta`s follow in the site's room.
 */
export function attachRealtime(io: TwinServer, deps: RealtimeDeps): { close(): void } {
  const clock = deps.clock ?? Date.now;
  const coalescer = new DeltaCoalescer({
    windowMs: deps.windowMs ?? 50,
    clock,
    hasAudience: (siteId) => (io.of('/').adapter.rooms.get(roomOf(siteId))?.size ?? 0) > 0,
    emit: (delta) => io.to(roomOf(delta.siteId)).emit(SOCKET_EVENTS.delta, delta),
  });
  const unsubscribe = deps.twin.onChange((siteId, changes) => coalescer.add(siteId, changes));

  io.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    deps.auth
      .authenticate({
        authorization: typeof token === 'string' && token ? `Bearer ${token}` : null,
        cookie: socket.request.headers.cookie,
      })
      .then((principal) => {
        socket.data.principal = principal;
        next();
      })
      .catch(() => next(new Error('unauthorized')));
  });

  io.on('connection', (socket) => {
    socket.on(SOCKET_EVENTS.join, (request, ack) => {
      if (typeof ack !== 'function') return;
      const respond = (answer: JoinSiteAck) => ack(answer);
      const parsed = JoinSiteRequestSchema.safeParse(request);
      if (!parsed.success) {
        respond({
          ok: false,
          error: `site:join: ${parsed.error.issues[0]?.message ?? 'expected { siteId }'}`,
        });
        return;
      }
      const { siteId } = parsed.data;
      deps.services
        .getSite(socket.data.principal, { siteId })
        .then(async () => {
          await socket.join(roomOf(siteId));
          const { state } = deps.twin.snapshot(siteId);
          respond({
            ok: true,
            snapshot: { siteId, version: coalescer.version(siteId), at: clock(), state },
          });
        })
        .catch((error: unknown) =>
          respond({ ok: false, error: error instanceof Error ? error.message : String(error) }),
        );
    });
    socket.on(SOCKET_EVENTS.leave, (request) => {
      const parsed = JoinSiteRequestSchema.safeParse(request);
      if (parsed.success) void socket.leave(roomOf(parsed.data.siteId));
    });
  });

  return {
    close() {
      unsubscribe();
      coalescer.close();
    },
  };
}
