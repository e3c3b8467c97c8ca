import { setImmediate as nextTurn } from 'node:timers/promises';

/** The most main-thread time one stretch of work takes before it lets the event loop run. */
export const SLICE_MS = 8;

export interface Slicer {
  /** Resolves at once inside a slice; after one event-loop turn once the slice is used up. */
  check: () => Promise<void>;
}

/**
 * Cooperative time slicing for work on the server's thread: calling `check()` between steps
 * keeps any stretch without a yield to about `sliceMs`.
 */
export function createSlicer(
  sliceMs = SLICE_MS,
  now: () => number = () => performance.now(),
): Slicer {
  let started = now();
  return {
    check: async () => {
      if (now() - started < sliceMs) return;
      await nextTurn();
      started = now();
    },
  };
}
