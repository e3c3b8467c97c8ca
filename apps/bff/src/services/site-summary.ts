import type { SiteSummary } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { lastSampleAt } from './asset-view';

/** Summaries of the given sites: active model version, asset count, last sample from the twin. */
export async function siteSummaries(
  deps: Pick<ServiceDeps, 'prisma' | 'twin'>,
  sites: { id: string; name: string }[],
): Promise<SiteSummary[]> {
  const ids = sites.map((s) => s.id);
  const [networks, counts] = await Promise.all([
    deps.prisma.network.findMany({
      where: { siteId: { in: ids }, active: true },
      select: { siteId: true, hash: true },
    }),
    deps.prisma.asset.groupBy({
      by: ['siteId'],
      where: { siteId: { in: ids } },
      _count: { _all: true },
    }),
  ]);
  const versionOf = new Map(networks.map((n) => [n.siteId, n.hash]));
  const countOf = new Map(counts.map((c) => [c.siteId, c._count._all]));
  return sites.map((s) => ({
    id: s.id,
    name: s.name,
    modelVersion: versionOf.get(s.id) ?? null,
    assetCount: countOf.get(s.id) ?? 0,
    lastSampleAt: lastSampleAt(deps.twin.snapshot(s.id).state),
  }));
}
