'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NowcastSchema, type Nowcast } from '@twinhelm/contracts';
import { apiGet } from '../api/api-client';
import { ApiRequestError } from '../api/api-error';
import { type SiteEvents } from '../live/site-events';
import { type SceneOverlay } from '../scene/use-scene-controller';
import { type OverlayCoordinator } from './scene/overlay-coordinator';

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The nowcast as a scene overlay: measured values stay live, the model fills the gaps. */
export function nowcastOverlay(nowcast: Nowcast): SceneOverlay {
  return {
    kind: 'modelled',
    label: `Nowcast of ${clock.format(nowcast.at)}`,
    values: nowcast.values,
    fill: 'unmeasured',
  };
}

/**
 * "Modelled values": paints the latest twin:nowcast where nothing is measured. Nowcasts go from
 * the socket to the scene through the coordinator; React keeps only whether one has arrived.
 */
export function NowcastToggle({
  siteId,
  events,
  coordinator,
}: {
  siteId: string;
  events: SiteEvents;
  coordinator: OverlayCoordinator;
}) {
  const [on, setOn] = useState(false);
  const [received, setReceived] = useState(() => events.latestNowcast() !== null);
  // The latest nowcast at once (the socket brings the next ones).
  const first = useQuery({
    queryKey: ['nowcast', siteId],
    queryFn: ({ signal }) =>
      apiGet(`/api/sites/${encodeURIComponent(siteId)}/nowcast`, NowcastSchema, signal),
    enabled: on,
    staleTime: 0,
    retry: false,
  });

  useEffect(() => {
    if (!on || !first.data) return;
    const pushed = events.latestNowcast();
    if (pushed === null || pushed.at < first.data.at) {
      coordinator.showModelled(nowcastOverlay(first.data));
    }
  }, [on, first.data, events, coordinator]);

  useEffect(() => {
    if (!on) return;
    const latest = events.latestNowcast();
    if (latest) coordinator.showModelled(nowcastOverlay(latest));
    const stop = events.onNowcast((nowcast) => {
      coordinator.showModelled(nowcastOverlay(nowcast));
      setReceived(true);
    });
    return () => {
      stop();
      coordinator.clearModelled();
    };
  }, [on, events, coordinator]);

  return (
    <section className="card" aria-label="Modelled values">
      <label className="whatif__check">
        <input type="checkbox" checked={on} onChange={(e) => setOn(e.currentTarget.checked)} />
        <span>
          Modelled values
          <span className="whatif__dim"> (nowcast where nothing is measured)</span>
        </span>
      </label>
      {on && !received && !first.data ? (
        <p className="whatif__dim">
          {first.error instanceof ApiRequestError
            ? first.error.message
            : 'Waiting for the next nowcast (about once a minute)…'}
        </p>
      ) : null}
    </section>
  );
}
