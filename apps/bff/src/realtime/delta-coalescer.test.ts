import type { TwinDelta } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { DeltaCoalescer } from './delta-coalescer';

function setup(audience = new Set(['ctown'])) {
  const emitted: TwinDelta[] = [];
  const timers: (() => void)[] = [];
  const c = new DeltaCoalescer({
    windowMs: 50,
    clock: () => 1000,
    hasAudience: (s) => audience.has(s),
    emit: (d) => emitted.push(d),
    setTimer: (run) => timers.push(run),
    clearTimer: () => undefined,
  });
  return { c, emitted, timers, audience };
}

describe('DeltaCoalescer', () => {
  it('merges a window into one delta per site with version + 1', () => {
    const { c, emitted, timers } = setup();
    c.add('ctown', { T1: { level: { v: 1, ts: 10 } } });
    c.add('ctown', { T1: { level: { v: 2, ts: 20 } }, PU1: { status: { v: 1, ts: 20 } } });
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(emitted).toEqual([
      {
        siteId: 'ctown',
        version: 1,
        at: 1000,
        changes: { T1: { level: { v: 2, ts: 20 } }, PU1: { status: { v: 1, ts: 20 } } },
      },
    ]);
    c.add('ctown', { T1: { level: { v: 3, ts: 30 } } });
    timers[1]!();
    expect(emitted[1]?.version).toBe(2);
    expect(c.version('ctown')).toBe(2);
  });

  it('keeps the newer value when an older one arrives later in the window', () => {
    const { c, emitted } = setup();
    c.add('ctown', { T1: { level: { v: 2, ts: 20 } } });
    c.add('ctown', { T1: { level: { v: 1, ts: 10 } } });
    c.flush();
    expect(emitted[0]?.changes).toEqual({ T1: { level: { v: 2, ts: 20 } } });
  });

  it('does no work for sites nobody watches', () => {
    const { c, emitted, timers, audience } = setup(new Set());
    c.add('ctown', { T1: { level: { v: 1, ts: 10 } } });
    expect(timers).toHaveLength(0);
    audience.add('ctown');
    c.add('ctown', { T1: { level: { v: 1, ts: 10 } } });
    audience.delete('ctown');
    c.flush();
    expect(emitted).toHaveLength(0);
    expect(c.version('ctown')).toBe(0);
  });
});
