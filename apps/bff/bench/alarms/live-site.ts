// Part 2's set-up, in this process as server.ts wires it: a fresh database of the local
// PostgreSQL (migrated), C-Town imported as `ctown`, the bench's 10-rules-per-junction set
// stored as rule overrides (alarm_rule_version), a private Mosquitto (unbounded queues; the
// machine's shared one on 1883 would keep our persistent ingest session and its queue after
// the bench), the twin, the alarm engine and the ingest feeding it (onDurable).
import { readFileSync } from 'node:fs';
import { NetworkModelSchema } from '@twinhelm/contracts';
import { importNetwork } from '@twinhelm/solver';
import { loadEffectiveRules } from '../../src/alarm-rules/services/get-alarm-rules';
import { startAlarmEngine, type AlarmEngine } from '../../src/alarms/start-alarm-engine';
import { spawnMosquitto } from '../../src/broker/spawn-mosquitto';
import { createDatabase, type Database } from '../../src/db/create-database';
import { migrate } from '../../src/db/migrate';
import type { DurableBatch } from '../../src/ingest/batch-writer';
import { parseEnv } from '../../src/env';
import { startIngest, type Ingest } from '../../src/ingest/start-ingest';
import { createLogger } from '../../src/log';
import { importNetworkAs } from '../../src/services/import-network';
import { fakeIngestStatus } from '../../src/services/testing/fake-ports';
import { createFreshDatabase } from '../../src/testing/fresh-database';
import { createTwinState } from '../../src/twin/twin-state';
import { benchJunctions, type BenchJunction } from './junction-values';
import { CTOWN_FILE } from './pure-evaluation';
import { checkTenRules, tenRuleOverrides } from './ten-rules';

export const SITE = 'ctown';
const SECRET = 'alarm-bench-secret-0123456789abcdef-0123456789';

export interface LiveSite {
  databaseName: string;
  databaseUrl: string;
  brokerUrl: string;
  broker: string;
  engine: AlarmEngine;
  ingest: Ingest;
  junctions: BenchJunction[];
  overrides: number;
  ingestBatch: { max: number; ms: number };
  /** Stops everything started so far and drops the database (safe to call once more). */
  close(): Promise<void>;
}

export async function startLiveSite(options: {
  onDurable: (engine: AlarmEngine, batch: DurableBatch) => void;
}): Promise<LiveSite> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    while (cleanups.length > 0)
      await cleanups
        .pop()?.()
        .catch((error: unknown) => console.error(`alarm bench cleanup: ${String(error)}`));
  };
  try {
    const fresh = await createFreshDatabase('twinhelm_bench_alarms');
    cleanups.push(() => fresh.drop());
    const config = parseEnv({ DATABASE_URL: fresh.url, AUTH_SECRET: SECRET, LOG_LEVEL: 'warn' });
    const database: Database = await createDatabase(config);
    cleanups.push(() => database.close());
    await migrate(database);
    const twin = createTwinState();
    await importNetworkAs(
      {
        prisma: database.prisma,
        database,
        twin,
        ingestStatus: fakeIngestStatus,
        importNetwork: (text, opts) => importNetwork(text, opts),
        onNetworkImported: () => undefined,
        version: 'bench',
        startedAt: Date.now(),
        clock: Date.now,
      },
      'bench',
      { siteId: SITE, name: 'C-Town', inp: readFileSync(CTOWN_FILE, 'utf8') },
    );
    const network = await database.prisma.network.findFirstOrThrow({
      where: { siteId: SITE, active: true },
      select: { model: true },
    });
    const junctions = benchJunctions(NetworkModelSchema.parse(network.model));
    const overrides = tenRuleOverrides(junctions);
    const changedAt = new Date();
    await database.prisma.alarmRuleVersion.createMany({
      data: overrides.map((o) => ({
        siteId: SITE,
        assetId: o.assetId,
        ruleId: o.rule.id,
        version: 1,
        rule: o.rule,
        changedBy: 'bench',
        changedAt,
      })),
    });
    checkTenRules((await loadEffectiveRules({ prisma: database.prisma }, SITE)).assets, junctions);

    const mosquitto = await spawnMosquitto({ persistence: false });
    cleanups.push(() => mosquitto.stop());
    const brokerUrl = mosquitto.url;
    const broker = `private Mosquitto ${brokerUrl} (max_queued_messages 0 = unbounded)`;

    const engine = await startAlarmEngine({
      prisma: database.prisma,
      sql: database.sql,
      twin,
      clock: Date.now,
      log: createLogger('warn', 'alarms'),
    });
    cleanups.push(() => engine.close());
    const ingest = await startIngest({
      sql: database.sql,
      twin,
      broker: { url: brokerUrl, clientId: `bench-alarms-ingest-${process.pid}`, embedded: false },
      batchMax: config.INGEST_BATCH_MAX,
      batchMs: config.INGEST_BATCH_MS,
      log: createLogger('warn', 'ingest'),
      onDurable: (batch) => options.onDurable(engine, batch),
    });
    cleanups.push(() => ingest.close());
    await ingest.subscribed();
    return {
      databaseName: fresh.name,
      databaseUrl: fresh.url,
      brokerUrl,
      broker,
      engine,
      ingest,
      junctions,
      overrides: overrides.length,
      ingestBatch: { max: config.INGEST_BATCH_MAX, ms: config.INGEST_BATCH_MS },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
