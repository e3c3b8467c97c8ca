import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter';

const WINDOW = 15 * 60 * 1000;

function limiter() {
  const now = { t: 0 };
  return { now, l: new LoginRateLimiter({ maxFailures: 5, windowMs: WINDOW, clock: () => now.t }) };
}

describe('LoginRateLimiter', () => {
  it('blocks a username after 5 failures and frees it when the window passes', () => {
    const { now, l } = limiter();
    for (let i = 0; i < 4; i++) l.recordFailure('alice', `10.0.0.${i}`);
    expect(l.retryAfterMs('alice', '10.0.0.9')).toBe(0);
    l.recordFailure('Alice ', '10.0.0.5');
    expect(l.retryAfterMs('alice', '10.0.0.9')).toBe(WINDOW);
    now.t = WINDOW - 1;
    expect(l.retryAfterMs('alice', '10.0.0.9')).toBe(1);
    now.t = WINDOW;
    expect(l.retryAfterMs('alice', '10.0.0.9')).toBe(0);
  });

  it('blocks an address trying many usernames', () => {
    const { l } = limiter();
    for (const u of ['a', 'b', 'c', 'd', 'e']) l.recordFailure(u, '192.0.2.1');
    expect(l.retryAfterMs('f', '192.0.2.1')).toBeGreaterThan(0);
    expect(l.retryAfterMs('f', '192.0.2.2')).toBe(0);
  });

  it('a success clears the username but not the address', () => {
    const { l } = limiter();
    for (let i = 0; i < 5; i++) l.recordFailure('bob', '192.0.2.7');
    l.recordSuccess('bob');
    expect(l.retryAfterMs('bob', '192.0.2.8')).toBe(0);
    expect(l.retryAfterMs('bob', '192.0.2.7')).toBeGreaterThan(0);
  });

  it('never blocks with fewer than 5 failures in any window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * WINDOW }), { maxLength: 40 }), (times) => {
        const { now, l } = limiter();
        const sorted = [...times].sort((a, b) => a - b);
        for (const t of sorted) {
          now.t = t;
          const inWindow = sorted.filter((s) => s <= t && t - s < WINDOW).length - 1;
          expect(l.retryAfterMs('u', 'ip') > 0).toBe(inWindow >= 5);
          l.recordFailure('u', 'ip');
        }
      }),
    );
  });
});
