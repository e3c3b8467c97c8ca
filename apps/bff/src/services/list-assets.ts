import type { AssetWithLatest, Principal } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { assetFromRow, withLatest } from './asset-view';
import { loadSite } from './load-site';
import { requirePermission } from './require-permission';

export async function listAssets(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<{ siteId: string; assets: AssetWithLatest[] }> {
  requirePermission(principal, 'twin:read');
  await loadSite(deps, input.siteId);
  const rows = await deps.prisma.asset.findMany({
    where: { siteId: input.siteId },
    orderBy: [{ type: 'asc' }, { id: 'asc' }],
  });
  const { state } = deps.twin.snapshot(input.siteId);
  const now = deps.clock();
  return {
    siteId: input.siteId,
    assets: rows.map((row) => withLatest(assetFromRow(row), state, now)),
  };
}
