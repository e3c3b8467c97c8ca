import type { MetricValue } from '@twinhelm/contracts';

/** The metrics the scene draws; others (vibration, power…) are accepted and not stored. */
export const SCENE_METRICS = ['pressure', 'level', 'flow', 'velocity', 'status', 'speed'] as const;
export type SceneMetric = (typeof SCENE_METRICS)[number];

/** Where painting reads values from: the live store, or an overlay composed over it. */
export interface ValueSource {
  /** The value of a metric at an asset slot; NaN when there is none. */
  get(slot: number, metric: SceneMetric): number;
}

/**
 * Latest value per asset slot and metric, in preallocated typed arrays (NaN = unmeasured), so
 * applying a delta allocates nothing. A sample older than the one held is ignored.
 */
export class ValueStore implements ValueSource {
  private readonly values = new Map<string, Float64Array>();
  private readonly times = new Map<string, Float64Array>();

  constructor(readonly size: number) {
    for (const metric of SCENE_METRICS) {
      this.values.set(metric, new Float64Array(size).fill(Number.NaN));
      this.times.set(metric, new Float64Array(size).fill(-Infinity));
    }
  }

  clear(): void {
    for (const array of this.values.values()) array.fill(Number.NaN);
    for (const array of this.times.values()) array.fill(-Infinity);
  }

  /** Store a sample; returns true when the metric is drawn and the value was newer. */
  set(slot: number, metric: string, sample: MetricValue): boolean {
    const values = this.values.get(metric);
    const times = this.times.get(metric);
    if (!values || !times) return false;
    if (sample.ts < (times[slot] ?? -Infinity)) return false;
    times[slot] = sample.ts;
    values[slot] = Number.isFinite(sample.v) ? sample.v : Number.NaN;
    return true;
  }

  get(slot: number, metric: SceneMetric): number {
    return (this.values.get(metric) as Float64Array)[slot] ?? Number.NaN;
  }
}
