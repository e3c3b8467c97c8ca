import { z } from 'zod';
import { type AlarmAdviceEvent } from './alarm-advice';
import { type AlarmChangesEvent } from './alarm-api';
import { SiteIdSchema } from './ids';
import { type Nowcast, type ScenarioProgressEvent } from './scenario-api';
import { type TwinDelta, type TwinSnapshot } from './twin';

/** socket.io event names, one place. */
export const SOCKET_EVENTS = {
  /** client -> server, with ack: join a site's room; the ack carries the snapshot. */
  join: 'site:join',
  leave: 'site:leave',
  /** server -> client */
  snapshot: 'twin:snapshot',
  delta: 'twin:delta',
  error: 'twin:error',
  /** server -> client: a scenario of the site changed status or progress. */
  scenarioProgress: 'scenario:progress',
  /** server -> client: a new nowcast of the site. */
  nowcast: 'twin:nowcast',
  /** server -> client: alarms of the site changed (after the change is stored). */
  alarmChanges: 'alarm:changes',
  /** server -> client: an alarm's advice (recommended actions) changed status or got its check. */
  alarmAdvice: 'alarm:advice',
} as const;

export const JoinSiteRequestSchema = z.object({ siteId: SiteIdSchema });
export type JoinSiteRequest = z.infer<typeof JoinSiteRequestSchema>;

export type JoinSiteAck = { ok: true; snapshot: TwinSnapshot } | { ok: false; error: string };

export interface ServerToClientEvents {
  'twin:snapshot': (snapshot: TwinSnapshot) => void;
  'twin:delta': (delta: TwinDelta) => void;
  'twin:error': (error: { message: string }) => void;
  'scenario:progress': (event: ScenarioProgressEvent) => void;
  'twin:nowcast': (nowcast: Nowcast) => void;
  'alarm:changes': (event: AlarmChangesEvent) => void;
  'alarm:advice': (event: AlarmAdviceEvent) => void;
}

export interface ClientToServerEvents {
  'site:join': (req: JoinSiteRequest, ack: (res: JoinSiteAck) => void) => void;
  'site:leave': (req: JoinSiteRequest) => void;
}
