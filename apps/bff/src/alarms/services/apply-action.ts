import type { AlarmAction, AlarmState, Principal } from '@twinhelm/contracts';
import type { Prisma } from '../../generated/prisma/client';
import type { AlarmActOutcome, SiteAlarmsView } from '../../ports/alarm-engine-port';
import { actorOf, appendAudit } from '../../services/audit';
import type { AlarmServiceDeps } from './alarm-service-deps';

/** What the audit entry keeps of an action besides the states (never the whole body blindly). */
function actionDetail(action: AlarmAction): Prisma.InputJsonObject {
  switch (action.type) {
    case 'acknowledge':
      return action.comment ? { comment: action.comment } : {};
    case 'shelve':
      return { until: action.until, reason: action.reason };
    case 'suppress':
    case 'remove_from_service':
      return { reason: action.reason };
    case 'comment':
      return { comment: action.text };
    case 'assign':
      return { assignee: action.to };
    default:
      return {};
  }
}

/**
 * One action through the engine (which stores the alarm_event and pushes the change), then the
 * security log: `alarm.<type>`, target the alarm key, detail with the site, the states before
 * and after and the reason or comment. The action stands if the audit write fails: that is
 * logged as an error, loudly, for someone to look at.
 */
export async function applyAction(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; view: SiteAlarmsView; key: string; action: AlarmAction },
): Promise<AlarmActOutcome> {
  const { siteId, key, action } = input;
  const from: AlarmState = input.view.alarms.find((a) => a.key === key)?.state ?? 'normal';
  const actor = actorOf(principal);
  const outcome = await deps.engine.act(siteId, key, action, actor);
  if (!outcome.ok) return outcome;
  const record = {
    actor,
    action: `alarm.${action.type}`,
    target: key,
    detail: { siteId, from, to: outcome.alarm.state, ...actionDetail(action) },
  };
  try {
    await appendAudit(deps.prisma, record);
  } catch (error) {
    deps.log(
      'error',
      `AUDIT WRITE FAILED: ${actor} did ${record.action} on ${siteId}/${key} (${from} → ${outcome.alarm.state}), stored as an alarm event but missing from the audit log: ${
        error instanceof Error ? error.message : String(error)
      }; detail ${JSON.stringify(record.detail)}`,
    );
  }
  return outcome;
}
