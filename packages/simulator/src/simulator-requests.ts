import { InjectFaultRequestSchema, type InjectFaultRequest } from '@twinhelm/contracts';
import { nearestIds } from '@twinhelm/solver';

/**
 * invalid: a malformed or impossible request; unknown_asset: not a pump (valve) of the site;
 * no_fault: nothing to clear; unavailable: the simulator is starting, stopped or did not
 * answer; failed: it threw.
 */
export type SimulatorRequestErrorCode =
  'invalid' | 'unknown_asset' | 'no_fault' | 'unavailable' | 'failed';

/** A refused or failed request to the simulator (faults, actions); `code` says which. */
export class SimulatorRequestError extends Error {
  constructor(
    readonly code: SimulatorRequestErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SimulatorRequestError';
  }
}

/** Validates an inject request against the site's pumps; returns the pumps to trip, deduplicated. */
export function pumpsToTrip(
  request: unknown,
  network: { siteId: string; pumpIds: readonly string[]; kindOf(id: string): string | undefined },
): { request: InjectFaultRequest; assetIds: string[] } {
  const { siteId, pumpIds } = network;
  const parsed = InjectFaultRequestSchema.safeParse(request);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`,
    );
    throw new SimulatorRequestError('invalid', `invalid fault request: ${issues.join('; ')}`);
  }
  const wanted = parsed.data.assetIds ?? (parsed.data.assetId ? [parsed.data.assetId] : []);
  const known = new Set(pumpIds);
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SimulatorRequestError(
      'unknown_asset',
      unknown
        .map((id) => {
          const kind = network.kindOf(id);
          return kind === undefined
            ? `${id}: not a pump in site ${siteId}${hint(id, pumpIds)}`
            : `${id}: a ${kind}, not a pump, in site ${siteId} (its pumps: ${pumpIds.join(', ')})`;
        })
        .join('; '),
    );
  }
  return { request: parsed.data, assetIds: [...new Set(wanted)] };
}

/** " (did you mean …?)", or the whole list when nothing is close. */
export function hint(id: string, ids: readonly string[], what = 'pumps'): string {
  const near = nearestIds(id, ids);
  if (near.length > 0) return ` (did you mean ${near.join(', ')}?)`;
  return ids.length === 0 ? ` (the network has no ${what})` : ` (its ${what}: ${ids.join(', ')})`;
}

/** The refusal for clearing an asset that has no fault, naming the ones that have. */
export function noFaultError(assetId: string, siteId: string, active: readonly string[]): Error {
  return new SimulatorRequestError(
    'no_fault',
    `${assetId}: no active fault in site ${siteId}${
      active.length === 0 ? ' (no fault is active)' : ` (active: ${active.join(', ')})`
    }`,
  );
}
