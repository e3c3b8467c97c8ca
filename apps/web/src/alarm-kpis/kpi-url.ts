import { SiteIdSchema } from '@twinhelm/contracts';
import {
  DEFAULT_PERIOD,
  SPAN_LABEL,
  customPeriodProblem,
  isRelativeSpan,
  type KpiPeriod,
} from './kpi-period';

/** What /alarm-kpis shows, all of it in the URL so a link, a reload or a wall screen keeps it. */
export interface KpiView {
  siteId: string | null;
  period: KpiPeriod;
  /** Operator positions sharing the load (the API's `operators`, > 0, at most 1000). */
  operators: number;
}

export type KpiParams =
  { ok: true; view: KpiView; notices: string[] } | { ok: false; error: string };

export const MAX_OPERATORS = 1000;

const EPOCH_MS = /^\d{1,15}$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A time in the URL: epoch ms or ISO-8601 with an offset (what the API accepts); else null. */
export function parseUrlTime(raw: string): number | null {
  const text = raw.trim();
  if (EPOCH_MS.test(text)) return Number(text);
  if (!ISO_WITH_OFFSET.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** Operators from the URL: a number > 0 and at most 1000 (decimals allowed: shared positions). */
export function parseOperators(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return null;
  const n = Number(text.replace(',', '.'));
  return Number.isFinite(n) && n > 0 && n <= MAX_OPERATORS ? n : null;
}

const TIME_FORM = 'ISO-8601 with an offset (2026-11-20T08:00Z) or epoch ms';

function readPeriod(params: Pick<URLSearchParams, 'get'>, notices: string[]): KpiPeriod {
  const rawFrom = params.get('from');
  const rawTo = params.get('to');
  const instead = `Showing the ${SPAN_LABEL['24h'].toLowerCase()} instead.`;
  if (rawFrom !== null || rawTo !== null) {
    if (rawFrom === null || rawTo === null) {
      notices.push(
        `A custom period needs both from and to (only ${rawFrom === null ? 'to' : 'from'} is in the link). ${instead}`,
      );
      return DEFAULT_PERIOD;
    }
    const from = parseUrlTime(rawFrom);
    const to = parseUrlTime(rawTo);
    const bad = [from === null ? `from "${rawFrom}"` : null, to === null ? `to "${rawTo}"` : null]
      .filter((part) => part !== null)
      .join(' and ');
    if (from === null || to === null) {
      notices.push(`${bad} in the link is not a time: use ${TIME_FORM}. ${instead}`);
      return DEFAULT_PERIOD;
    }
    const problem = customPeriodProblem(from, to);
    if (problem !== null) {
      notices.push(`${problem} ${instead}`);
      return DEFAULT_PERIOD;
    }
    return { kind: 'custom', from, to };
  }
  const span = params.get('period');
  if (span === null || span === '') return DEFAULT_PERIOD;
  if (isRelativeSpan(span)) return { kind: 'relative', span };
  notices.push(`period "${span}" is not one of 24h, 7d, 30d. ${instead}`);
  return DEFAULT_PERIOD;
}

/**
 * Reads ?site=<id>[&period=24h|7d|30d | &from=<time>&to=<time>][&operators=<n>]. No site: the
 * page offers the site list. A malformed site id is an error; a malformed period or operators
 * count falls back to its default (the last 24 h, one operator) with a notice that says why.
 */
export function parseKpiParams(params: Pick<URLSearchParams, 'get'>): KpiParams {
  const site = params.get('site');
  if (site !== null && site !== '' && !SiteIdSchema.safeParse(site).success) {
    return {
      ok: false,
      error: `"${site}" is not a site id (lower-case letters, digits, "_" and "-"). Pick a site from the list.`,
    };
  }
  const notices: string[] = [];
  const period = readPeriod(params, notices);
  const rawOperators = params.get('operators');
  let operators = 1;
  if (rawOperators !== null && rawOperators !== '') {
    const parsed = parseOperators(rawOperators);
    if (parsed === null)
      notices.push(
        `operators "${rawOperators}" is not a number of operator positions (> 0, at most ${MAX_OPERATORS}): counting 1.`,
      );
    else operators = parsed;
  }
  return {
    ok: true,
    view: { siteId: site === null || site === '' ? null : site, period, operators },
    notices,
  };
}

/** /alarm-kpis?site=…&period=… or &from=…&to=…, &operators=… (defaults left out). */
export function alarmKpisHref(view: Partial<KpiView>): string {
  const params = new URLSearchParams();
  if (view.siteId) params.set('site', view.siteId);
  const period = view.period;
  if (period?.kind === 'relative' && period.span !== '24h') params.set('period', period.span);
  if (period?.kind === 'custom') {
    params.set('from', new Date(period.from).toISOString());
    params.set('to', new Date(period.to).toISOString());
  }
  if (view.operators !== undefined && view.operators !== 1)
    params.set('operators', String(view.operators));
  const query = params.toString();
  return query === '' ? '/alarm-kpis' : `/alarm-kpis?${query}`;
}
