import { describe, expect, it } from 'vitest';
import { type Nowcast } from '@twinhelm/contracts';
import { SiteEvents } from './site-events';

const progress = (siteId: string, status: string, value: number) => ({
  id: 's1',
  siteId,
  status,
  progress: value,
  phase: 'ensemble member 2 of 5',
});

const nowcast: Nowcast = {
  siteId: 'ctown',
  at: 1000,
  stateTakenAt: 900,
  modelHash: 'h',
  engineVersion: 'e',
  elapsedMs: 40,
  values: { J1: { pressure: 41.2 } },
  residuals: {},
};

describe('SiteEvents', () => {
  it('keeps the latest progress per scenario and notifies', () => {
    const events = new SiteEvents('ctown');
    let notified = 0;
    events.subscribe(() => (notified += 1));
    events.receive('scenario:progress', progress('ctown', 'running', 0.4));
    const first = events.getProgress('s1');
    expect(first).toMatchObject({ status: 'running', progress: 0.4 });
    expect(events.getProgress('s1')).toBe(first);
    events.receive('scenario:progress', progress('ctown', 'succeeded', 1));
    expect(events.getProgress('s1')?.status).toBe('succeeded');
    expect(notified).toBe(2);
  });

  it('drops malformed payloads and other sites', () => {
    const events = new SiteEvents('ctown');
    events.receive('scenario:progress', progress('net1', 'running', 0.4));
    events.receive('scenario:progress', { id: 's1', progress: 7 });
    expect(events.getProgress('s1')).toBeNull();
    events.receive('twin:nowcast', { ...nowcast, siteId: 'net1' });
    events.receive('twin:nowcast', { siteId: 'ctown' });
    expect(events.latestNowcast()).toBeNull();
  });

  it('hands nowcasts to listeners until they unsubscribe', () => {
    const events = new SiteEvents('ctown');
    const seen: number[] = [];
    const stop = events.onNowcast((n) => seen.push(n.at));
    events.receive('twin:nowcast', nowcast);
    stop();
    events.receive('twin:nowcast', { ...nowcast, at: 2000 });
    expect(seen).toEqual([1000]);
    expect(events.latestNowcast()?.at).toBe(2000);
  });
});
