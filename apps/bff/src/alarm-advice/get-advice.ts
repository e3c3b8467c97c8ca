import type { AlarmAdvice, AlarmAdviceListResponse, Principal } from '@twinhelm/contracts';
import { notFound } from '../http/http-error';
import { getScenario } from '../scenarios/services/get-scenario';
import { loadSite } from '../services/load-site';
import { requirePermission } from '../services/require-permission';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import { adviceRows, type AdviceRow } from './advice-store';
import { adviceView } from './advice-view';
import type { AdviceAdvancer } from './advance-advice';
import { checksOf } from './check-store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIST_LIMIT = 20;

/** One advice row of the site, or a 404 saying where advice ids come from. */
export async function loadAdviceRow(
  deps: AlarmAdviceDeps,
  siteId: string,
  id: string,
): Promise<AdviceRow> {
  await loadSite(deps.services, siteId);
  const [row] = UUID.test(id)
    ? await adviceRows(sqlOf(deps), { siteId, id: id.toLowerCase() })
    : [];
  if (row) return row;
  throw notFound(
    `${id}: no such advice at site ${siteId}: advice ids are the UUIDs POST /api/sites/${siteId}/alarm-advice answered; list one alarm's with GET /api/sites/${siteId}/alarm-advice?alarmKey=<assetId>/<ruleId>`,
  );
}

/** One advice with its recommendations, their effects, decisions and checks. */
export async function getAdvice(
  deps: AlarmAdviceDeps,
  advancer: AdviceAdvancer,
  principal: Principal,
  input: { siteId: string; id: string },
): Promise<AlarmAdvice> {
  requirePermission(principal, 'scenario:read');
  let row = await loadAdviceRow(deps, input.siteId, input.id);
  if (row.stage === 'baseline' || row.stage === 'effects') {
    await advancer.advance(row.id);
    row = await loadAdviceRow(deps, input.siteId, row.id);
  }
  const [view] = await views(deps, principal, [row]);
  if (!view) throw notFound(`${input.id}: no such advice at site ${input.siteId}`);
  return view;
}

/** A site's advice, newest first (the last 20; one alarm's with alarmKey). */
export async function listAdvice(
  deps: AlarmAdviceDeps,
  principal: Principal,
  input: { siteId: string; alarmKey?: string },
): Promise<AlarmAdviceListResponse> {
  requirePermission(principal, 'scenario:read');
  await loadSite(deps.services, input.siteId);
  const rows = await adviceRows(sqlOf(deps), {
    siteId: input.siteId,
    ...(input.alarmKey !== undefined ? { alarmKey: input.alarmKey } : {}),
    limit: LIST_LIMIT,
  });
  return { advice: await views(deps, principal, rows) };
}

async function views(
  deps: AlarmAdviceDeps,
  principal: Principal,
  rows: readonly AdviceRow[],
): Promise<AlarmAdvice[]> {
  const sql = sqlOf(deps);
  const checks = await checksOf(
    sql,
    rows.map((r) => r.id),
  );
  const effectIds = rows.flatMap((r) => (r.effect_scenarios ?? []).map((e) => e.scenarioId));
  const statuses = new Map<string, string>();
  if (effectIds.length > 0) {
    const { rows: found } = await sql.query<{ id: string; status: string }>(
      `SELECT id::text AS id, status FROM scenario WHERE id = ANY($1::uuid[])`,
      [effectIds],
    );
    for (const s of found) statuses.set(s.id, s.status);
  }
  const out: AlarmAdvice[] = [];
  for (const row of rows) {
    const base = await getScenario(deps.services, principal, { id: row.scenario_id }).catch(
      () => undefined,
    );
    out.push(
      adviceView(
        row,
        base,
        statuses,
        checks.filter((c) => c.adviceId === row.id),
      ),
    );
  }
  return out;
}
