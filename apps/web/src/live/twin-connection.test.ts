import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type TwinDelta, type TwinSnapshot } from '@twinhelm/contracts';
import { TwinConnection } from './twin-connection';
import { type TransportHandlers, type TwinTransport } from './twin-transport';

type Done = (error: string | null, ack: unknown) => void;

/** A socket stand-in: the test drives connects, acks and deltas by hand. */
class FakeTransport implements TwinTransport {
  handlers: TransportHandlers | null = null;
  joins: { siteId: string; done: Done }[] = [];
  reconnects = 0;
  closed = false;
  start(handlers: TransportHandlers): void {
    this.handlers = handlers;
  }
  join(siteId: string, done: Done): void {
    this.joins.push({ siteId, done });
  }
  reconnect(): void {
    this.reconnects += 1;
  }
  close(): void {
    this.closed = true;
  }
  connect(): void {
    this.handlers!.onConnect();
  }
  ackLast(version: number, state: TwinSnapshot['state'] = {}): void {
    const snapshot: TwinSnapshot = { siteId: 'ctown', version, at: 1, state };
    this.joins.at(-1)!.done(null, { ok: true, snapshot });
  }
  delta(
    version: number,
    changes: TwinDelta['changes'] = { T1: { level: { v: version, ts: version } } },
  ): void {
    this.handlers!.onDelta({ siteId: 'ctown', version, at: version, changes });
  }
}

function setup() {
  const transport = new FakeTransport();
  const snapshots: number[] = [];
  const deltas: number[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const conn = new TwinConnection({
    siteId: 'ctown',
    transport,
    onSnapshot: (s) => snapshots.push(s.version),
    onDelta: (d) => deltas.push(d.version),
    now: () => 1000,
    schedule: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  conn.start();
  return { transport, conn, snapshots, deltas, timers };
}

describe('TwinConnection', () => {
  it('joins on connect, applies the snapshot and goes live', () => {
    const { transport, conn, snapshots } = setup();
    expect(conn.getState().status).toBe('connecting');
    transport.connect();
    expect(transport.joins.map((j) => j.siteId)).toEqual(['ctown']);
    transport.ackLast(7);
    expect(snapshots).toEqual([7]);
    expect(conn.getState()).toMatchObject({
      status: 'live',
      snapshotVersion: 7,
      lastSyncAt: 1000,
      resyncs: 0,
    });
  });

  it('applies consecutive deltas and ignores old or foreign ones', () => {
    const { transport, conn, deltas } = setup();
    transport.connect();
    transport.ackLast(7);
    transport.delta(8);
    transport.delta(8);
    transport.delta(6);
    transport.handlers!.onDelta({ siteId: 'other', version: 9, at: 1, changes: {} });
    transport.handlers!.onDelta({ nonsense: true });
    transport.delta(9);
    expect(deltas).toEqual([8, 9]);
    expect(conn.getVersion()).toBe(9);
    expect(transport.joins).toHaveLength(1);
  });

  it('does not notify React for every delta', () => {
    const { transport, conn } = setup();
    let notified = 0;
    conn.subscribe(() => (notified += 1));
    transport.connect();
    transport.ackLast(1);
    const afterSnapshot = notified;
    for (let v = 2; v < 50; v += 1) transport.delta(v);
    expect(notified).toBe(afterSnapshot);
  });

  it('rejoins on a version gap and resumes from the new snapshot', () => {
    const { transport, conn, snapshots, deltas } = setup();
    transport.connect();
    transport.ackLast(7);
    transport.delta(8);
    transport.delta(10);
    expect(transport.joins).toHaveLength(2);
    expect(deltas).toEqual([8]);
    transport.delta(11);
    transport.ackLast(10);
    expect(snapshots).toEqual([7, 10]);
    expect(deltas).toEqual([8, 11]);
    expect(conn.getState()).toMatchObject({ status: 'live', resyncs: 1 });
  });

  it('replays deltas held during a join on top of the snapshot, in version order', () => {
    const { transport, deltas } = setup();
    transport.connect();
    transport.delta(6);
    transport.delta(9);
    transport.delta(8);
    transport.ackLast(7);
    expect(deltas).toEqual([8, 9]);
    expect(transport.joins).toHaveLength(1);
  });

  it('ignores the ack of a superseded join', () => {
    const { transport, snapshots } = setup();
    transport.connect();
    const first = transport.joins[0]!;
    transport.handlers!.onDisconnect('transport close');
    transport.connect();
    first.done(null, { ok: true, snapshot: { siteId: 'ctown', version: 3, at: 1, state: {} } });
    expect(snapshots).toEqual([]);
    transport.ackLast(5);
    expect(snapshots).toEqual([5]);
  });

  it('shows reconnecting on disconnect and resyncs after reconnect', () => {
    const { transport, conn, snapshots } = setup();
    transport.connect();
    transport.ackLast(3);
    transport.handlers!.onDisconnect('transport close');
    expect(conn.getState().status).toBe('reconnecting');
    transport.delta(4);
    transport.connect();
    transport.ackLast(20);
    expect(snapshots).toEqual([3, 20]);
    expect(conn.getState()).toMatchObject({ status: 'live', resyncs: 1 });
    expect(transport.reconnects).toBe(0);
  });

  it('reopens the socket itself when the server closed it', () => {
    const { transport } = setup();
    transport.connect();
    transport.handlers!.onDisconnect('io server disconnect');
    expect(transport.reconnects).toBe(1);
  });

  it('goes offline after repeated connection failures', () => {
    const { transport, conn } = setup();
    transport.handlers!.onConnectError('xhr poll error');
    expect(conn.getState().status).toBe('reconnecting');
    transport.handlers!.onConnectError('xhr poll error');
    transport.handlers!.onConnectError('xhr poll error');
    expect(conn.getState()).toMatchObject({
      status: 'offline',
      error: expect.stringContaining('xhr poll error') as unknown,
    });
    transport.connect();
    transport.ackLast(1);
    expect(conn.getState().status).toBe('live');
  });

  it('flags an unauthorized handshake and stops', () => {
    const { transport, conn } = setup();
    transport.handlers!.onConnectError('unauthorized');
    expect(conn.getState()).toMatchObject({ status: 'offline', unauthorized: true });
    expect(transport.closed).toBe(true);
  });

  it('reports a refused join with the server reason', () => {
    const { transport, conn } = setup();
    transport.connect();
    transport.joins[0]!.done(null, {
      ok: false,
      error: 'unknown site ctown (did you mean ctown2?)',
    });
    expect(conn.getState()).toMatchObject({
      status: 'offline',
      error: expect.stringContaining('did you mean') as unknown,
    });
  });

  it('reports a malformed snapshot instead of applying it', () => {
    const { transport, conn, snapshots } = setup();
    transport.connect();
    transport.joins[0]!.done(null, { ok: true, snapshot: { siteId: 'ctown', version: -1 } });
    expect(snapshots).toEqual([]);
    expect(conn.getState()).toMatchObject({
      status: 'offline',
      error: expect.stringContaining('malformed') as unknown,
    });
  });

  it('retries a join that timed out', () => {
    const { transport, conn, timers } = setup();
    transport.connect();
    transport.joins[0]!.done('operation has timed out', undefined);
    expect(conn.getState().status).toBe('reconnecting');
    expect(timers).toHaveLength(1);
    timers[0]!.fn();
    expect(transport.joins).toHaveLength(2);
  });

  it('stops everything on dispose', () => {
    const { transport, conn, snapshots } = setup();
    transport.connect();
    conn.dispose();
    transport.ackLast(1);
    expect(snapshots).toEqual([]);
    expect(transport.closed).toBe(true);
  });

  it('applies each version at most once and in order, whatever the arrival order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 60 }), (arrivals) => {
        const { transport, deltas } = setup();
        transport.connect();
        transport.ackLast(0);
        let acked = 1;
        for (const v of arrivals) {
          transport.delta(v);
          if (transport.joins.length > acked) {
            transport.ackLast(v);
            acked = transport.joins.length;
          }
        }
        for (let i = 1; i < deltas.length; i += 1)
          expect(deltas[i]!).toBeGreaterThan(deltas[i - 1]!);
      }),
    );
  });
});

describe('site events', () => {
  it('pass through to the receiver until the connection is disposed', () => {
    const transport = new FakeTransport();
    const seen: string[] = [];
    const conn = new TwinConnection({
      siteId: 'ctown',
      transport,
      onSnapshot: () => undefined,
      onDelta: () => undefined,
      onSiteEvent: (event) => seen.push(event),
    });
    conn.start();
    transport.handlers!.onSiteEvent!('scenario:progress', {});
    transport.handlers!.onSiteEvent!('twin:nowcast', {});
    conn.dispose();
    transport.handlers!.onSiteEvent!('twin:nowcast', {});
    expect(seen).toEqual(['scenario:progress', 'twin:nowcast']);
  });
});
