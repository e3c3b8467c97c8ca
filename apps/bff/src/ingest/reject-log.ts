import type { RejectReason } from '@twinhelm/contracts';

export type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/** Logs a rejection at most once per reason every `everyMs`, with how many were not logged. */
export function rateLimitedRejectLog(log: Log, now: () => number, everyMs = 10_000) {
  const last = new Map<RejectReason, { at: number; suppressed: number }>();
  return (reason: RejectReason, topic: string, detail: string): void => {
    const entry = last.get(reason);
    const t = now();
    if (entry && t - entry.at < everyMs) {
      entry.suppressed += 1;
      return;
    }
    const more =
      entry && entry.suppressed > 0
        ? ` (+${entry.suppressed} more ${reason} since the last line)`
        : '';
    last.set(reason, { at: t, suppressed: 0 });
    log('warn', `telemetry rejected (${reason}) on ${topic}: ${detail}${more}`);
  };
}
