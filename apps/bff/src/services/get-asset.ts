import type { AssetWithLatest, Principal } from '@twinhelm/contracts';
import type { ServiceDeps } from './service-deps';
import { assetFromRow, withLatest } from './asset-view';
import { loadAsset } from './load-asset';
import { requirePermission } from './require-permission';

export async function getAsset(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string; assetId: string },
): Promise<AssetWithLatest> {
  requirePermission(principal, 'twin:read');
  const row = await loadAsset(deps, input.siteId, input.assetId);
  return withLatest(assetFromRow(row), deps.twin.snapshot(input.siteId).state, deps.clock());
}
