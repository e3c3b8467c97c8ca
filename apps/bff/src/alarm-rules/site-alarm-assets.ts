import { alarmAssetsFromNetwork, type AlarmAsset } from '@twinhelm/alarms';
import { NetworkModelSchema } from '@twinhelm/contracts';
import { notFound } from '../http/http-error';
import { loadSite } from '../services/load-site';
import type { ServiceDeps } from '../services/service-deps';
import { didYouMean } from '../text/nearest-ids';

/**
 * The alarm assets of a site: every node and link of its active network (tank ranges, pump
 * suctions), with the reporting interval of the Asset table where one is set. 404 for an
 * unknown site (nearest ids) or a site without a network.
 */
export async function loadSiteAlarmAssets(
  deps: Pick<ServiceDeps, 'prisma'>,
  siteId: string,
): Promise<AlarmAsset[]> {
  await loadSite(deps, siteId);
  const network = await deps.prisma.network.findFirst({
    where: { siteId, active: true },
    orderBy: { importedAt: 'desc' },
    select: { model: true },
  });
  if (!network)
    throw notFound(
      `${siteId}: no network imported yet, so no assets to set alarm rules on: POST an .inp file to /api/sites/${siteId}/network`,
    );
  const intervals = await deps.prisma.asset.findMany({
    where: { siteId, expectedIntervalS: { not: null } },
    select: { id: true, expectedIntervalS: true },
  });
  const byId = new Map(intervals.map((a) => [a.id, a.expectedIntervalS ?? undefined]));
  return alarmAssetsFromNetwork(NetworkModelSchema.parse(network.model), (id) => byId.get(id));
}

/** The asset with this id, or a 404 naming the nearest asset ids of the site. */
export function findAlarmAsset(
  assets: readonly AlarmAsset[],
  siteId: string,
  assetId: string,
): AlarmAsset {
  const asset = assets.find((a) => a.id === assetId);
  if (asset) return asset;
  throw notFound(
    `${assetId}: unknown asset of site ${siteId}${didYouMean(
      assetId,
      assets.map((a) => a.id),
    )}`,
  );
}
