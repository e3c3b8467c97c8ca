/** Levenshtein distance, case-insensitive, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (Math.abs(s.length - t.length) > limit) return limit + 1;
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[t.length] ?? 0;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n]?.toLowerCase() === b[n]?.toLowerCase()) n++;
  return n;
}

/**
 * Up to `max` candidates closest to `wanted` (within a distance that grows with its length);
 * ties go to the longer shared prefix (PU12 suggests PU1 before P12).
 */
export function nearestIds(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  const scored: { id: string; d: number; prefix: number }[] = [];
  for (const id of candidates) {
    const d = editDistance(wanted, id, limit);
    if (d <= limit) scored.push({ id, d, prefix: commonPrefix(wanted, id) });
  }
  return scored
    .sort((x, y) => x.d - y.d || y.prefix - x.prefix || x.id.localeCompare(y.id))
    .slice(0, max)
    .map((s) => s.id);
}

/** " (did you mean A, B?)" or "" when nothing is close. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const near = nearestIds(wanted, candidates);
  return near.length > 0 ? ` (did you mean ${near.join(', ')}?)` : '';
}
