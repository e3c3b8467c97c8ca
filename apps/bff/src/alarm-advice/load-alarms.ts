import { AlarmSchema, AssetTypeSchema, type AssetType } from '@twinhelm/contracts';
import { notFound } from '../http/http-error';
import { didYouMean } from '../text/nearest-ids';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import type { AdvisableAlarm } from './alarm-cause';

export interface SiteAlarm {
  alarm: AdvisableAlarm;
  assetType: AssetType | undefined;
}

/**
 * The site's alarms with their assets' types: from the running alarm engine when it holds the
 * site, else from the alarm table it writes (migration 20261122090000_alarms).
 */
export async function loadSiteAlarms(
  deps: AlarmAdviceDeps,
  siteId: string,
  only?: { key: string } | { active: true },
): Promise<SiteAlarm[]> {
  const viewed = deps.alarms?.view(siteId)?.alarms;
  let alarms: AdvisableAlarm[];
  if (viewed) {
    alarms = viewed.filter((a) =>
      only === undefined ? true : 'key' in only ? a.key === only.key : a.condition,
    );
  } else {
    const where = only === undefined ? '' : 'key' in only ? ' AND key = $2' : ' AND condition';
    const params = only !== undefined && 'key' in only ? [siteId, only.key] : [siteId];
    const { rows } = await sqlOf(deps).query<{ alarm: unknown }>(
      `SELECT alarm FROM alarm WHERE site_id = $1${where} ORDER BY key`,
      params,
    );
    alarms = rows.flatMap((r) => {
      const parsed = AlarmSchema.safeParse(r.alarm);
      return parsed.success ? [parsed.data] : [];
    });
  }
  const types = await assetTypes(deps, siteId, [...new Set(alarms.map((a) => a.assetId))]);
  return alarms.map((alarm) => ({ alarm, assetType: types.get(alarm.assetId) }));
}

/** One alarm by key, or a 404 naming the nearest keys the site has. */
export async function loadAlarm(
  deps: AlarmAdviceDeps,
  siteId: string,
  key: string,
): Promise<SiteAlarm> {
  const [found] = await loadSiteAlarms(deps, siteId, { key });
  if (found) return found;
  const known = (await loadSiteAlarms(deps, siteId)).map((a) => a.alarm.key);
  const hint = didYouMean(key, known);
  throw notFound(
    `${key}: no such alarm at site ${siteId}${hint || (known.length === 0 ? ' (the site has no alarms yet)' : '')}: alarm keys are <assetId>/<ruleId>, as GET /api/sites/${siteId}/alarms lists them`,
  );
}

async function assetTypes(
  deps: AlarmAdviceDeps,
  siteId: string,
  ids: string[],
): Promise<Map<string, AssetType>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sqlOf(deps).query<{ id: string; type: string }>(
    `SELECT id, type FROM asset WHERE site_id = $1 AND id = ANY($2::text[])`,
    [siteId, ids],
  );
  return new Map(
    rows.flatMap((r) => {
      const type = AssetTypeSchema.safeParse(r.type);
      return type.success ? [[r.id, type.data] as const] : [];
    }),
  );
}
