/** "did you mean" hints for unknown ids: the closest known id within a small edit distance. */
export function closestId(
  unknown: string,
  known: Iterable<string>,
  maxDistance = 2,
): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  const target = unknown.toUpperCase();
  for (const candidate of known) {
    if (Math.abs(candidate.length - target.length) > bestDistance) continue;
    const d = editDistance(target, candidate.toUpperCase(), bestDistance + 1);
    if (d < bestDistance || (d === bestDistance && (best === undefined || candidate < best))) {
      bestDistance = d;
      best = candidate;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

export function didYouMean(unknown: string, known: Iterable<string>): string {
  const hint = closestId(unknown, known);
  return hint === undefined ? '' : ` (did you mean ${hint}?)`;
}

/** Levenshtein distance, giving up (returning `limit`) once every path exceeds it. */
function editDistance(a: string, b: string, limit: number): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return prev[b.length] ?? limit;
}
