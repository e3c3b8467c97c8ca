import type { AlarmRuleInput } from '@twinhelm/contracts';
import type { AppContext } from '../../../app-context';
import type { LogLevel } from '../../../log';
import { useRouteContext } from '../../../scenarios/testing/call-route';
import { createTestContext, type TestContext } from '../../../services/testing/test-context';
import type { AlarmServices } from '../../alarm-services';
import { createAlarmServices } from '../create-alarm-services';
import type { AlarmServiceDeps } from '../alarm-service-deps';
import { FakeAlarmEngine } from './fake-alarm-engine';
import { storeBookUpdate } from './store-book-update';

const texts = { version: 1, consequence: 'Customers lose supply.', response: 'Check upstream.' };

/** A few rules of C-Town's kinds: enough for every state and priority. */
export const TEST_RULES: { assetId: string; rules: AlarmRuleInput[] }[] = [
  {
    assetId: 'J511',
    rules: [
      {
        ...texts,
        id: 'pressure-low',
        kind: 'threshold',
        metric: 'pressure',
        limit: 'l',
        setpoint: 20,
        priority: 'medium',
      },
      {
        ...texts,
        id: 'pressure-low-low',
        kind: 'threshold',
        metric: 'pressure',
        limit: 'll',
        setpoint: 10,
        priority: 'high',
      },
    ],
  },
  {
    assetId: 'T1',
    rules: [
      {
        ...texts,
        id: 'level-low-low',
        kind: 'threshold',
        metric: 'level',
        limit: 'll',
        setpoint: 1,
        priority: 'critical',
      },
      { ...texts, id: 'stale', kind: 'stale', missedIntervals: 3, priority: 'low' },
    ],
  },
  {
    assetId: 'PU1',
    rules: [
      {
        ...texts,
        id: 'pump-mismatch',
        kind: 'mismatch',
        feedbackMin: 1,
        priority: 'high',
        latched: true,
      },
    ],
  },
];

export interface AlarmTestContext {
  t: TestContext;
  engine: FakeAlarmEngine;
  services: AlarmServices;
  deps: AlarmServiceDeps;
  logs: { level: LogLevel; message: string }[];
  context: AppContext & { alarms: AlarmServices };
}

/**
 * A fresh database with sites `siteId` (run by a fake engine over the real lifecycle, its
 * changes stored like the real engine stores them) and `idle` (known, not run by the engine);
 * the alarm services over them, installed as the routes' AppContext.
 */
export async function createAlarmTestContext(siteId = 'ctown'): Promise<AlarmTestContext> {
  const t = await createTestContext();
  await t.db.prisma.site.createMany({
    data: [
      { id: siteId, name: 'C-Town' },
      { id: 'idle', name: 'Not run by the engine' },
    ],
  });
  const clock = () => t.now.value;
  const engine = new FakeAlarmEngine(siteId, TEST_RULES, clock, storeBookUpdate(t.db.prisma));
  const logs: AlarmTestContext['logs'] = [];
  const deps: AlarmServiceDeps = {
    prisma: t.db.prisma,
    engine,
    clock,
    log: (level, message) => logs.push({ level, message }),
  };
  const services = createAlarmServices(deps);
  const context = { ...t.context, alarms: services };
  useRouteContext(context);
  return { t, engine, services, deps, logs, context };
}
