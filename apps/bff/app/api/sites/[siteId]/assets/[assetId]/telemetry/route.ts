import { AssetIdSchema, SiteIdSchema, TelemetryRangeQuerySchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, queryOf } from '../../../../../../../src/http/route';

export const GET = authedRoute<{ siteId: string; assetId: string }>(
  ({ req, context, principal, params }) =>
    context.services.queryTelemetry(principal, {
      siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
      assetId: parseInput(AssetIdSchema, params.assetId, 'asset id'),
      query: parseInput(TelemetryRangeQuerySchema, queryOf(req), 'query'),
    }),
);
