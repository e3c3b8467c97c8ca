'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { type SiteEvents } from '../live/site-events';
import { AlarmFeed, type AlarmFeedState } from './alarm-feed';
import { EMPTY_ALARMS, type Announcement } from './alarm-store';
import { fetchAlarmList } from './api/alarm-queries';

const NOT_STARTED: AlarmFeedState = { alarms: EMPTY_ALARMS, error: null };
const noSubscription = () => () => undefined;
const notStarted = () => NOT_STARTED;

/**
 * The site's alarm feed for the console: the list fetched on mount and again after every join
 * of the site's room (`lastSyncAt` changes on each join: first connect, reconnect, resync),
 * changes from the room's `alarm:changes`. Announcements go to `onAnnounce`, not React state.
 */
export function useAlarmFeed(
  siteId: string,
  events: SiteEvents,
  lastSyncAt: number | null,
  onAnnounce: (announcements: Announcement[]) => void,
): { feed: AlarmFeed | null; state: AlarmFeedState } {
  const [feed, setFeed] = useState<AlarmFeed | null>(null);
  const announce = useRef(onAnnounce);
  useEffect(() => {
    announce.current = onAnnounce;
  }, [onAnnounce]);

  useEffect(() => {
    const created = new AlarmFeed({
      siteId,
      fetchList: (signal) => fetchAlarmList(siteId, signal),
      onAnnounce: (a) => announce.current(a),
    });
    const unsubscribe = events.onAlarmChanges(created.receive);
    setFeed(created);
    created.resync();
    return () => {
      unsubscribe();
      created.dispose();
      setFeed(null);
    };
  }, [siteId, events]);

  useEffect(() => {
    if (feed && lastSyncAt !== null) feed.resync();
  }, [feed, lastSyncAt]);

  const state = useSyncExternalStore(
    feed?.subscribe ?? noSubscription,
    feed?.getState ?? notStarted,
    notStarted,
  );
  return { feed, state };
}
