import type {
  AlarmAdvice,
  AlarmAdviceDecisionRequest,
  AlarmAdviceListResponse,
  Principal,
} from '@twinhelm/contracts';
import type { AppContext } from '../app-context';
import { HttpError } from '../http/http-error';
import type { decideAdvice } from './decide-advice';

type Site = { siteId: string };

/**
 * The alarm-advice routes' use cases with their dependencies bound (AppContext.advice). Types
 * only here: route handlers import this file, and Next must not bundle the solver behind them
 * (createAlarmAdviceServices is in create-advice-services.ts).
 */
export interface AlarmAdviceServices {
  requestAdvice(
    principal: Principal,
    input: Site & { alarmKey: string },
  ): Promise<{ id: string; scenarioId: string }>;
  listAdvice(
    principal: Principal,
    input: Site & { alarmKey?: string },
  ): Promise<AlarmAdviceListResponse>;
  getAdvice(principal: Principal, input: Site & { id: string }): Promise<AlarmAdvice>;
  decideAdvice(
    principal: Principal,
    input: Site & { id: string; body: AlarmAdviceDecisionRequest },
  ): ReturnType<typeof decideAdvice>;
}

function isAdviceServices(value: unknown): value is AlarmAdviceServices {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'requestAdvice') === 'function' &&
    typeof Reflect.get(value, 'decideAdvice') === 'function'
  );
}

/** The advice services server.ts put in the app context, or 503. */
export function adviceServicesOf(context: AppContext): AlarmAdviceServices {
  const services: unknown = Reflect.get(context, 'advice');
  if (isAdviceServices(services)) return services;
  throw new HttpError(
    503,
    'unavailable',
    'alarm advice is not available in this server (AppContext.advice is not set): restart with npm start',
  );
}
