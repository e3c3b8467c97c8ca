import {
  SOCKET_EVENTS,
  type ClientToServerEvents,
  type JoinSiteAck,
  type ServerToClientEvents,
  type TwinDelta,
} from '@twinhelm/contracts';
import { io, type Socket } from 'socket.io-client';
import { LatencyHistogram } from './latency-histogram';

type TwinSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface SocketClients {
  /** publish → client latency of every value received whose ts lies in the measured window. */
  latency: LatencyHistogram;
  /** The server's part of it: value ts → delta.at (when the BFF emitted the delta). */
  toEmit: LatencyHistogram;
  /** Delivery: delta.at → the client handling it, once per delta and client. */
  delivery: LatencyHistogram;
  deltas: number;
  /** Deltas whose version did not follow the previous one (the client would resync). */
  versionGaps: number;
  disconnects: number;
  /** Only values with measureFrom ≤ ts < measureUntil count. */
  measure(from: number, until: number): void;
  close(): void;
}

function connect(baseUrl: string, token: string, siteId: string): Promise<TwinSocket> {
  return new Promise((resolve, reject) => {
    const socket: TwinSocket = io(baseUrl, {
      transports: ['websocket'],
      auth: { token },
      reconnection: false,
      timeout: 10_000,
    });
    socket.once('connect_error', (error) =>
      reject(new Error(`socket.io connect to ${baseUrl}: ${error.message}`)),
    );
    socket.once('connect', () => {
      socket.emit(SOCKET_EVENTS.join, { siteId }, (answer: JoinSiteAck) => {
        if (answer.ok) resolve(socket);
        else reject(new Error(`site:join ${siteId}: ${answer.error}`));
      });
    });
  });
}

/**
 * `count` socket.io clients (websocket transport, API token), each joined to the site and
 * timing every value of every twin:delta against its ts (the publish time: same machine clock).
 */
export async function connectSocketClients(options: {
  baseUrl: string;
  token: string;
  siteId: string;
  count: number;
}): Promise<SocketClients> {
  const latency = new LatencyHistogram();
  const toEmit = new LatencyHistogram();
  const delivery = new LatencyHistogram();
  let from = Infinity;
  let until = -Infinity;
  const state = {
    latency,
    toEmit,
    delivery,
    deltas: 0,
    versionGaps: 0,
    disconnects: 0,
    measure(f: number, u: number) {
      from = f;
      until = u;
    },
    close() {
      for (const socket of sockets) socket.disconnect();
    },
  };
  const sockets = await Promise.all(
    Array.from({ length: options.count }, () =>
      connect(options.baseUrl, options.token, options.siteId),
    ),
  );
  for (const [index, socket] of sockets.entries()) {
    const first = index === 0;
    let version: number | undefined;
    socket.on(SOCKET_EVENTS.delta, (delta: TwinDelta) => {
      const now = Date.now();
      state.deltas += 1;
      if (version !== undefined && delta.version !== version + 1) state.versionGaps += 1;
      version = delta.version;
      let timed = false;
      for (const assetId in delta.changes) {
        const metrics = delta.changes[assetId] ?? {};
        for (const metric in metrics) {
          const ts = metrics[metric]?.ts ?? NaN;
          if (!(ts >= from && ts < until)) continue;
          latency.add(now - ts);
          if (first) toEmit.add(delta.at - ts);
          timed = true;
        }
      }
      if (timed) delivery.add(now - delta.at);
    });
    socket.on('disconnect', () => {
      state.disconnects += 1;
    });
  }
  return state;
}
