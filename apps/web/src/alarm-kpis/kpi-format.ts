/** Words and numbers of the KPI page (durations, shares, counts). */

/** A duration in seconds as people read it: "42 s", "4 min 12 s", "42 min", "5 h 12 min", "3 d 4 h". */
export function formatSpan(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 600) return s % 60 === 0 ? `${s / 60} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/** A share (0–1) as a percentage: "0 %", "0.4 %", "12 %", "100 %". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) return '—';
  const pct = Math.min(100, Math.max(0, share * 100));
  if (pct === 0) return '0 %';
  if (pct < 0.1) return '< 0.1 %';
  if (pct < 10) return `${pct.toFixed(1).replace(/\.0$/, '')} %`;
  return `${Math.round(pct)} %`;
}

/** "1 alarm", "3 alarms". */
export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** Operator positions as a phrase: "1 operator", "2.5 operators". */
export function operatorsText(operators: number): string {
  return `${Number.isInteger(operators) ? operators : operators.toFixed(1)} operator${operators === 1 ? '' : 's'}`;
}
