import { AssetIdSchema, SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput } from '../../../../../../src/http/route';

export const GET = authedRoute<{ siteId: string; assetId: string }>(
  ({ context, principal, params }) =>
    context.services.getAsset(principal, {
      siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
      assetId: parseInput(AssetIdSchema, params.assetId, 'asset id'),
    }),
);
