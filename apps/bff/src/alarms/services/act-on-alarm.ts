import type { AlarmAction, AlarmActionResponse, Principal } from '@twinhelm/contracts';
import { HttpError, notFound } from '../../http/http-error';
import type { AlarmActOutcome } from '../../ports/alarm-engine-port';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { checkAction } from './action-policy';
import { applyAction } from './apply-action';
import { siteAlarms } from './site-alarms';

/** An engine refusal as an HTTP error: 404 unknown alarm, 409 the lifecycle's sentence. */
export function refusalError(outcome: AlarmActOutcome & { ok: false }): HttpError {
  return outcome.status === 404
    ? notFound(outcome.error)
    : new HttpError(409, 'conflict', outcome.error);
}

/** One operator or admin action on one alarm: permission, shelf limits, engine, audit. */
export async function actOnAlarm(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; key: string; action: AlarmAction },
): Promise<AlarmActionResponse> {
  checkAction(principal, input.action, deps.clock());
  const view = await siteAlarms(deps, input.siteId);
  const outcome = await applyAction(deps, principal, { ...input, view });
  if (!outcome.ok) throw refusalError(outcome);
  return { alarm: outcome.alarm };
}
