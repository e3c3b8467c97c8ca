/** Edit distance (insert, delete, substitute), case-insensitive; stops early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
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
  return previous[y.length] ?? 0;
}

/** Up to `max` candidates closest to `wanted` (at most a third of its length away, min 1). */
export function nearest(wanted: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  const scored: { id: string; d: number }[] = [];
  for (const id of candidates) {
    const d = editDistance(wanted, id, limit);
    if (d <= limit) scored.push({ id, d });
  }
  return scored
    .sort((p, q) => p.d - q.d || p.id.localeCompare(q.id))
    .slice(0, max)
    .map((s) => s.id);
}
