import type { AlarmView } from '@twinhelm/contracts';
import { HttpError, notFound } from '../../http/http-error';
import type { SiteAlarmsView } from '../../ports/alarm-engine-port';
import { loadSite } from '../../services/load-site';
import { didYouMean } from '../../text/nearest-ids';
import type { AlarmServiceDeps } from './alarm-service-deps';

/**
 * The engine's view of a known site: 404 (nearest site ids) for an unknown site, 503 when the
 * engine does not run it (no network loaded yet).
 */
export async function siteAlarms(deps: AlarmServiceDeps, siteId: string): Promise<SiteAlarmsView> {
  await loadSite(deps, siteId);
  const view = deps.engine.view(siteId);
  if (view) return view;
  throw new HttpError(
    503,
    'unavailable',
    `${siteId}: the alarm engine does not run this site yet (its network is not loaded): try again in a few seconds, or re-import the network`,
  );
}

/** The alarm with this key, or a 404 naming the nearest keys the site has. */
export function findAlarm(view: SiteAlarmsView, siteId: string, key: string): AlarmView {
  const alarm = view.alarms.find((a) => a.key === key);
  if (alarm) return alarm;
  throw unknownAlarm(
    siteId,
    key,
    view.alarms.map((a) => a.key),
  );
}

export function unknownAlarm(siteId: string, key: string, keys: readonly string[]): HttpError {
  const hint = didYouMean(key, keys);
  return notFound(
    `${key}: no alarm with this key in site ${siteId}${
      hint ||
      ` (an alarm exists once its rule first raises or someone acts on it; the rules are at /api/sites/${siteId}/alarm-rules)`
    }`,
  );
}
