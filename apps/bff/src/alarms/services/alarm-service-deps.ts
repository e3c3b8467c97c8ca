import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import type { AlarmEnginePort } from '../../ports/alarm-engine-port';

/** What the alarm services need, built by server.ts (createAlarmServices in create-alarm-services.ts). */
export interface AlarmServiceDeps {
  prisma: PrismaClient;
  /** The live engine: lists and actions go through it; history and KPIs read PostgreSQL. */
  engine: AlarmEnginePort;
  clock: () => number;
  log: Logger;
}
