import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  emptyStateCounts,
  type AlarmChangesEvent,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@twinhelm/contracts';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomOf, type TwinServer } from '../realtime/attach-realtime';
import { createAlarmBroadcast } from './alarm-broadcast';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const change = (siteId: string, seq: number): AlarmChangesEvent => ({
  siteId,
  seq,
  at: seq,
  alarms: [],
  announced: [],
  groups: [],
  counts: emptyStateCounts(),
  flood: { active: false, since: null, count: 0, windowMs: 600_000, last24h: 0 },
});

/** The engine's onChanges, by hand. */
function fakeEngine() {
  const listeners = new Set<(event: AlarmChangesEvent) => void>();
  return {
    onChanges(listener: (event: AlarmChangesEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (event: AlarmChangesEvent) => listeners.forEach((listener) => listener(event)),
  };
}

describe('createAlarmBroadcast', () => {
  let io: TwinServer;
  let client: Client;
  const received: AlarmChangesEvent[] = [];

  beforeAll(async () => {
    const server = createServer();
    io = new Server(server);
    io.on('connection', (socket) => void socket.join(roomOf('ctown')));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = connect(url, { transports: ['websocket'] });
    client.on('alarm:changes', (event) => received.push(event));
    await new Promise<void>((done) => client.on('connect', () => done()));
  });
  afterAll(async () => {
    client.disconnect();
    await io.close();
  });

  it("sends each stored change to its site's room as alarm:changes, nothing after the detach", async () => {
    const engine = fakeEngine();
    const detach = createAlarmBroadcast(engine).attach(io);
    engine.emit(change('other', 1));
    engine.emit(change('ctown', 2));
    engine.emit(change('ctown', 3));
    await expect.poll(() => received.map((e) => e.seq)).toEqual([2, 3]);
    detach();
    engine.emit(change('ctown', 4));
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((e) => e.seq)).toEqual([2, 3]);
  });
});
