import type { CandidateAction, PlantCarryOut } from '@twinhelm/contracts';
import type { Prisma } from '../generated/prisma/client';
import { appendAudit } from '../services/audit';
import { failedCarryOut } from '../simulator-control/carry-out';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import { setCarriedOut, type AdviceRow } from './advice-store';

/**
 * Demo mode, after an approval is recorded: the virtual plant carries out the recommendation's
 * actions (deps.carryOut), as the operator would at the SCADA. The result is stored on the
 * advice and audited as `simulator.actions` (actor: the approver). Once a rank has been carried
 * out (all or part), approving it again returns that and acts no more. A carry-out that fails
 * (simulator stopped, no answer) is stored and audited with why; the approval stands either way.
 * Undefined when nothing was asked of a plant (no hook, or no simulator for the site).
 */
export async function carryOutApproval(
  deps: AlarmAdviceDeps,
  input: {
    row: AdviceRow;
    rank: number;
    actions: readonly CandidateAction[];
    actor: string;
    effectScenarioId: string | null;
  },
): Promise<PlantCarryOut | undefined> {
  const { row, rank, actions, actor } = input;
  if (!deps.carryOut) return undefined;
  const earlier = row.carried_out?.[String(rank)];
  if (earlier && (earlier.outcome === 'carried_out' || earlier.outcome === 'partly'))
    return earlier;
  const result = await deps.carryOut(row.site_id, actions).catch((error: unknown) => {
    deps.log(
      'warn',
      `advice ${row.id} rank ${rank}: not carried out by the demo plant: ${error instanceof Error ? error.message : String(error)}`,
    );
    return failedCarryOut(actions, error);
  });
  if (!result) return undefined;
  const { actions: applied, ...outcome } = result;
  const carriedOut: PlantCarryOut = { ...outcome, by: actor, at: deps.services.clock() };
  await setCarriedOut(sqlOf(deps), row.id, rank, carriedOut);
  await appendAudit(deps.services.prisma, {
    actor,
    action: 'simulator.actions',
    target: `${row.site_id}/${row.id}`,
    detail: {
      siteId: row.site_id,
      adviceId: row.id,
      alarmKey: row.alarm_key,
      scenarioId: row.scenario_id,
      effectScenarioId: input.effectScenarioId,
      rank,
      outcome: carriedOut.outcome,
      summary: carriedOut.summary,
      actions: applied as unknown as Prisma.InputJsonArray,
      done: carriedOut.done,
      skipped: carriedOut.skipped as unknown as Prisma.InputJsonArray,
      plantTimeS: carriedOut.plantTimeS,
    },
  });
  return carriedOut;
}
