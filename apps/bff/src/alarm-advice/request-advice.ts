import { randomUUID } from 'node:crypto';
import {
  CreateScenarioRequestSchema,
  type AlarmQuantity,
  type Perturbation,
  type Principal,
} from '@twinhelm/contracts';
import { HttpError } from '../http/http-error';
import { createScenario } from '../scenarios/services/create-scenario';
import { actorOf, appendAudit } from '../services/audit';
import { loadSite } from '../services/load-site';
import { requirePermission } from '../services/require-permission';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import { insertAdvice, runningAdviceOf } from './advice-store';
import { causeOf, type AdvisableAlarm } from './alarm-cause';
import {
  burstPerturbation,
  quantityOfAlarm,
  quantityOfTrip,
  tripPerturbation,
} from './cause-perturbations';
import { loadAlarm, loadSiteAlarms } from './load-alarms';
import { linkEndsOf, watchedTankOf } from './site-topology';

/**
 * Asks the solver what to do about an active alarm: classifies its cause (409 with the reason
 * when there is nothing to simulate), builds the what-if from the twin's current state with
 * the cause (and every other active pump trip and suspected burst of the site) as
 * perturbations over the horizon, an ensemble for the uncertainty and `recommend: true`,
 * queues it through createScenario, and stores the advice row. → { id, scenarioId } (202).
 * While an advice for the same alarm is still running, that one is answered instead.
 */
export async function requestAdvice(
  deps: AlarmAdviceDeps,
  principal: Principal,
  input: { siteId: string; alarmKey: string },
): Promise<{ id: string; scenarioId: string }> {
  requirePermission(principal, 'scenario:run');
  const { siteId, alarmKey } = input;
  const { config } = deps;
  await loadSite(deps.services, siteId);
  const { alarm, assetType } = await loadAlarm(deps, siteId, alarmKey);
  const outcome = causeOf(alarm, assetType);
  if (!outcome.ok) throw new HttpError(409, 'nothing_to_simulate', outcome.reason);
  const running = await runningAdviceOf(sqlOf(deps), siteId, alarm.key);
  if (running) return running;

  const perturbations: Perturbation[] = [];
  const assumptions = [...outcome.assumptions];
  const add = (p: { perturbation: Perturbation; assumption: string }): void => {
    perturbations.push(p.perturbation);
    assumptions.push(p.assumption);
  };
  const others = (await loadSiteAlarms(deps, siteId, { active: true })).filter(
    (a) => a.alarm.key !== alarm.key,
  );
  const causes: { alarm: AdvisableAlarm; cause: string }[] = [{ alarm, cause: outcome.cause }];
  for (const other of others) {
    const c = causeOf(other.alarm, other.assetType);
    if (c.ok && (c.cause === 'pump_trip' || c.cause === 'burst'))
      causes.push({ alarm: other.alarm, cause: c.cause });
  }
  const seen = new Set<string>();
  for (const { alarm: a, cause } of causes) {
    if (seen.has(a.assetId)) continue;
    seen.add(a.assetId);
    if (cause === 'pump_trip') add(tripPerturbation(a.assetId, config.horizonS));
    if (cause !== 'burst') continue;
    const burst = burstPerturbation(
      a,
      await linkEndsOf(deps, siteId, a.assetId),
      deps.nowcastOf?.(siteId),
      config,
    );
    if ('perturbation' in burst) add(burst);
    else if (a.key === alarm.key) throw new HttpError(409, 'nothing_to_simulate', burst.problem);
    else assumptions.push(`${burst.problem}: not simulated`);
  }

  let quantity: AlarmQuantity | null;
  if (outcome.cause === 'pump_trip')
    quantity = quantityOfTrip(
      alarm.assetId,
      await watchedTankOf(deps, siteId, alarm.assetId),
      await linkEndsOf(deps, siteId, alarm.assetId),
    );
  else quantity = quantityOfAlarm(alarm, outcome.cause);
  assumptions.push(
    "starts from the twin's current state (tank levels, pumps, valves, time of day) with the nowcast's demand multipliers",
    config.members > 1
      ? `uncertainty: ${config.members} members, each district's demand spread ±${Math.round(config.demandSpread * 100)} %`
      : 'one run: no uncertainty bands (ALARM_ADVICE_MEMBERS=1)',
  );

  const request = CreateScenarioRequestSchema.parse({
    name: `Advice for ${alarmKey}`,
    scenario: {
      horizonS: config.horizonS,
      reportStepS: config.reportStepS,
      perturbations,
      ...(config.members > 1
        ? { ensemble: { members: config.members, demandSpread: config.demandSpread } }
        : {}),
    },
    bindLiveState: true,
    recommend: true,
  });
  const { id: scenarioId } = await createScenario(deps.services, principal, { siteId, request });
  const id = randomUUID();
  const actor = actorOf(principal);
  await insertAdvice(sqlOf(deps), {
    id,
    siteId,
    alarmKey: alarm.key,
    assetId: alarm.assetId,
    ruleId: alarm.ruleId,
    cause: outcome.cause,
    horizonS: config.horizonS,
    members: config.members,
    scenarioId,
    perturbations,
    assumptions,
    quantity,
    requestedBy: actor,
    principal,
    requestedAt: deps.services.clock(),
  });
  await appendAudit(deps.services.prisma, {
    actor,
    action: 'alarm.advice.request',
    target: id,
    detail: { siteId, alarmKey: alarm.key, cause: outcome.cause, scenarioId },
  });
  return { id, scenarioId };
}
