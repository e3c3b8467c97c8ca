/** Latencies in 1 ms buckets up to `maxMs` (larger ones land in the last bucket), for percentiles. */
export class LatencyHistogram {
  private readonly buckets: Uint32Array;
  count = 0;
  max = 0;

  constructor(private readonly maxMs = 60_000) {
    this.buckets = new Uint32Array(maxMs + 1);
  }

  add(ms: number): void {
    const bucket = Math.min(this.maxMs, Math.max(0, Math.round(ms)));
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
    this.count += 1;
    if (ms > this.max) this.max = ms;
  }

  /** The non-empty buckets as [ms, count]. */
  entries(): [number, number][] {
    const entries: [number, number][] = [];
    this.buckets.forEach((count, ms) => {
      if (count > 0) entries.push([ms, count]);
    });
    return entries;
  }

  addBuckets(entries: readonly [number, number][], max: number): void {
    for (const [ms, count] of entries) {
      this.buckets[ms] = (this.buckets[ms] ?? 0) + count;
      this.count += count;
    }
    if (max > this.max) this.max = max;
  }

  /** The smallest latency with at least p % of the samples at or below it (NaN when empty). */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let ms = 0; ms <= this.maxMs; ms++) {
      seen += this.buckets[ms] ?? 0;
      if (seen >= rank) return ms;
    }
    return this.maxMs;
  }
}

/** A histogram as [ms, count] pairs of its non-empty buckets, for sending between processes. */
export type SparseHistogram = { buckets: [number, number][]; max: number };

export function toSparse(histogram: LatencyHistogram): SparseHistogram {
  return { buckets: histogram.entries(), max: histogram.max };
}

/** One histogram holding the samples of all the given ones. */
export function mergeSparse(parts: readonly SparseHistogram[]): LatencyHistogram {
  const merged = new LatencyHistogram();
  for (const part of parts) merged.addBuckets(part.buckets, part.max);
  return merged;
}
