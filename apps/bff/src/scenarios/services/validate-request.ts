import type { CreateScenarioRequest, LiveState } from '@twinhelm/contracts';
import { horizonOf, validateLiveState, validateScenario } from '@twinhelm/solver';
import type { ErrorDetail } from '../../http/http-error';
import type { ActiveNetwork } from '../active-networks';

/**
 * Every problem of a what-if request against the site's active network, as { path, message }:
 * unknown or wrong-kind assets (with the nearest ids), windows outside the horizon, settings
 * the network cannot take, a run longer than the step budget, a live state that does not fit.
 */
export function requestProblems(
  request: CreateScenarioRequest,
  network: ActiveNetwork,
  maxSteps: number,
  liveState: LiveState | null,
): ErrorDetail[] {
  const { scenario } = request;
  const problems = validateScenario(scenario, network.catalog).map((m) =>
    detail(m, /^perturbations\[(\d+)\] \([^)]*\): /, (i) => `scenario.perturbations.${i}`),
  );
  const horizon = horizonOf(scenario, network.catalog);
  if (scenario.reportStepS !== undefined && scenario.reportStepS > horizon) {
    problems.push({
      path: 'scenario.reportStepS',
      message: `the report step (${scenario.reportStepS} s) is longer than the horizon (${horizon} s): use a shorter report step`,
    });
  }
  const steps = Math.ceil(horizon / Math.max(1, network.hydraulicStepS));
  if (steps > maxSteps) {
    problems.push({
      path: 'scenario.horizonS',
      message: `a horizon of ${horizon} s at the network's hydraulic step of ${network.hydraulicStepS} s takes at least ${steps} steps, more than this server allows (${maxSteps}, SCENARIO_MAX_STEPS): shorten the horizon`,
    });
  }
  if (liveState) {
    for (const m of validateLiveState(liveState, network.catalog)) {
      problems.push(
        detail(
          `${m} (the twin's current value; send bindLiveState: false to start from the file's own state)`,
          /^state\.([^:]+): /,
          (where) => `liveState.${where}`,
        ),
      );
    }
  }
  return problems;
}

function detail(message: string, prefix: RegExp, path: (match: string) => string): ErrorDetail {
  const match = prefix.exec(message);
  return match?.[1] === undefined
    ? { path: 'scenario', message }
    : { path: path(match[1]), message: message.slice(match[0].length) };
}
