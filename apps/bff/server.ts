// The composition root: env → database → twin state → alarm engine → broker → ingest →
// services → HTTP + socket.io → simulator. The only place that chooses adapters
// (docs/ARCHITECTURE.md).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { importNetwork } from '@twinhelm/solver';
import { startSimulatorWorker } from '@twinhelm/simulator';
import { SOCKET_EVENTS } from '@twinhelm/contracts';
import { adviceConfigOf } from './src/alarm-advice/advice-config';
import { createAlarmAdvice } from './src/alarm-advice/create-alarm-advice';
import { createAlarmBroadcast } from './src/alarms/alarm-broadcast';
import { createAlarmServices } from './src/alarms/services/create-alarm-services';
import { startAlarmEngine } from './src/alarms/start-alarm-engine';
import { assetTypesIn, plantCarryOut } from './src/simulator-control/carry-out';
import { createPlantClock, onPlantClock } from './src/simulator-control/plant-clock';
import { simulatorControl } from './src/simulator-control/simulator-control';
import { setAppContext, type AppContext } from './src/app-context';
import { createAuth } from './src/auth/create-auth';
import { startBrokerOnFreePort } from './src/broker/start-broker-on-free-port';
import type { EmbeddedBroker } from './src/broker/start-embedded-broker';
import { createDatabase } from './src/db/create-database';
import { migrate } from './src/db/migrate';
import { demoAuthSecret } from './src/demo-secret';
import { env } from './src/env';
import { createHttpServer, type BffHttpServer } from './src/http/create-http-server';
import { startIngest } from './src/ingest/start-ingest';
import { createLogger } from './src/log';
import { roomOf } from './src/realtime/attach-realtime';
import { forwardScenarioProgress } from './src/realtime/scenario-progress';
import { createScenarios } from './src/scenarios/create-scenarios';
import { createNowcastBroadcast } from './src/nowcast/nowcast-broadcast';
import { createNowcastServices } from './src/nowcast/nowcast-services';
import { createLiveStateBinder } from './src/nowcast/live-state-binder';
import { startNowcast } from './src/nowcast/start-nowcast';
import { createServices } from './src/services/create-services';
import type { ServiceDeps } from './src/services/service-deps';
import { persistTwinSnapshots, restoreTwinState } from './src/twin/twin-snapshots';
import { createTwinState } from './src/twin/twin-state';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const DEMO_SITE = 'ctown';

async function main(): Promise<void> {
  const config = env();
  const log = createLogger(config.LOG_LEVEL, 'bff');
  const startedAt = Date.now();

  const database = await createDatabase(config);
  const migrations = await migrate(database);
  log(
    'info',
    `database ${database.kind}: ${migrations.applied.length} migration(s) applied, ${migrations.alreadyApplied.length} already present`,
  );

  const twin = createTwinState();
  const restored = await restoreTwinState(twin, database.sql);
  const snapshots = persistTwinSnapshots(twin, database.sql, {
    onError: (error) => log('warn', `twin snapshot not written: ${(error as Error).message}`),
  });
  if (restored > 0) log('info', `twin state restored for ${restored} site(s)`);

  // After the twin (its latest values prime the evaluators), before the ingest feeds it.
  const alarmLog = createLogger(config.LOG_LEVEL, 'alarms');
  const alarmEngine = await startAlarmEngine({
    prisma: database.prisma,
    sql: database.sql,
    twin,
    clock: Date.now,
    log: alarmLog,
  });
  const reloadAlarmRules = (siteId: string) =>
    alarmEngine
      .reloadRules(siteId)
      .catch((error: unknown) =>
        alarmLog('error', `${siteId}: alarm rules not reloaded: ${(error as Error).message}`),
      );

  let broker: EmbeddedBroker | undefined;
  if (config.embeddedBroker) {
    broker = await startBrokerOnFreePort({
      port: config.mqttPort,
      explicit: config.mqttPortExplicit,
      log,
      host: '127.0.0.1',
      username: config.MQTT_USERNAME,
      password: config.mqttPassword ?? '',
    });
    log('info', `embedded MQTT broker on ${broker.url} (user ${config.MQTT_USERNAME})`);
  }

  const mqttUrl = broker?.url ?? config.mqttUrl;
  const ingest = await startIngest({
    sql: database.sql,
    twin,
    broker: {
      url: mqttUrl,
      embedded: config.embeddedBroker,
      clientId: config.MQTT_CLIENT_ID,
      ...(config.embeddedBroker || config.MQTT_PASSWORD !== undefined
        ? { username: config.MQTT_USERNAME, password: config.mqttPassword ?? '' }
        : {}),
      ...(config.embeddedBroker ? { protocolVersion: 4 as const } : {}),
    },
    batchMax: config.INGEST_BATCH_MAX,
    batchMs: config.INGEST_BATCH_MS,
    log: createLogger(config.LOG_LEVEL, 'ingest'),
    onDurable: (batch) => alarmEngine.onDurable(batch),
  });

  // the demo plant keeps its own time of day: runs of its site start there (attached below)
  const plantClock = createPlantClock();
  const scenarios = createScenarios(
    database.sql,
    config,
    createLogger(config.LOG_LEVEL, 'scenarios'),
    // the nowcast (started below, on the same pool) estimates them from metered demands
    (siteId) => nowcast?.demandMultipliers(siteId),
    (siteId) => plantClock.timeOfDayOf(siteId),
  );
  const serviceDeps: ServiceDeps = {
    prisma: database.prisma,
    database,
    twin,
    ingestStatus: ingest.status,
    importNetwork: (text, options) => importNetwork(text, options),
    onNetworkImported: async (siteId) => {
      await ingest.reloadAssets();
      await reloadAlarmRules(siteId);
    },
    onAlarmRulesChanged: reloadAlarmRules,
    version: config.BUILD_VERSION,
    startedAt,
    clock: Date.now,
    scenarios: scenarios.deps,
  };
  const services = createServices(serviceDeps);
  const auth = createAuth({
    prisma: database.prisma,
    secret: config.AUTH_SECRET ?? demoAuthSecret(config.dataDir),
  });
  const nowcastBroadcast = createNowcastBroadcast();
  const nowcast =
    config.NOWCAST_INTERVAL_S > 0
      ? startNowcast({
          solver: scenarios.pool,
          bindState: onPlantClock(createLiveStateBinder(database.sql), plantClock),
          twin,
          sql: database.sql,
          emit: nowcastBroadcast.emit,
          intervalMs: config.NOWCAST_INTERVAL_S * 1000,
          utcOffsetMin: config.SITE_UTC_OFFSET_MIN,
          maxSteps: config.SCENARIO_MAX_STEPS,
          timeoutMs: config.SCENARIO_RUN_TIMEOUT_MS,
          residualRetentionMs: config.RESIDUAL_RETENTION_DAYS * 86_400_000,
          predictionIntervalMs: config.NOWCAST_PREDICTION_INTERVAL_S * 1000,
          predictionHorizonH: config.NOWCAST_PREDICTION_HORIZON_H,
          onSamples: (siteId, samples) => alarmEngine.pushModelled(siteId, samples),
          clock: Date.now,
          log: createLogger(config.LOG_LEVEL, 'nowcast'),
        })
      : undefined;
  // socket.io exists once the HTTP server does (below); advice ending before that goes nowhere.
  const realtime: { io?: BffHttpServer['io'] } = {};
  const advice = createAlarmAdvice({
    services: serviceDeps,
    config: adviceConfigOf(config),
    hub: scenarios.hub,
    alarms: alarmEngine,
    nowcastOf: (siteId) => nowcast?.latest(siteId),
    notify: (event) => realtime.io?.to(roomOf(event.siteId)).emit(SOCKET_EVENTS.alarmAdvice, event),
    log: createLogger(config.LOG_LEVEL, 'alarm-advice'),
    // demo mode: an approval has the virtual plant (started below) carry the actions out
    ...(config.simulator && config.SIMULATOR_CARRY_OUT
      ? {
          carryOut: plantCarryOut({
            siteId: DEMO_SITE,
            simulator: () => context.simulator,
            assetTypes: (siteId, ids) => assetTypesIn(database.sql, siteId, ids),
          }),
        }
      : {}),
  });
  const context: AppContext = {
    env: config,
    prisma: database.prisma,
    database,
    twin,
    ingestStatus: ingest.status,
    startedAt,
    services,
    auth,
    nowcast: createNowcastServices({ prisma: database.prisma, runner: nowcast, clock: Date.now }),
    alarmEngine,
    alarms: createAlarmServices({
      prisma: database.prisma,
      engine: alarmEngine,
      clock: Date.now,
      log: createLogger(config.LOG_LEVEL, 'alarm-api'),
    }),
    advice: advice.services,
  };
  setAppContext(context);

  if (config.demo) {
    const demo = await services.ensureDemoData();
    log(
      'info',
      `demo mode: ${demo.usersCreated.length} demo account(s) created${demo.siteImported ? ', C-Town imported as site ctown' : ''}`,
    );
  } else if (
    config.INITIAL_ADMIN_USERNAME !== undefined &&
    config.INITIAL_ADMIN_PASSWORD !== undefined
  ) {
    const created = await services.ensureInitialAdmin({
      username: config.INITIAL_ADMIN_USERNAME,
      password: config.INITIAL_ADMIN_PASSWORD,
    });
    if (created) log('info', `initial admin ${config.INITIAL_ADMIN_USERNAME} created`);
  }

  const http = await createHttpServer(context, {
    webOutDir: resolve(REPO_ROOT, 'apps/web/out'),
    dev: config.NODE_ENV === 'development',
  });
  realtime.io = http.io;
  const stopScenarioProgress = forwardScenarioProgress(http.io, scenarios.hub);
  const detachNowcast = nowcastBroadcast.attach(http.io);
  const detachAlarms = createAlarmBroadcast(alarmEngine).attach(http.io);
  const { port } = await http.listen(config.PORT, config.HOST);
  const { interrupted } = await scenarios.runner.start();
  advice.startChecker(30_000);
  log(
    'info',
    `what-if runner on ${scenarios.pool.size} solver worker(s)${interrupted > 0 ? `; ${interrupted} run(s) interrupted by the last stop marked failed` : ''}`,
  );
  log(
    'info',
    `Twinhelm ${config.BUILD_VERSION} on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`,
  );

  const simulator = config.simulator
    ? await startSimulatorWorker({
        siteId: DEMO_SITE,
        inpText: readFileSync(resolve(REPO_ROOT, 'data/networks/CTOWN.INP'), 'utf8'),
        seed: config.SIMULATOR_SEED,
        faults: { enabled: config.SIMULATOR_FAULTS, meanIntervalS: 3600 },
        speedup: config.SIMULATOR_SPEEDUP,
        mqttUrl,
        clientId: `twinhelm-simulator-${DEMO_SITE}`,
        ...(config.embeddedBroker || config.MQTT_PASSWORD !== undefined
          ? { username: config.MQTT_USERNAME, password: config.mqttPassword ?? '' }
          : {}),
      })
    : undefined;
  if (simulator) context.simulator = simulatorControl(DEMO_SITE, simulator);
  if (simulator) plantClock.attach(DEMO_SITE, simulator);
  if (simulator)
    log(
      'info',
      `simulator publishing C-Town as site ${DEMO_SITE} at ${config.SIMULATOR_SPEEDUP}× plant time`,
    );

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log('info', `${signal}: shutting down`);
    await simulator?.stop();
    await ingest.close();
    stopScenarioProgress();
    detachNowcast();
    await nowcast?.stop();
    // after its feeds stop: stores what is pending (waits up to 5 s for the database)
    detachAlarms();
    await alarmEngine.close();
    await advice.close();
    await scenarios.close();
    await http.close();
    await snapshots.close();
    await broker?.close();
    await database.close();
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(
    `Twinhelm could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
