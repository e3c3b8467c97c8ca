// Types of band-quantiles.mjs for workspaces that compile without allowJs (the BFF).

/** The percentiles every band carries, as fractions. */
export declare const BAND_QUANTILES: readonly [0.05, 0.5, 0.95];

/** Quantiles of the first `n` values (numpy's default interpolation); reorders `values`. */
export declare function quantilesInPlace(
  values: Float64Array,
  n: number,
  qs: readonly number[],
  out: Float64Array,
  at?: number,
): void;

export interface BandJob {
  /** Float32 [row][time][member] */
  data: SharedArrayBuffer;
  members: number;
  /** The members to use (the successful ones), ascending. */
  memberIndices: number[];
  times: number;
  fromRow: number;
  toRow: number;
  /** Float64 [row][time][P5, P50, P95] */
  out: SharedArrayBuffer;
}

/** P5/P50/P95 of rows [fromRow, toRow) at every report time over the listed members. */
export declare function bandRows(job: BandJob): void;
