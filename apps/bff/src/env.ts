import { z } from 'zod';
import { isAbsolute, resolve } from 'node:path';

/** The repository root: default home of the data directory. */
const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/**
 * The BFF's configuration: read and validated here, nowhere else (lint forbids process.env
 * elsewhere). Unset DATABASE_URL / MQTT_URL select the embedded PostgreSQL (PGlite) and the
 * embedded MQTT broker (aedes); demo mode and the simulator default on with them.
 */
const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Embedded database and generated secrets; relative paths resolve from the working directory. */
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  MQTT_URL: z.url({ protocol: /^mqtts?$/ }).optional(),
  /** The embedded broker's port (default 1883). */
  MQTT_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  MQTT_USERNAME: z.string().min(1).default('twinhelm'),
  MQTT_PASSWORD: z.string().min(1).optional(),
  MQTT_CLIENT_ID: z.string().min(1).default('twinhelm-bff-ingest'),
  DEMO: flag.optional(),
  SIMULATOR: flag.optional(),
  SIMULATOR_SEED: z.coerce.number().int().default(1),
  SIMULATOR_SPEEDUP: z.coerce.number().positive().default(60),
  /** Random faults of the demo plant (pump trips, sensor dropouts, stuck values); off for tests. */
  SIMULATOR_FAULTS: flag.default(true),
  /** An approved alarm recommendation is carried out by the demo plant (with the simulator only). */
  SIMULATOR_CARRY_OUT: flag.default(true),
  AUTH_SECRET: z
    .string()
    .min(32, 'AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)')
    .optional(),
  INITIAL_ADMIN_USERNAME: z.string().min(1).optional(),
  INITIAL_ADMIN_PASSWORD: z
    .string()
    .min(12, 'INITIAL_ADMIN_PASSWORD must be at least 12 characters')
    .optional(),
  INGEST_BATCH_MAX: z.coerce.number().int().min(1).max(50_000).default(2000),
  INGEST_BATCH_MS: z.coerce.number().int().min(1).max(5_000).default(50),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Solver worker threads (EPANET); default: the machine's available parallelism. */
  SOLVER_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Wall-time budget of one what-if run (each ensemble member, each candidate), ms. */
  SCENARIO_RUN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  /** Most hydraulic steps one run may take. */
  SCENARIO_MAX_STEPS: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
  /** Seconds between nowcasts (the model run from the current state); 0 turns it off. */
  NOWCAST_INTERVAL_S: z.coerce.number().int().min(0).max(86_400).default(60),
  /** Seconds between forward runs predicting each tank's time to empty (with a nowcast); 0 turns them off. */
  NOWCAST_PREDICTION_INTERVAL_S: z.coerce.number().int().min(0).max(86_400).default(300),
  /** How far those forward runs look ahead, hours (past the tank rule's 4 h). */
  NOWCAST_PREDICTION_HORIZON_H: z.coerce.number().positive().max(168).default(8),
  /** Days of measured − modelled residuals kept (0 keeps them all). */
  RESIDUAL_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  /** Alarm advice (src/alarm-advice): horizon of its what-ifs, s, and their ensemble members. */
  ALARM_ADVICE_HORIZON_S: z.coerce.number().int().min(900).max(604_800).default(14_400),
  ALARM_ADVICE_MEMBERS: z.coerce.number().int().min(1).max(200).default(20),
  /** Wall seconds from an approval to its check; default: the horizon ÷ the time scale. */
  ALARM_ADVICE_CHECK_S: z.coerce.number().int().min(1).max(604_800).optional(),
  /** Plant seconds per wall second for checks; default: SIMULATOR_SPEEDUP with the simulator, else 1. */
  ALARM_ADVICE_TIME_SCALE: z.coerce.number().positive().max(10_000).optional(),
  /** Leak assumed for a suspected burst when the nowcast cannot size it, L/s. */
  ALARM_ADVICE_BURST_LPS: z.coerce.number().positive().max(10_000).default(10),
  /** The sites' UTC offset in minutes (time of day for patterns), e.g. 60 for CET. */
  SITE_UTC_OFFSET_MIN: z.coerce.number().int().min(-720).max(840).default(0),
  BUILD_VERSION: z.string().default('0.1.0'),
});

export type RawEnv = z.infer<typeof EnvSchema>;

export interface Env extends RawEnv {
  dataDir: string;
  embeddedDatabase: boolean;
  embeddedBroker: boolean;
  demo: boolean;
  simulator: boolean;
  /** The broker URL the ingest connects to (the embedded one on loopback when MQTT_URL is unset). */
  mqttUrl: string;
  /** The embedded broker's port, and whether MQTT_PORT chose it (then it must be free). */
  mqttPort: number;
  mqttPortExplicit: boolean;
  /** Demo default for the embedded broker; external brokers take MQTT_PASSWORD as given. */
  mqttPassword: string | undefined;
}

export const DEMO_MQTT_PASSWORD = 'twinhelm-demo-broker';
export const DEFAULT_MQTT_PORT = 1883;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(
      `Invalid configuration (see .env.example and README "Configuration"):\n${lines.join('\n')}`,
    );
  }
  const raw = parsed.data;
  const embeddedDatabase = raw.DATABASE_URL === undefined;
  const embeddedBroker = raw.MQTT_URL === undefined;
  const demo = raw.DEMO ?? embeddedDatabase;
  const simulator = raw.SIMULATOR ?? embeddedBroker;
  const mqttPassword = raw.MQTT_PASSWORD ?? (embeddedBroker ? DEMO_MQTT_PASSWORD : undefined);
  if (!demo && raw.AUTH_SECRET === undefined) {
    throw new Error(
      'Invalid configuration: AUTH_SECRET is required outside demo mode (openssl rand -base64 32).',
    );
  }
  if (
    !demo &&
    (raw.INITIAL_ADMIN_USERNAME === undefined) !== (raw.INITIAL_ADMIN_PASSWORD === undefined)
  ) {
    throw new Error(
      'Invalid configuration: set both INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, or neither.',
    );
  }
  return {
    ...raw,
    dataDir:
      raw.DATA_DIR === undefined
        ? resolve(REPO_ROOT, 'data/runtime')
        : isAbsolute(raw.DATA_DIR)
          ? raw.DATA_DIR
          : resolve(raw.DATA_DIR),
    embeddedDatabase,
    embeddedBroker,
    demo,
    simulator,
    mqttUrl: raw.MQTT_URL ?? `mqtt://127.0.0.1:${raw.MQTT_PORT ?? DEFAULT_MQTT_PORT}`,
    mqttPort: raw.MQTT_PORT ?? DEFAULT_MQTT_PORT,
    mqttPortExplicit: raw.MQTT_PORT !== undefined,
    mqttPassword,
  };
}

let cached: Env | undefined;
/** The process's configuration, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * next-auth v4 reads its own URL from the process environment only: NEXTAUTH_URL, or with
 * AUTH_TRUST_HOST from each request's Host / X-Forwarded-Host. Trusting the request lets one build
 * serve any host, port or reverse proxy (one origin). Set NEXTAUTH_URL to pin it instead.
 */
export function trustRequestHostForNextAuth(): void {
  process.env.AUTH_TRUST_HOST ??= 'true';
}
