import type { Asset as AssetRow } from '../generated/prisma/client';
import { notFound } from '../http/http-error';
import type { ServiceDeps } from './service-deps';
import { loadSite } from './load-site';
import { didYouMean } from '../text/nearest-ids';

/** The asset row, or a 404 naming the nearest asset ids of the site. */
export async function loadAsset(
  deps: Pick<ServiceDeps, 'prisma'>,
  siteId: string,
  assetId: string,
): Promise<AssetRow> {
  await loadSite(deps, siteId);
  const row = await deps.prisma.asset.findUnique({ where: { siteId_id: { siteId, id: assetId } } });
  if (row) return row;
  const ids = await deps.prisma.asset.findMany({ where: { siteId }, select: { id: true } });
  throw notFound(
    `${assetId}: unknown asset in site ${siteId}${didYouMean(
      assetId,
      ids.map((a) => a.id),
    )}`,
  );
}
