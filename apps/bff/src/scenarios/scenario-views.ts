import {
  CreateScenarioRequestSchema,
  EnsembleSummarySchema,
  LiveStateSchema,
  RecommendationSetSchema,
  ScenarioKpisSchema,
  ScenarioStatusSchema,
  ViolationSchema,
  type ScenarioDetail,
  type ScenarioSummary,
} from '@twinhelm/contracts';

/** The summary columns of the scenario table (alias s), small JSON only: never `result`. */
export const SUMMARY_COLUMNS = `s.id::text AS id, s.site_id, s.name, s.status, s.progress, s.phase,
  s.created_by, (extract(epoch FROM s.created_at) * 1000)::float8 AS created_at,
  (extract(epoch FROM s.finished_at) * 1000)::float8 AS finished_at, s.model_hash,
  s.engine_version, s.seed, s.members, s.error, s.kpis,
  jsonb_array_length(s.violations) AS violation_count,
  jsonb_array_length(s.recommendations -> 'recommendations') AS recommendation_count`;

export interface SummaryRow {
  id: string;
  site_id: string;
  name: string;
  status: string;
  progress: number;
  phase: string | null;
  created_by: string;
  created_at: number;
  finished_at: number | null;
  model_hash: string;
  engine_version: string | null;
  seed: number;
  members: number;
  error: { kind: string; message: string } | null;
  kpis: unknown;
  violation_count: number | null;
  recommendation_count: number | null;
}

export function summaryOf(row: SummaryRow): ScenarioSummary {
  return {
    id: row.id,
    siteId: row.site_id,
    name: row.name,
    status: ScenarioStatusSchema.parse(row.status),
    progress: row.progress,
    phase: row.phase,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    modelHash: row.model_hash,
    engineVersion: row.engine_version,
    seed: row.seed,
    members: row.members,
    error: row.error,
    kpis: row.kpis === null ? null : ScenarioKpisSchema.parse(row.kpis),
    violationCount: row.violation_count,
    recommendationCount: row.recommendation_count,
  };
}

/** The detail columns: summary, inputs, violations, recommendations, times, decisions. */
export const DETAIL_COLUMNS = `${SUMMARY_COLUMNS}, s.request, s.live_state, s.violations,
  s.recommendations, s.ensemble, s.times, s.start_clock_s,
  COALESCE((SELECT json_agg(json_build_object('rank', d.rank, 'decision', d.decision,
      'by', d.decided_by, 'at', (extract(epoch FROM d.at) * 1000)::float8, 'comment', d.comment)
      ORDER BY d.at, d.id)
    FROM scenario_decision d WHERE d.scenario_id = s.id), '[]'::json) AS approvals`;

export interface DetailRow extends SummaryRow {
  request: unknown;
  live_state: unknown;
  violations: unknown;
  recommendations: unknown;
  ensemble: unknown;
  times: number[] | null;
  start_clock_s: number | null;
  approvals: ScenarioDetail['approvals'];
}

export function detailOf(row: DetailRow): ScenarioDetail {
  return {
    ...summaryOf(row),
    request: CreateScenarioRequestSchema.parse(row.request),
    liveState: row.live_state === null ? null : LiveStateSchema.parse(row.live_state),
    violations: row.violations === null ? null : ViolationSchema.array().parse(row.violations),
    times: row.times,
    startClockS: row.start_clock_s,
    recommendations:
      row.recommendations === null ? null : RecommendationSetSchema.parse(row.recommendations),
    ensemble: row.ensemble === null ? null : EnsembleSummarySchema.parse(row.ensemble),
    approvals: row.approvals,
  };
}
