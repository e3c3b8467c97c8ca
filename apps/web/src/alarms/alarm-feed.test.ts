import { describe, expect, it } from 'vitest';
import { type AlarmListResponse } from '@twinhelm/contracts';
import { SiteEvents } from '../live/site-events';
import { AlarmFeed } from './alarm-feed';
import { type Announcement } from './alarm-store';
import { alarmChanges, alarmList, alarmView } from './test-fixtures';

interface Pending {
  resolve: (list: AlarmListResponse) => void;
  reject: (error: Error) => void;
  signal: AbortSignal;
}

function setup() {
  const fetches: Pending[] = [];
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  const announced: Announcement[] = [];
  const feed = new AlarmFeed({
    siteId: 'ctown',
    fetchList: (signal) =>
      new Promise((resolve, reject) => fetches.push({ resolve, reject, signal })),
    onAnnounce: (a) => announced.push(...a),
    schedule: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  const fire = (ms: number) => {
    for (const timer of timers.filter((t) => t.ms === ms && !t.cancelled)) {
      timer.cancelled = true;
      timer.fn();
    }
  };
  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return { feed, fetches, timers, announced, fire, flush };
}

describe('AlarmFeed', () => {
  it('fetches on resync and applies the list, then changes', async () => {
    const { feed, fetches, announced, flush } = setup();
    feed.resync();
    expect(fetches).toHaveLength(1);
    fetches[0]!.resolve(alarmList(4, [alarmView('J1/pressure-low')]));
    await flush();
    expect(feed.getState().alarms.byKey.size).toBe(1);
    const critical = alarmView('T1/level-low', { priority: 'critical' });
    feed.receive(alarmChanges(5, [critical], ['T1/level-low']));
    expect(feed.getState().alarms.byKey.size).toBe(2);
    expect(announced.map((a) => a.key)).toEqual(['T1/level-low']);
  });

  it('runs one fetch at a time and repeats one asked for meanwhile', async () => {
    const { feed, fetches, flush } = setup();
    feed.resync();
    feed.resync();
    feed.resync();
    expect(fetches).toHaveLength(1);
    fetches[0]!.resolve(alarmList(1, []));
    await flush();
    expect(fetches).toHaveLength(2);
    fetches[1]!.resolve(alarmList(2, []));
    await flush();
    expect(fetches).toHaveLength(2);
  });

  it('fetches again when a gap does not close within the grace', async () => {
    const { feed, fetches, fire, flush } = setup();
    feed.resync();
    fetches[0]!.resolve(alarmList(1, []));
    await flush();
    feed.receive(alarmChanges(3, [alarmView('J1/pressure-low')]));
    fire(1000);
    expect(fetches).toHaveLength(2);
    fetches[1]!.resolve(alarmList(3, [alarmView('J1/pressure-low')]));
    await flush();
    expect(feed.getState().alarms.seq).toBe(3);
  });

  it('does not fetch when the missing change arrives in time', async () => {
    const { feed, fetches, fire, flush } = setup();
    feed.resync();
    fetches[0]!.resolve(alarmList(1, []));
    await flush();
    feed.receive(alarmChanges(3, [alarmView('J1/pressure-low')]));
    feed.receive(alarmChanges(2, [alarmView('J2/pressure-low')]));
    fire(1000);
    expect(fetches).toHaveLength(1);
    expect(feed.getState().alarms.seq).toBe(3);
  });

  it('keeps the alarms shown and says so when a fetch fails, then retries', async () => {
    const { feed, fetches, fire, flush } = setup();
    feed.resync();
    fetches[0]!.resolve(alarmList(1, [alarmView('J1/pressure-low')]));
    await flush();
    feed.resync();
    fetches[1]!.reject(new Error('HTTP 503'));
    await flush();
    expect(feed.getState().error).toMatch(/could not be loaded \(HTTP 503\); retrying/);
    expect(feed.getState().alarms.byKey.size).toBe(1);
    fire(5000);
    expect(fetches).toHaveLength(3);
    fetches[2]!.resolve(alarmList(2, []));
    await flush();
    expect(feed.getState().error).toBeNull();
  });

  it('counts payloads that are not alarm changes of the site and ignores them', () => {
    const { feed } = setup();
    feed.receive({ nonsense: true });
    feed.receive(alarmChanges(1, [], [], 'other'));
    expect(feed.rejected).toBe(2);
  });

  it('fetches again when an acted-on alarm has not caught up after the grace', async () => {
    const { feed, fetches, fire, flush } = setup();
    feed.resync();
    fetches[0]!.resolve(alarmList(1, [alarmView('J1/pressure-low')]));
    await flush();
    feed.noteActed(alarmView('J1/pressure-low', { state: 'ack_active', updatedAt: 2_000 }));
    fire(1000);
    expect(fetches).toHaveLength(2);
  });

  it('stops everything on dispose', async () => {
    const { feed, fetches, flush } = setup();
    feed.resync();
    feed.dispose();
    expect(fetches[0]!.signal.aborted).toBe(true);
    fetches[0]!.resolve(alarmList(1, [alarmView('J1/pressure-low')]));
    await flush();
    expect(feed.getState().alarms.loaded).toBe(false);
  });
});

describe('SiteEvents → AlarmFeed', () => {
  it('hands the room’s alarm:changes on to the feed', async () => {
    const { feed, fetches, flush } = setup();
    const events = new SiteEvents('ctown');
    const stop = events.onAlarmChanges(feed.receive);
    feed.resync();
    fetches[0]!.resolve(alarmList(0, []));
    await flush();
    events.receive('alarm:changes', alarmChanges(1, [alarmView('J1/pressure-low')]));
    expect(feed.getState().alarms.byKey.size).toBe(1);
    stop();
    events.receive('alarm:changes', alarmChanges(2, [alarmView('J2/pressure-low')]));
    expect(feed.getState().alarms.byKey.size).toBe(1);
  });
});
