import type { Alarm, AlarmAdvice, AlarmAdviceEvent } from '@twinhelm/contracts';
import { principal } from '../../services/testing/test-context';
import {
  createScenarioTestContext,
  type ScenarioTestContext,
} from '../../scenarios/testing/scenario-test-context';
import { useRouteContext } from '../../scenarios/testing/call-route';
import type { AlarmAdviceConfig } from '../advice-config';
import type { AlarmAdviceDeps } from '../advice-deps';
import { createAlarmAdvice, type AlarmAdvice as AdviceParts } from '../create-alarm-advice';

export interface AdviceTestContext extends ScenarioTestContext {
  advice: AdviceParts;
  config: AlarmAdviceConfig;
  events: AlarmAdviceEvent[];
  /** Stores an alarm row as the alarm engine would (migration 20261122090000_alarms). */
  insertAlarm(alarm: Partial<Alarm> & Pick<Alarm, 'assetId' | 'ruleId' | 'kind'>): Promise<string>;
  /** Polls the advice (a read also advances it) until it has ended. */
  untilEnded(id: string, timeoutMs?: number): Promise<AlarmAdvice>;
}

/** C-Town on the real solver pool and PostgreSQL, with alarm advice wired like server.ts does. */
export async function createAdviceTestContext(
  config: Partial<AlarmAdviceConfig> = {},
  extra: Pick<AlarmAdviceDeps, 'carryOut'> = {},
): Promise<AdviceTestContext> {
  const t = await createScenarioTestContext();
  const full: AlarmAdviceConfig = {
    horizonS: 14_400,
    reportStepS: 900,
    members: 20,
    demandSpread: 0.1,
    timeScale: 60,
    checkS: 240,
    burstLps: 10,
    burstPressureM: 30,
    ...config,
  };
  const events: AlarmAdviceEvent[] = [];
  const advice = createAlarmAdvice({
    services: { ...t.deps, scenarios: t.scenarios },
    config: full,
    hub: t.hub,
    notify: (event) => events.push(event),
    log: () => undefined,
    ...extra,
  });
  t.context.services = t.services;
  t.context.advice = advice.services;
  useRouteContext(t.context);
  const closeScenarios = t.close.bind(t);
  return Object.assign(t, {
    advice,
    config: full,
    events,
    async insertAlarm(a: Partial<Alarm> & Pick<Alarm, 'assetId' | 'ruleId' | 'kind'>) {
      const key = `${a.assetId}/${a.ruleId}`;
      const alarm: Alarm = {
        key,
        ruleVersion: 1,
        metric: null,
        sense: null,
        priority: 'high',
        latched: false,
        state: 'unack_active',
        condition: true,
        activeSince: t.now.value,
        values: {},
        ackedBy: null,
        ackedAt: null,
        shelvedUntil: null,
        overlayReason: null,
        overlayBy: null,
        assignee: null,
        updatedAt: t.now.value,
        ...a,
      };
      await t.pgPool.query(
        `INSERT INTO alarm (site_id, key, asset_id, rule_id, state, priority, condition, alarm, updated_at)
         VALUES ('ctown', $1, $2, $3, $4, $5, $6, $7::jsonb, now())`,
        [
          key,
          alarm.assetId,
          alarm.ruleId,
          alarm.state,
          alarm.priority,
          alarm.condition,
          JSON.stringify(alarm),
        ],
      );
      return key;
    },
    async untilEnded(id: string, timeoutMs = 180_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const view = await advice.services.getAdvice(principal('operator'), {
          siteId: 'ctown',
          id,
        });
        if (view.status === 'done' || view.status === 'failed') return view;
        if (Date.now() > deadline)
          throw new Error(`advice ${id} still ${view.status}: ${view.phase}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    },
    async close() {
      await advice.close();
      // Runs still going are cancelled first: the test is over, their results are not needed.
      const { rows } = await t.pgPool.query<{ id: string }>(
        `SELECT id::text AS id FROM scenario WHERE status IN ('queued', 'running')`,
      );
      for (const { id } of rows)
        await t.services.cancelScenario(principal('admin'), { id }).catch(() => undefined);
      await t.runner.idle();
      await closeScenarios();
    },
  });
}
