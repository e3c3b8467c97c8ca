import { telemetryTopic, type AlarmChangesEvent } from '@twinhelm/contracts';
import mqtt, { type MqttClient } from 'mqtt';
import { spawnMosquitto, type SpawnedMosquitto } from '../../broker/spawn-mosquitto';
import type { Sql } from '../../db/sql';
import { pgSql } from '../../db/sql-pg';
import { startIngest, type Ingest } from '../../ingest/start-ingest';
import { CTOWN } from '../../scenarios/testing/ctown';
import {
  createTestContext,
  principal,
  type TestContext,
} from '../../services/testing/test-context';
import { quietPool } from '../../testing/test-database';
import { createTwinState, type TwinState } from '../../twin/twin-state';
import { startAlarmEngine, type AlarmEngine } from '../start-alarm-engine';

export const SITE = 'ctown';

/** An injected clock tests can move; it follows the wall clock plus `offsetMs`. */
export const movableClock = () => {
  const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
  return clock;
};

/**
 * C-Town imported into a fresh database, a private Mosquitto, the real ingest and the alarm
 * engine fed by its onDurable hook (as server.ts wires them), and a publisher.
 */
export class AlarmHarness {
  engine!: AlarmEngine;
  ingest!: Ingest;
  readonly events: AlarmChangesEvent[] = [];
  /** While true, the engine's transactions fail as if PostgreSQL were unreachable. */
  databaseDown = false;
  private publisher!: MqttClient;
  private seq = 0;
  private readonly cleanups: (() => Promise<unknown>)[] = [];

  private constructor(
    readonly t: TestContext,
    readonly sql: Sql,
    readonly twin: TwinState,
    readonly mosquitto: SpawnedMosquitto,
    readonly clock: ReturnType<typeof movableClock>,
  ) {}

  static async start(): Promise<AlarmHarness> {
    const t = await createTestContext();
    await t.context.services.importNetwork(principal('admin'), {
      siteId: SITE,
      name: 'C-Town',
      inp: CTOWN,
    });
    const pool = quietPool(t.db.url);
    const mosquitto = await spawnMosquitto({ persistence: false });
    const harness = new AlarmHarness(t, pgSql(pool), createTwinState(), mosquitto, movableClock());
    harness.cleanups.push(
      () => t.db.drop(),
      () => pool.end(),
      () => mosquitto.stop(),
    );
    await harness.startEngine();
    harness.publisher = await mqtt.connectAsync(mosquitto.url, {
      clientId: 'alarm-test-publisher',
      reconnectPeriod: 0,
    });
    return harness;
  }

  /** Starts the engine and the ingest feeding it (again after stopEngine: a restart). */
  async startEngine(): Promise<void> {
    this.engine = await startAlarmEngine({
      prisma: this.t.db.prisma,
      sql: {
        ...this.sql,
        transaction: (work) =>
          this.databaseDown
            ? Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432 (test outage)'))
            : this.sql.transaction(work),
      },
      twin: this.twin,
      clock: this.clock.now,
      tickMs: 50,
      retry: { firstMs: 20, maxMs: 100 },
      log: () => undefined,
    });
    this.engine.onChanges((event) => this.events.push(event));
    this.t.deps.onAlarmRulesChanged = (siteId) => this.engine.reloadRules(siteId);
    this.ingest = await startIngest({
      sql: this.sql,
      twin: this.twin,
      broker: { url: this.mosquitto.url, clientId: 'alarm-test-ingest', embedded: false },
      batchMax: 100,
      batchMs: 20,
      log: () => undefined,
      onDurable: (batch) => this.engine.onDurable(batch),
    });
    await this.ingest.subscribed();
  }

  async stopEngine(): Promise<void> {
    await this.ingest.close();
    await this.engine.close();
  }

  /** Publishes one telemetry message (QoS 1); returns the publish time. */
  async publish(assetId: string, ts: number, values: Record<string, number>): Promise<number> {
    this.seq += 1;
    const at = Date.now();
    await this.publisher.publishAsync(
      telemetryTopic(SITE, assetId),
      JSON.stringify({ ts, seq: this.seq, values }),
      { qos: 1 },
    );
    return at;
  }

  async alarmRow(key: string) {
    return this.t.db.prisma.alarm.findUnique({ where: { siteId_key: { siteId: SITE, key } } });
  }

  async eventsOf(key: string) {
    return this.t.db.prisma.alarmEvent.findMany({
      where: { siteId: SITE, alarmKey: key },
      orderBy: { id: 'asc' },
    });
  }

  async stop(): Promise<void> {
    await this.publisher.endAsync(true).catch(() => undefined);
    await this.stopEngine().catch(() => undefined);
    while (this.cleanups.length)
      await this.cleanups
        .pop()?.()
        .catch(() => undefined);
  }
}

/** Polls `check` every 10 ms until it holds (fails after `ms`); returns the time it took. */
export async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  ms = 15_000,
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}
