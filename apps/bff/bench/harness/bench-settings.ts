/**
 * The benches' settings (BENCH_* environment variables): the only place the bench scripts read
 * the environment. A value that is not a positive number stops the bench with its name and
 * what is expected, instead of running with NaN.
 */
export function benchNumber(name: `BENCH_${string}`, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name}=${raw}: expected a positive number (default ${fallback})`);
  return value;
}

/** A BENCH_* switch: on when set to 1. */
export function benchFlag(name: `BENCH_${string}`): boolean {
  return process.env[name] === '1';
}
