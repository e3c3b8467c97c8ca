import type {
  AlarmBulkActionRequest,
  AlarmBulkActionResponse,
  Principal,
} from '@twinhelm/contracts';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { checkAction } from './action-policy';
import { applyAction } from './apply-action';
import { siteAlarms } from './site-alarms';

type Result = AlarmBulkActionResponse['results'][number];

/**
 * One action on several alarms (a root-cause group, a selection), one after the other, each
 * audited: a result per distinct key, in the order given. A refused or unknown key does not
 * stop the others; permission and shelf limits are checked once, before any is done.
 */
export async function actOnAlarms(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; request: AlarmBulkActionRequest },
): Promise<AlarmBulkActionResponse> {
  const { siteId, request } = input;
  checkAction(principal, request.action, deps.clock());
  const view = await siteAlarms(deps, siteId);
  const results: Result[] = [];
  for (const key of new Set(request.keys)) {
    try {
      const outcome = await applyAction(deps, principal, {
        siteId,
        view,
        key,
        action: request.action,
      });
      results.push(
        outcome.ok
          ? { key, ok: true, alarm: outcome.alarm }
          : { key, ok: false, error: outcome.error },
      );
    } catch (error) {
      deps.log(
        'error',
        `${siteId}/${key}: ${request.action.type} failed in the alarm engine: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      results.push({
        key,
        ok: false,
        error: `${key}: not done: the alarm engine failed (the server log has the details); try again`,
      });
    }
  }
  return { results };
}
