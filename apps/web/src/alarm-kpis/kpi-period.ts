/** The KPI page's periods: the last 24 h, 7 or 30 days (ending now), or a custom from–to. */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The API's limit (apps/bff get-alarm-kpis.ts, MAX_KPI_PERIOD_MS). */
export const MAX_PERIOD_MS = 31 * DAY_MS;

export const RELATIVE_SPANS = ['24h', '7d', '30d'] as const;
export type RelativeSpan = (typeof RELATIVE_SPANS)[number];

export const SPAN_MS: Record<RelativeSpan, number> = {
  '24h': DAY_MS,
  '7d': 7 * DAY_MS,
  '30d': 30 * DAY_MS,
};

export const SPAN_LABEL: Record<RelativeSpan, string> = {
  '24h': 'Last 24 h',
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
};

export type KpiPeriod =
  { kind: 'relative'; span: RelativeSpan } | { kind: 'custom'; from: number; to: number };

export const DEFAULT_PERIOD: KpiPeriod = { kind: 'relative', span: '24h' };

export function isRelativeSpan(value: string | null): value is RelativeSpan {
  return (RELATIVE_SPANS as readonly (string | null)[]).includes(value);
}

/** [from, to) in epoch ms: a relative period ends at `now`. */
export function periodRange(period: KpiPeriod, now: number): { from: number; to: number } {
  if (period.kind === 'custom') return { from: period.from, to: period.to };
  return { from: now - SPAN_MS[period.span], to: now };
}

/** Whether the period reaches the present, so its figures keep changing (worth refreshing). */
export function periodIsLive(period: KpiPeriod, now: number): boolean {
  return period.kind === 'relative' || period.to > now;
}

/** A stable string for caches and React keys: "24h", or "custom:<from>-<to>". */
export function periodKey(period: KpiPeriod): string {
  return period.kind === 'relative' ? period.span : `custom:${period.from}-${period.to}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Why a custom period cannot be asked for, in the server's words, or null when it can: from must
 * be before to, and the period at most 31 days long.
 */
export function customPeriodProblem(from: number, to: number): string | null {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return 'Give both a start and an end.';
  if (from >= to)
    return `The start (${iso(from)}) must be before the end (${iso(to)}): pick an earlier start.`;
  if (to - from > MAX_PERIOD_MS)
    return `The period is ${Math.ceil((to - from) / DAY_MS)} days long; KPIs cover at most 31 days: pick a shorter period.`;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An `<input type="datetime-local">` value in the browser's time zone: "2026-11-20T08:00". */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Epoch ms of a datetime-local value (browser time zone); null when empty or not a date. */
export function fromLocalInput(value: string): number | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const d = new Date(year, month - 1, day, hour, minute, second);
  const sameDay = d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day;
  return sameDay && hour < 24 && minute < 60 ? d.getTime() : null;
}
