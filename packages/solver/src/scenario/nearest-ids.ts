/** Up to `limit` known ids closest to `unknown` by edit distance (case-insensitive), nearest first. */
export function nearestIds(unknown: string, known: Iterable<string>, limit = 3): string[] {
  const target = unknown.toUpperCase();
  const maxDistance = Math.max(2, Math.ceil(target.length / 2));
  const scored: { id: string; d: number }[] = [];
  for (const id of known) {
    const d = editDistance(target, id.toUpperCase());
    if (d <= maxDistance) scored.push({ id, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return scored.slice(0, limit).map((s) => s.id);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
