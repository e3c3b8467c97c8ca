import type { Principal, SiteSummary } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { requirePermission } from './require-permission';
import { siteSummaries } from './site-summary';

export async function listSites(
  deps: ServiceDeps,
  principal: Principal,
): Promise<{ sites: SiteSummary[] }> {
  requirePermission(principal, 'twin:read');
  const sites = await deps.prisma.site.findMany({
    orderBy: { id: 'asc' },
    select: { id: true, name: true },
  });
  return { sites: await siteSummaries(deps, sites) };
}
