import { setImmediate as nextTurn } from 'node:timers/promises';

export interface StringifyOptions {
  /** Longest synchronous stretch before yielding to the event loop, ms (default 4). */
  sliceMs?: number;
  /** Rounds the numbers of number arrays (series) to this many decimals; scalars stay exact. */
  seriesDecimals?: number;
}

/**
 * JSON.stringify in slices that yield to the event loop: a what-if result is several MB
 * (C-Town 24 h at 15 min: 4.4 MB, 30-45 ms in one JSON.stringify; ensembles with bands twice
 * that), too long to block a server that streams live telemetry. Arrays of numbers (the series)
 * are the unit of work. Without seriesDecimals the output equals JSON.stringify's.
 */
export async function stringifyYielding(
  value: unknown,
  options: StringifyOptions = {},
): Promise<string> {
  const sliceMs = options.sliceMs ?? 4;
  const numbers =
    options.seriesDecimals === undefined ? numbersExact : numbersRounded(options.seriesDecimals);
  const parts: string[] = [];
  let sliceStart = performance.now();
  for (const piece of pieces(value, numbers)) {
    parts.push(piece);
    if (performance.now() - sliceStart > sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return parts.join('');
}

type NumberArray = (array: unknown[]) => string;
const numbersExact: NumberArray = (array) => JSON.stringify(array);
function numbersRounded(decimals: number): NumberArray {
  const scale = 10 ** decimals;
  // Rounding first and letting JSON.stringify print is 2x faster than printing each number here.
  return (array) =>
    JSON.stringify(array.map((v) => (typeof v === 'number' ? Math.round(v * scale) / scale : v)));
}

function* pieces(value: unknown, numbers: NumberArray): Generator<string> {
  if (Array.isArray(value)) {
    if (value.length === 0 || typeof value[0] === 'number') {
      yield numbers(value);
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      const item: unknown = value[i];
      yield* item === undefined || typeof item === 'function' ? ['null'] : pieces(item, numbers);
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object' && !('toJSON' in value)) {
    yield '{';
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(item, numbers);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}
