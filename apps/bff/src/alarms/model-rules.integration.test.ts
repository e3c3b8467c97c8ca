// The rules that need the model, through the live engine on C-Town (PostgreSQL, Mosquitto,
// ingest): model residual (measured over MQTT against the nowcast's modelled samples) and the
// solver's time-to-empty prediction, as the nowcast's onSamples feeds them in server.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmHarness, SITE, until } from './testing/alarm-harness';

let h: AlarmHarness;

beforeAll(async () => {
  h = await AlarmHarness.start();
}, 120_000);

afterAll(async () => {
  await h.stop();
}, 60_000);

const t0 = Date.now() - 30 * 60_000;
const condition = async (key: string) => (await h.alarmRow(key))?.condition;

describe('model-fed alarm rules (C-Town)', () => {
  it('raises model health once measured − modelled pressure stays beyond ±5 m for 10 min, and clears when they agree', async () => {
    const key = 'J10/pressure-residual';
    h.engine.pushModelled(SITE, [
      { assetId: 'J10', metric: 'pressure', value: 52, ts: t0, source: 'model' },
    ]);
    await h.publish('J10', t0 + 10_000, { pressure: 40 });
    await h.publish('J10', t0 + 300_000, { pressure: 40 });
    await until(
      () => h.twin.snapshot(SITE).state.J10?.pressure?.ts === t0 + 300_000,
      'J10 stored and evaluated',
    );
    await h.engine.idle();
    expect(await condition(key)).not.toBe(true); // 5 min: inside the on-delay
    await h.publish('J10', t0 + 620_000, { pressure: 40.5 });
    await until(async () => (await condition(key)) === true, 'the residual alarm');
    const row = await h.alarmRow(key);
    expect(row).toMatchObject({ state: 'unack_active', priority: 'low' });
    expect(row?.text).toMatch(/pressure/);
    const raised = (await h.eventsOf(key)).at(-1);
    expect(raised?.values).toMatchObject({ measured: 40.5, band: 5 });

    // A fresh nowcast agrees with the plant: the alarm returns to normal once past the deadband.
    h.engine.pushModelled(SITE, [
      { assetId: 'J10', metric: 'pressure', value: 41, ts: t0 + 630_000, source: 'model' },
    ]);
    await h.publish('J10', t0 + 640_000, { pressure: 40.8 });
    await until(async () => (await condition(key)) === false, 'the residual clearing');
    expect((await h.alarmRow(key))?.state).toBe('unack_rtn');
  });

  it('ignores a modelled value older than the rule allows (no verdict either way)', async () => {
    const key = 'J415/pressure-residual';
    h.engine.pushModelled(SITE, [
      { assetId: 'J415', metric: 'pressure', value: 80, ts: t0, source: 'model' },
    ]);
    // 20 min later: the 15-min-old limit has passed, so the measured values compare with nothing.
    await h.publish('J415', t0 + 20 * 60_000, { pressure: 30 });
    await h.publish('J415', t0 + 30 * 60_000, { pressure: 30 });
    await until(
      () => h.twin.snapshot(SITE).state.J415?.pressure?.ts === t0 + 30 * 60_000,
      'J415 stored and evaluated',
    );
    await h.engine.idle();
    expect(await h.alarmRow(key)).toBeNull();
  });

  it('raises a tank’s time-to-empty alarm from the solver’s prediction and clears it when the forecast recovers', async () => {
    const key = 'T1/time-to-empty';
    h.engine.pushModelled(SITE, [
      { assetId: 'T1', metric: 'time_to_empty_h', value: 2.5, ts: t0, source: 'prediction' },
    ]);
    await until(async () => (await condition(key)) === true, 'the prediction alarm');
    expect(await h.alarmRow(key)).toMatchObject({ state: 'unack_active', priority: 'high' });
    expect((await h.eventsOf(key)).at(-1)?.values).toMatchObject({ hours: 2.5, withinH: 4 });

    // The next forecast: T1 does not empty within the 8 h horizon (reported as horizon + 1).
    h.engine.pushModelled(SITE, [
      {
        assetId: 'T1',
        metric: 'time_to_empty_h',
        value: 9,
        ts: t0 + 300_000,
        source: 'prediction',
      },
    ]);
    await until(async () => (await condition(key)) === false, 'the prediction clearing');
    // A measured sample of the same metric is not a prediction: it changes nothing.
    h.engine.push([
      {
        siteId: SITE,
        assetId: 'T1',
        metric: 'time_to_empty_h',
        value: 1,
        ts: t0 + 400_000,
        seq: 1,
      },
    ]);
    await h.engine.idle();
    expect(await condition(key)).toBe(false);
  });
});
