import {
  MAX_SHELVE_MS,
  roleHas,
  type AlarmAction,
  type Permission,
  type Principal,
} from '@twinhelm/contracts';
import { badRequest, forbidden } from '../../http/http-error';

type ActionType = AlarmAction['type'];

/** Who may do what: operators act, admins take alarms out of service, the system suppresses. */
export const ACTION_PERMISSIONS: Record<ActionType, Permission | 'system'> = {
  acknowledge: 'alarm:act',
  shelve: 'alarm:act',
  unshelve: 'alarm:act',
  comment: 'alarm:act',
  assign: 'alarm:act',
  reset: 'alarm:act',
  remove_from_service: 'alarm:service',
  return_to_service: 'alarm:service',
  suppress: 'system',
  unsuppress: 'system',
};

/** What each action does, for messages. */
const DOING: Record<ActionType, string> = {
  acknowledge: 'acknowledge an alarm',
  shelve: 'shelve an alarm',
  unshelve: 'unshelve an alarm',
  comment: 'comment on an alarm',
  assign: 'assign an alarm',
  reset: 'reset a latched alarm',
  remove_from_service: 'take an alarm out of service',
  return_to_service: 'return an alarm to service',
  suppress: 'suppress an alarm',
  unsuppress: 'unsuppress an alarm',
};

const HOUR_MS = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const hours = (ms: number): string => `${Math.round((ms / HOUR_MS) * 10) / 10} h`;

/**
 * Refuses an action this principal may not take (403, saying why) or a shelf that is not in the
 * future or longer than MAX_SHELVE_MS (400, saying the limits). The lifecycle checks the rest.
 */
export function checkAction(principal: Principal, action: AlarmAction, now: number): void {
  const needed = ACTION_PERMISSIONS[action.type];
  if (needed === 'system')
    throw forbidden(
      `${action.type} is done by the system only (suppression by design follows equipment taken out of service): put the cause out of service, or shelve the alarm`,
    );
  if (!roleHas(principal.role, needed))
    throw forbidden(
      `role ${principal.role} lacks permission ${needed} needed to ${DOING[action.type]}: ${
        needed === 'alarm:service'
          ? 'ask an administrator to take it out of service, or shelve it (at most 24 h)'
          : 'ask an operator or an administrator'
      }`,
    );
  if (action.type !== 'shelve') return;
  if (action.until <= now)
    throw badRequest(
      `shelve: until (${iso(action.until)}) is not in the future (now ${iso(now)}): give a time after now, at most ${hours(MAX_SHELVE_MS)} ahead (epoch ms)`,
      [{ path: 'until', message: 'must be after now' }],
    );
  if (action.until - now > MAX_SHELVE_MS)
    throw badRequest(
      `shelve: until (${iso(action.until)}) is ${hours(action.until - now)} away; a shelf lasts at most ${hours(MAX_SHELVE_MS)}: shelve for less, or ask an administrator to take the alarm out of service`,
      [{ path: 'until', message: `at most ${MAX_SHELVE_MS} ms after now` }],
    );
}
