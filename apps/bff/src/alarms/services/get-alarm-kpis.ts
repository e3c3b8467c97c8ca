import { computeAlarmKpis } from '@twinhelm/alarms';
import type { AlarmKpisQuery, AlarmKpisResponse, Principal } from '@twinhelm/contracts';
import { badRequest } from '../../http/http-error';
import { loadSite } from '../../services/load-site';
import { requirePermission } from '../../services/require-permission';
import type { AlarmServiceDeps } from './alarm-service-deps';
import { floodsWithin, kpiRecords } from './kpi-inputs';

const DAY_MS = 24 * 3_600_000;
export const DEFAULT_KPI_PERIOD_MS = DAY_MS;
export const MAX_KPI_PERIOD_MS = 31 * DAY_MS;
const iso = (ms: number): string => new Date(ms).toISOString();

/** [from, to): default the 24 h before `to` (default now); refused when empty or > 31 days. */
export function kpiPeriod(query: AlarmKpisQuery, now: number): { from: number; to: number } {
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_KPI_PERIOD_MS;
  if (from >= to)
    throw badRequest(
      `from (${iso(from)}) must be before to (${iso(to)})${query.to === undefined ? ' (to defaults to now)' : ''}: give an earlier from`,
      [{ path: 'from', message: 'must be before to' }],
    );
  if (to - from > MAX_KPI_PERIOD_MS)
    throw badRequest(
      `the period ${iso(from)} – ${iso(to)} is ${Math.ceil((to - from) / DAY_MS)} days long; KPIs cover at most 31 days: ask for a shorter period (one call per month)`,
      [{ path: 'from', message: 'period longer than 31 days' }],
    );
  return { from, to };
}

/**
 * Alarm-system KPIs (ISA-18.2 / EEMUA 191) of one site over a period, from the stored history:
 * computeAlarmKpis over the period's events (and the earlier ones that set its starting state);
 * the time in flood and the flood count from the floods the engine stored.
 */
export async function getAlarmKpis(
  deps: AlarmServiceDeps,
  principal: Principal,
  input: { siteId: string; query: AlarmKpisQuery },
): Promise<AlarmKpisResponse> {
  requirePermission(principal, 'alarm:read');
  const { siteId, query } = input;
  const now = deps.clock();
  const { from, to } = kpiPeriod(query, now);
  await loadSite(deps, siteId);
  const [records, floods] = await Promise.all([
    kpiRecords(deps.prisma, siteId, from, to),
    floodsWithin(deps.prisma, siteId, { from, to, now }),
  ]);
  const kpis = computeAlarmKpis(records, { from, to, operators: query.operators });
  return { ...kpis, floodShare: floods.share, siteId, floods: floods.begun };
}
