// @ts-check
// Band percentiles, shared by compute-bands.ts and band-worker.mjs: plain ESM JavaScript so that
// the worker starts without a TypeScript loader (node, tsx, vitest and a bundled server alike).

/** The percentiles every band carries, as fractions. */
export const BAND_QUANTILES = /** @type {const} */ ([0.05, 0.5, 0.95]);

/**
 * Quantiles of the first `n` values (linear interpolation between order statistics, numpy's
 * default "type 7": h = (n − 1)·q). Reorders `values` in place (quickselect, O(n) per quantile),
 * so give it a scratch copy. `qs` must be ascending in [0, 1]; writes `out[at + k]`.
 * @param {Float64Array} values
 * @param {number} n
 * @param {readonly number[]} qs
 * @param {Float64Array} out
 * @param {number} [at]
 */
export function quantilesInPlace(values, n, qs, out, at = 0) {
  if (n <= 0) {
    out.fill(NaN, at, at + qs.length);
    return;
  }
  let left = 0;
  let selected = -1;
  for (let k = 0; k < qs.length; k++) {
    const h = (n - 1) * /** @type {number} */ (qs[k]);
    const lo = Math.floor(h);
    if (lo !== selected) {
      select(values, left, n, lo);
      selected = lo;
      left = lo + 1;
    }
    const low = /** @type {number} */ (values[lo]);
    const frac = h - lo;
    out[at + k] = frac > 0 ? low + frac * (minOf(values, lo + 1, n) - low) : low;
  }
}

/**
 * Puts the k-th smallest of values[from, to) at index k (Hoare partitioning).
 * @param {Float64Array} a
 * @param {number} from
 * @param {number} to
 * @param {number} k
 */
function select(a, from, to, k) {
  let lo = from;
  let hi = to - 1;
  while (hi > lo) {
    const pivot = /** @type {number} */ (a[(lo + hi) >>> 1]);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (/** @type {number} */ (a[i]) < pivot) i++;
      while (/** @type {number} */ (a[j]) > pivot) j--;
      if (i <= j) {
        const t = /** @type {number} */ (a[i]);
        a[i] = /** @type {number} */ (a[j]);
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * @param {Float64Array} a
 * @param {number} from
 * @param {number} to
 */
function minOf(a, from, to) {
  let m = Infinity;
  for (let i = from; i < to; i++)
    if (/** @type {number} */ (a[i]) < m) m = /** @type {number} */ (a[i]);
  return m;
}

/**
 * @typedef {object} BandJob
 * @property {SharedArrayBuffer} data Float32 [row][time][member] (see CompactTarget)
 * @property {number} members
 * @property {number[]} memberIndices the members to use (the successful ones), ascending
 * @property {number} times
 * @property {number} fromRow
 * @property {number} toRow
 * @property {SharedArrayBuffer} out Float64 [row][time][P5, P50, P95]
 */

/**
 * P5/P50/P95 of rows [fromRow, toRow) at every report time over the listed members.
 * @param {BandJob} job
 */
export function bandRows(job) {
  const { members, memberIndices, times } = job;
  const data = new Float32Array(job.data);
  const out = new Float64Array(job.out);
  const n = memberIndices.length;
  const every = n === members;
  const scratch = new Float64Array(n);
  for (let row = job.fromRow; row < job.toRow; row++) {
    for (let t = 0; t < times; t++) {
      const cell = row * times + t;
      const base = cell * members;
      if (every) scratch.set(data.subarray(base, base + members));
      else
        for (let i = 0; i < n; i++)
          scratch[i] = /** @type {number} */ (
            data[base + /** @type {number} */ (memberIndices[i])]
          );
      quantilesInPlace(scratch, n, BAND_QUANTILES, out, cell * BAND_QUANTILES.length);
    }
  }
}
