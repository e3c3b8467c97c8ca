import type { AlarmServices } from '../alarm-services';
import { actOnAlarm } from './act-on-alarm';
import { actOnAlarms } from './act-on-alarms';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { getAlarm } from './get-alarm';
import { getAlarmKpis } from './get-alarm-kpis';
import { listAlarms } from './list-alarms';
import { queryAlarmEvents } from './query-alarm-events';

/** What AppContext.alarms holds (server.ts builds it over the running engine). */
export function createAlarmServices(deps: AlarmServiceDeps): AlarmServices {
  return {
    listAlarms: (principal, input) => listAlarms(deps, principal, input),
    getAlarm: (principal, input) => getAlarm(deps, principal, input),
    actOnAlarm: (principal, input) => actOnAlarm(deps, principal, input),
    actOnAlarms: (principal, input) => actOnAlarms(deps, principal, input),
    queryAlarmEvents: (principal, input) => queryAlarmEvents(deps, principal, input),
    getAlarmKpis: (principal, input) => getAlarmKpis(deps, principal, input),
  };
}
