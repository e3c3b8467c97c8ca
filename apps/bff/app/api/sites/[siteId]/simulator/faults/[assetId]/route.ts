import { AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput } from '../../../../../../../src/http/route';
import { clearSimulatorFault } from '../../../../../../../src/simulator-control/simulator-faults';

type Params = { siteId: string; assetId: string };

/** Ends the asset's fault now (admin) → the faults still in force. */
export const DELETE = authedRoute<Params>(({ context, principal, params }) =>
  clearSimulatorFault({ prisma: context.prisma, simulator: context.simulator }, principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
    assetId: parseInput(AssetIdSchema, params.assetId, 'asset id'),
  }),
);
