import { SiteIdSchema } from '@twinhelm/contracts';
import { authedRoute, parseInput, parseJson, readText } from '../../../../../../src/http/route';
import {
  injectSimulatorFault,
  listSimulatorFaults,
} from '../../../../../../src/simulator-control/simulator-faults';

/** A fault request is a few hundred bytes. */
const MAX_FAULT_BODY_BYTES = 16 * 1024;

/** The faults in force in the demo plant simulator (admin). */
export const GET = authedRoute<{ siteId: string }>(({ context, principal, params }) =>
  listSimulatorFaults({ prisma: context.prisma, simulator: context.simulator }, principal, {
    siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
  }),
);

/** Trips a pump ({ kind: 'pump_trip', assetId | assetIds, durationS? }) → 202 with the faults. */
export const POST = authedRoute<{ siteId: string }>(
  async ({ req, context, principal, params }) =>
    injectSimulatorFault({ prisma: context.prisma, simulator: context.simulator }, principal, {
      siteId: parseInput(SiteIdSchema, params.siteId, 'site id'),
      body: parseJson(await readText(req, MAX_FAULT_BODY_BYTES)),
    }),
  { status: 202 },
);
