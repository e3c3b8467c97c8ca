import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ClientToServerEvents,
  JoinSiteAck,
  Principal,
  ServerToClientEvents,
  TwinDelta,
} from '@twinhelm/contracts';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthRuntime } from '../auth/auth-runtime';
import { notFound, unauthorized } from '../http/http-error';
import { FakeTwinState } from '../services/testing/fake-ports';
import { attachRealtime, type TwinServer } from './attach-realtime';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
const viewer: Principal = { kind: 'token', id: 't1', name: 'scada', role: 'viewer' };
const auth: AuthRuntime = {
  nextAuthOptions: { providers: [] },
  authenticate: (c) =>
    c.authorization === 'Bearer good'
      ? Promise.resolve(viewer)
      : Promise.reject(unauthorized('no')),
};
const services = {
  getSite: (_p: Principal, { siteId }: { siteId: string }) =>
    siteId === 'ctown'
      ? Promise.resolve({
          id: 'ctown',
          name: 'C-Town',
          modelVersion: null,
          assetCount: 0,
          lastSampleAt: null,
        })
      : Promise.reject(notFound(`${siteId}: unknown site (did you mean ctown?)`)),
};

describe('realtime over socket.io', () => {
  const twin = new FakeTwinState();
  let io: TwinServer;
  let url: string;
  let close: () => void;
  const clients: Client[] = [];

  beforeAll(async () => {
    const server = createServer();
    io = new Server(server);
    close = attachRealtime(io, { twin, auth, services, windowMs: 50 }).close;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    close();
    await io.close();
  });

  function client(token?: string): Client {
    const c: Client = connect(url, {
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
      forceNew: true,
    });
    clients.push(c);
    return c;
  }
  const join = (c: Client, siteId: string) =>
    new Promise<JoinSiteAck>((done) => c.emit('site:join', { siteId }, done));
  const nextDelta = (c: Client) => new Promise<TwinDelta>((done) => c.once('twin:delta', done));

  it('refuses an unauthenticated handshake with "unauthorized"', async () => {
    const c = client('bad');
    const error = await new Promise<Error>((done) => c.on('connect_error', done));
    expect(error.message).toBe('unauthorized');
  });

  it('joins with a snapshot, streams coalesced deltas, and resyncs after a reconnect', async () => {
    twin.apply('ctown', { T1: { level: { v: 1, ts: 1 } } });
    const c = client('good');
    const first = await join(c, 'ctown');
    expect(first.ok && first.snapshot).toMatchObject({
      siteId: 'ctown',
      version: 0,
      state: { T1: { level: { v: 1, ts: 1 } } },
    });

    const delta = nextDelta(c);
    twin.apply('ctown', { T1: { level: { v: 2, ts: 2 } } });
    twin.apply('ctown', { PU1: { status: { v: 1, ts: 2 } } });
    expect(await delta).toMatchObject({
      siteId: 'ctown',
      version: 1,
      changes: { T1: { level: { v: 2 } }, PU1: { status: { v: 1 } } },
    });

    c.disconnect();
    const again = client('good');
    const rejoined = await join(again, 'ctown');
    expect(rejoined.ok && rejoined.snapshot).toMatchObject({
      version: 1,
      state: { T1: { level: { v: 2 } }, PU1: { status: { v: 1 } } },
    });
    const next = nextDelta(again);
    twin.apply('ctown', { T1: { level: { v: 3, ts: 3 } } });
    expect((await next).version).toBe(2);
  });

  it('answers bad or unknown sites in the ack', async () => {
    const c = client('good');
    expect(await join(c, 'ctwn')).toEqual({
      ok: false,
      error: 'ctwn: unknown site (did you mean ctown?)',
    });
    expect(await join(c, 'Not A Site')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^site:join: site id/) as unknown,
    });
  });
});
