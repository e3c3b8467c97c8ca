'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { redirectToLogin } from '../api/api-client';
import { type AssetLiveStore } from '../live/asset-live-store';
import { type SiteEvents } from '../live/site-events';
import { createSocketIoTransport } from '../live/socket-io-transport';
import {
  INITIAL_CONNECTION_STATE,
  TwinConnection,
  type ConnectionState,
} from '../live/twin-connection';
import { type SceneControllerApi } from '../scene/use-scene-controller';

const noSubscription = () => () => undefined;
const notStarted = () => INITIAL_CONNECTION_STATE;

/**
 * One socket per console: snapshots and deltas go straight to the scene controller and the
 * selected-asset store, never through React state. Returns only the coarse connection state.
 */
export function useTwinLive(
  siteId: string,
  controller: SceneControllerApi | null,
  enabled: boolean,
  store: AssetLiveStore,
  events?: SiteEvents,
): ConnectionState {
  const [connection, setConnection] = useState<TwinConnection | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const conn = new TwinConnection({
      siteId,
      transport: createSocketIoTransport(),
      onSnapshot: (snapshot) => {
        controller?.applySnapshot(snapshot.state);
        store.ingestSnapshot(snapshot.state);
      },
      onDelta: (delta) => {
        controller?.applyDeltas(delta.changes);
        store.ingestDelta(delta.changes);
      },
      onSiteEvent: events?.receive,
    });
    setConnection(conn);
    conn.start();
    return () => {
      conn.dispose();
      setConnection(null);
    };
  }, [siteId, controller, enabled, store, events]);

  const state = useSyncExternalStore(
    connection?.subscribe ?? noSubscription,
    connection?.getState ?? notStarted,
    notStarted,
  );

  useEffect(() => {
    if (state.unauthorized) redirectToLogin();
  }, [state.unauthorized]);

  return state;
}
