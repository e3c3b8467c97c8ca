import type { AlarmAdviceDeps } from './advice-deps';
import type { AlarmAdviceServices } from './advice-services';
import type { AdviceAdvancer } from './advance-advice';
import { decideAdvice } from './decide-advice';
import { getAdvice, listAdvice } from './get-advice';
import { requestAdvice } from './request-advice';

export function createAlarmAdviceServices(
  deps: AlarmAdviceDeps,
  advancer: AdviceAdvancer,
): AlarmAdviceServices {
  return {
    requestAdvice: async (principal, input) => {
      const created = await requestAdvice(deps, principal, input);
      void advancer.advance(created.id);
      return created;
    },
    listAdvice: (principal, input) => listAdvice(deps, principal, input),
    getAdvice: (principal, input) => getAdvice(deps, advancer, principal, input),
    decideAdvice: (principal, input) => decideAdvice(deps, principal, input),
  };
}
