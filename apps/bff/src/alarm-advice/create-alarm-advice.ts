import type { ScenarioProgressHub } from '../scenarios/progress-hub';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import { adviceIdOfScenario } from './advice-store';
import { createAdviceAdvancer, type AdviceAdvancer } from './advance-advice';
import type { AlarmAdviceServices } from './advice-services';
import { createAlarmAdviceServices } from './create-advice-services';
import { startRecommendationChecker, type RecommendationChecker } from './recommendation-checker';

export interface AlarmAdvice {
  /** For AppContext.advice. */
  services: AlarmAdviceServices;
  advancer: AdviceAdvancer;
  /** Starts the check loop (every intervalMs); server.ts calls it once the runner runs. */
  startChecker(intervalMs: number): RecommendationChecker;
  /** Stops listening to scenario events and the check loop. */
  close(): Promise<void>;
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Alarm advice over the what-if scenarios: the services, and the advance of each advice when
 * one of its scenarios ends (the scenarios' progress hub), so results are read once, not polled.
 */
export function createAlarmAdvice(
  deps: AlarmAdviceDeps & { hub: Pick<ScenarioProgressHub, 'subscribe'> },
): AlarmAdvice {
  const advancer = createAdviceAdvancer(deps);
  const sql = sqlOf(deps);
  const unsubscribe = deps.hub.subscribe((event) => {
    if (!ENDED.has(event.status)) return;
    void adviceIdOfScenario(sql, event.id)
      .then((id) => (id === undefined ? undefined : advancer.advance(id)))
      .catch((error: unknown) =>
        deps.log(
          'warn',
          `advice of scenario ${event.id}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  });
  let checker: RecommendationChecker | undefined;
  return {
    services: createAlarmAdviceServices(deps, advancer),
    advancer,
    startChecker(intervalMs) {
      checker ??= startRecommendationChecker(deps, advancer, { intervalMs });
      return checker;
    },
    async close() {
      unsubscribe();
      await checker?.stop();
    },
  };
}
