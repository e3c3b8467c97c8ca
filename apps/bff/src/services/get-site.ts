import type { Principal, SiteSummary } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { loadSite } from './load-site';
import { requirePermission } from './require-permission';
import { siteSummaries } from './site-summary';

export async function getSite(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<SiteSummary> {
  requirePermission(principal, 'twin:read');
  const site = await loadSite(deps, input.siteId);
  const [summary] = await siteSummaries(deps, [site]);
  if (!summary) throw new Error(`site ${site.id}: summary missing`);
  return summary;
}
