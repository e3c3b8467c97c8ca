// What the live run observes inside the process: the time spent in the engine's onDurable
// (evaluation + lifecycle, synchronous on the ingest's event loop), when each surge's first
// sample became durable, and when each pressure-high change was stored (engine onChanges).
import type { AlarmChangesEvent } from '@twinhelm/contracts';
import type { AlarmEngine } from '../../src/alarms/start-alarm-engine';
import type { DurableBatch } from '../../src/ingest/batch-writer';
import { PRESSURE_HIGH_M, SURGE_RULE_ID } from './ten-rules';

/** `<assetId>|<1 raise, 0 clear>|<sample ts>`: one surge toggle. */
export const toggleKey = (assetId: string, active: boolean, ts: number) =>
  `${assetId}|${active ? 1 : 0}|${ts}`;

export interface DurableMark {
  /** When the ingest received the sample's message (exact), or its batch's first message. */
  arrivedAt: number;
  exactArrival: boolean;
  /** When the ingest handed the committed batch to the engine. */
  durableAt: number;
}

/**
 * The receive time of the message behind `batch.samples[i]`: exact when every message of the
 * batch gave 3 samples (the bench's messages; nothing deduplicated), so that sample i belongs
 * to message ⌊i / 3⌋ (the batch keeps message order); else the batch's first arrival.
 */
function arrivalOf(batch: DurableBatch, i: number, first: number): [number, boolean] {
  if (batch.samples.length !== 3 * batch.receivedAt.length) return [first, false];
  const m = Math.floor(i / 3);
  const sameMessage = batch.samples[3 * m]?.seq === batch.samples[i]?.seq;
  const at = batch.receivedAt[m];
  return sameMessage && at !== undefined ? [at, true] : [first, false];
}

export class AlarmProbe {
  /** Time inside engine.onDurable, ms, and its calls. */
  pushMs = 0;
  pushCalls = 0;
  /** Change events received, and the most alarms one carried. */
  events = 0;
  maxAlarmsPerEvent = 0;
  readonly durable = new Map<string, DurableMark>();
  readonly stored = new Map<string, number>();
  private readonly high = new Map<string, boolean>();

  /** The ingest's onDurable: times the engine's part, marks surge starts and ends. */
  onDurable(engine: AlarmEngine, batch: DurableBatch): void {
    const t0 = performance.now();
    engine.onDurable(batch);
    this.pushMs += performance.now() - t0;
    this.pushCalls += 1;
    const durableAt = Date.now();
    let first = Number.POSITIVE_INFINITY;
    for (const at of batch.receivedAt) if (at < first) first = at;
    batch.samples.forEach((sample, i) => {
      if (sample.metric !== 'pressure') return;
      const high = sample.value > PRESSURE_HIGH_M;
      if (high === (this.high.get(sample.assetId) ?? false)) return;
      this.high.set(sample.assetId, high);
      const [arrivedAt, exactArrival] = arrivalOf(batch, i, first);
      this.durable.set(toggleKey(sample.assetId, high, sample.ts), {
        arrivedAt,
        exactArrival,
        durableAt,
      });
    });
  }

  /** The engine's onChanges: each stored pressure-high change by asset, condition and time. */
  onChanges(event: AlarmChangesEvent): void {
    const at = Date.now();
    this.events += 1;
    this.maxAlarmsPerEvent = Math.max(this.maxAlarmsPerEvent, event.alarms.length);
    for (const alarm of event.alarms)
      if (alarm.ruleId === SURGE_RULE_ID) {
        const key = toggleKey(alarm.assetId, alarm.condition, alarm.updatedAt);
        if (!this.stored.has(key)) this.stored.set(key, at);
      }
  }
}
