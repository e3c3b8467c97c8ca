import type {
  AlarmAction,
  AlarmActionResponse,
  AlarmBulkActionRequest,
  AlarmBulkActionResponse,
  AlarmDetailResponse,
  AlarmEventsQuery,
  AlarmEventsResponse,
  AlarmKpisQuery,
  AlarmKpisResponse,
  AlarmListQuery,
  AlarmListResponse,
  Principal,
} from '@twinhelm/contracts';
import type { AppContext } from '../app-context';
import { HttpError } from '../http/http-error';

type Site = { siteId: string };

/**
 * The alarm routes' use cases (src/alarms/services), with their dependencies bound
 * (createAlarmServices in services/create-alarm-services.ts). Route handlers import this file:
 * it imports nothing but types and HttpError.
 */
export interface AlarmServices {
  listAlarms(
    principal: Principal,
    input: Site & { query: AlarmListQuery },
  ): Promise<AlarmListResponse>;
  getAlarm(principal: Principal, input: Site & { key: string }): Promise<AlarmDetailResponse>;
  actOnAlarm(
    principal: Principal,
    input: Site & { key: string; action: AlarmAction },
  ): Promise<AlarmActionResponse>;
  actOnAlarms(
    principal: Principal,
    input: Site & { request: AlarmBulkActionRequest },
  ): Promise<AlarmBulkActionResponse>;
  queryAlarmEvents(
    principal: Principal,
    input: Site & { query: AlarmEventsQuery },
  ): Promise<AlarmEventsResponse>;
  getAlarmKpis(
    principal: Principal,
    input: Site & { query: AlarmKpisQuery },
  ): Promise<AlarmKpisResponse>;
}

const METHODS: readonly (keyof AlarmServices)[] = [
  'listAlarms',
  'getAlarm',
  'actOnAlarm',
  'actOnAlarms',
  'queryAlarmEvents',
  'getAlarmKpis',
];

function isAlarmServices(value: unknown): value is AlarmServices {
  return (
    typeof value === 'object' &&
    value !== null &&
    METHODS.every((name) => typeof Reflect.get(value, name) === 'function')
  );
}

/** The alarm services server.ts put in the app context (AppContext.alarms); 503 when unset. */
export function alarmServicesOf(context: AppContext): AlarmServices {
  const services: unknown = Reflect.get(context, 'alarms');
  if (isAlarmServices(services)) return services;
  throw new HttpError(
    503,
    'unavailable',
    'alarms are not available in this server (AppContext.alarms is not set: the alarm engine is not running): restart with npm start',
  );
}
