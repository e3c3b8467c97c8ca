/**
 * Counts failed sign-ins per username and per client address in a sliding window. Pure apart
 * from the injected clock; one instance per process (several BFF instances each keep their own,
 * which only makes the limit per instance).
 */
export interface LoginRateLimiterOptions {
  maxFailures: number;
  windowMs: number;
  clock: () => number;
}

export const DEFAULT_LOGIN_LIMIT: Omit<LoginRateLimiterOptions, 'clock'> = {
  maxFailures: 5,
  windowMs: 15 * 60 * 1000,
};

const PRUNE_AT = 10_000;

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly options: LoginRateLimiterOptions) {}

  /** Milliseconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfterMs(username: string, ip: string): number {
    return Math.max(this.waitFor(userKey(username)), this.waitFor(ipKey(ip)));
  }

  recordFailure(username: string, ip: string): void {
    const now = this.options.clock();
    for (const key of [userKey(username), ipKey(ip)]) {
      const recent = this.recent(key, now);
      recent.push(now);
      this.failures.set(key, recent);
    }
    if (this.failures.size > PRUNE_AT) this.prune(now);
  }

  /** A successful sign-in clears the username's failures (not the address's). */
  recordSuccess(username: string): void {
    this.failures.delete(userKey(username));
  }

  private waitFor(key: string): number {
    const now = this.options.clock();
    const recent = this.recent(key, now);
    if (recent.length < this.options.maxFailures) return 0;
    const oldestCounted = recent[recent.length - this.options.maxFailures] ?? now;
    return Math.max(1, oldestCounted + this.options.windowMs - now);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.options.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) {
      if (times.every((t) => now - t >= this.options.windowMs)) this.failures.delete(key);
    }
  }
}

const userKey = (username: string) => `u:${username.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
