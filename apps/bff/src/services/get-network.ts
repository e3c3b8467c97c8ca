import { NetworkModelSchema, type NetworkModel, type Principal } from '@twinhelm/contracts';
import { notFound } from '../http/http-error';
import type { ServiceDeps } from './service-deps';
import { loadSite } from './load-site';
import { requirePermission } from './require-permission';

/** The site's active network model (the latest import). */
export async function getNetwork(
  deps: ServiceDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<NetworkModel> {
  requirePermission(principal, 'twin:read');
  await loadSite(deps, input.siteId);
  const network = await deps.prisma.network.findFirst({
    where: { siteId: input.siteId, active: true },
    orderBy: { importedAt: 'desc' },
    select: { model: true },
  });
  if (!network)
    throw notFound(
      `${input.siteId}: no network imported yet: POST an .inp file to /api/sites/${input.siteId}/network`,
    );
  return NetworkModelSchema.parse(network.model);
}
