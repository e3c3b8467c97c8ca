import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, Nowcast, ServerToClientEvents } from '@twinhelm/contracts';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomOf, type TwinServer } from '../realtime/attach-realtime';
import { createNowcastBroadcast } from './nowcast-broadcast';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const nowcast = (siteId: string, at: number): Nowcast => ({
  siteId,
  at,
  stateTakenAt: at,
  modelHash: 'h',
  engineVersion: 'e',
  elapsedMs: 1,
  values: { J1: { pressure: 40 } },
  residuals: {},
});

describe('createNowcastBroadcast', () => {
  let io: TwinServer;
  let client: Client;
  const received: Nowcast[] = [];

  beforeAll(async () => {
    const server = createServer();
    io = new Server(server);
    io.on('connection', (socket) => void socket.join(roomOf('ctown')));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = connect(url, { transports: ['websocket'] });
    client.on('twin:nowcast', (n) => received.push(n));
    await new Promise<void>((done) => client.on('connect', () => done()));
  });
  afterAll(async () => {
    client.disconnect();
    await io.close();
  });

  it("sends each nowcast to its site's room once attached, and nothing after the detach", async () => {
    const broadcast = createNowcastBroadcast();
    broadcast.emit('ctown', nowcast('ctown', 1));
    const detach = broadcast.attach(io);
    broadcast.emit('other', nowcast('other', 2));
    broadcast.emit('ctown', nowcast('ctown', 3));
    await expect.poll(() => received.map((n) => n.at)).toEqual([3]);
    detach();
    broadcast.emit('ctown', nowcast('ctown', 4));
    await new Promise((r) => setTimeout(r, 100));
    expect(received.map((n) => n.at)).toEqual([3]);
  });
});
