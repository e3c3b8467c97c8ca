import type {
  AdviceRecommendation,
  AlarmAdvice,
  AlarmAdviceStatus,
  RecommendationCheck,
  ScenarioDetail,
} from '@twinhelm/contracts';
import type { AdviceRow } from './advice-store';

/** An advice as the API answers it (pure): the row, its baseline's detail, its runs and checks. */
export function adviceView(
  row: AdviceRow,
  base: ScenarioDetail | undefined,
  effectStatuses: ReadonlyMap<string, string>,
  checks: readonly RecommendationCheck[],
): AlarmAdvice {
  const status: AlarmAdviceStatus =
    row.stage === 'baseline' && base && (base.status === 'queued' || base.status === 'running')
      ? base.status
      : row.status;
  const recommendations: AdviceRecommendation[] = (
    base?.recommendations?.recommendations ?? []
  ).map((r) => {
    const run = row.effect_scenarios?.find((e) => e.rank === r.rank);
    const stored = row.effects?.byRank[String(r.rank)];
    return {
      rank: r.rank,
      title: r.title,
      actions: r.actions,
      why: r.why,
      assumptions: r.assumptions,
      deltas: r.deltas,
      scenarioId: run?.scenarioId ?? null,
      effect: stored?.effect ?? null,
      effectError:
        stored?.error ??
        (row.stage === 'done' && !run
          ? 'its what-if could not be queued (see the server log)'
          : null),
      decisions: (base?.approvals ?? [])
        .filter((a) => a.rank === r.rank)
        .map((a) => ({ decision: a.decision, by: a.by, at: a.at, comment: a.comment })),
      check: checks.find((c) => c.rank === r.rank) ?? null,
      carriedOut: row.carried_out?.[String(r.rank)] ?? null,
    };
  });
  return {
    id: row.id,
    siteId: row.site_id,
    alarmKey: row.alarm_key,
    assetId: row.asset_id,
    ruleId: row.rule_id,
    cause: row.cause,
    status,
    phase: phaseOf(row, base, effectStatuses),
    error: row.error,
    note: row.note,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    finishedAt: row.finished_at,
    horizonS: row.horizon_s,
    members: row.members,
    scenarioId: row.scenario_id,
    perturbations: row.perturbations,
    assumptions: row.assumptions,
    quantity: row.quantity,
    baseline: row.effects?.baseline ?? null,
    recommendations,
  };
}

function phaseOf(
  row: AdviceRow,
  base: ScenarioDetail | undefined,
  effectStatuses: ReadonlyMap<string, string>,
): string | null {
  if (row.stage === 'baseline') {
    if (base?.status === 'queued') return 'queued behind other what-ifs';
    if (base?.status === 'running') return `searching actions: ${base.phase ?? 'starting'}`;
    return 'reading the results';
  }
  if (row.stage === 'effects') {
    const runs = row.effect_scenarios ?? [];
    const ended = runs.filter((e) =>
      ['succeeded', 'failed', 'cancelled'].includes(effectStatuses.get(e.scenarioId) ?? ''),
    ).length;
    return `simulating each recommendation's effect: ${ended} of ${runs.length} runs done`;
  }
  return null;
}
