import {
  InjectFaultRequestSchema,
  type Principal,
  type SimulatorFaultsResponse,
} from '@twinhelm/contracts';
import type { PrismaClient } from '../generated/prisma/client';
import { badRequest, HttpError, notFound } from '../http/http-error';
import { parseInput } from '../http/route';
import { actorOf, appendAudit } from '../services/audit';
import { requirePermission } from '../services/require-permission';
import type { SimulatorControl } from './simulator-control';

export interface SimulatorFaultDeps {
  prisma: Pick<PrismaClient, 'auditLog'>;
  /** Unset when this server runs no simulator (outside demo mode): every call answers 503. */
  simulator: SimulatorControl | undefined;
}

/** Trips one pump or a station now (admin); audited as simulator.fault. */
export async function injectSimulatorFault(
  deps: SimulatorFaultDeps,
  principal: Principal,
  input: { siteId: string; body: unknown },
): Promise<SimulatorFaultsResponse> {
  const simulator = simulatorOf(deps, principal, input.siteId);
  const request = parseInput(InjectFaultRequestSchema, input.body, 'body');
  const result = await refusalsAsHttp(simulator.injectFault(request));
  const assetIds = request.assetIds ?? (request.assetId ? [request.assetId] : []);
  await appendAudit(deps.prisma, {
    actor: actorOf(principal),
    action: 'simulator.fault',
    target: `${input.siteId}/${assetIds.join(',')}`,
    detail: {
      op: 'inject',
      kind: request.kind,
      assetIds,
      durationS: request.durationS ?? null,
      plantTimeS: result.plantTimeS,
    },
  });
  return result;
}

/** The faults in force in the simulator, scheduled and injected (admin). */
export async function listSimulatorFaults(
  deps: SimulatorFaultDeps,
  principal: Principal,
  input: { siteId: string },
): Promise<SimulatorFaultsResponse> {
  return refusalsAsHttp(simulatorOf(deps, principal, input.siteId).faults());
}

/** Ends one asset's fault now (admin); audited as simulator.fault. */
export async function clearSimulatorFault(
  deps: SimulatorFaultDeps,
  principal: Principal,
  input: { siteId: string; assetId: string },
): Promise<SimulatorFaultsResponse> {
  const simulator = simulatorOf(deps, principal, input.siteId);
  const before = await refusalsAsHttp(simulator.faults());
  const result = await refusalsAsHttp(simulator.clearFault(input.assetId));
  const cleared = before.faults.find((f) => f.assetId === input.assetId);
  await appendAudit(deps.prisma, {
    actor: actorOf(principal),
    action: 'simulator.fault',
    target: `${input.siteId}/${input.assetId}`,
    detail: {
      op: 'clear',
      kind: cleared?.kind ?? null,
      assetIds: [input.assetId],
      plantTimeS: result.plantTimeS,
    },
  });
  return result;
}

function simulatorOf(
  deps: SimulatorFaultDeps,
  principal: Principal,
  siteId: string,
): SimulatorControl {
  requirePermission(principal, 'simulator:control');
  const { simulator } = deps;
  if (!simulator)
    throw new HttpError(
      503,
      'unavailable',
      'no plant simulator runs in this server: it runs only in demo mode (SIMULATOR on, the default with the embedded broker); faults can be injected there',
    );
  if (siteId !== simulator.siteId)
    throw notFound(`${siteId}: the plant simulator drives site ${simulator.siteId} only`);
  return simulator;
}

const STATUS_OF_CODE: Record<string, (message: string) => HttpError> = {
  invalid: (m) => badRequest(m),
  unknown_asset: (m) => badRequest(m),
  no_fault: (m) => notFound(m),
  unavailable: (m) => new HttpError(503, 'unavailable', m),
  failed: (m) => new HttpError(503, 'unavailable', `the plant simulator failed: ${m}`),
};

/** The simulator's refusals (errors with a known `code`) as HTTP errors; others pass. */
async function refusalsAsHttp<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    const code: unknown = typeof error === 'object' && error ? Reflect.get(error, 'code') : null;
    const toHttp = typeof code === 'string' ? STATUS_OF_CODE[code] : undefined;
    if (toHttp && error instanceof Error) throw toHttp(error.message);
    throw error;
  }
}
