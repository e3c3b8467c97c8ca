import type { EventRow, FloodOp } from './alarm-store';

/** What one step (a batch of samples, a tick, an action, a rule reload) changed in a site. */
export class ChangeSet {
  readonly events: EventRow[] = [];
  readonly floods: FloodOp[] = [];
  /** Keys announced (→ unack_active), in order. */
  readonly announced: string[] = [];
  /** Keys of the alarms the step changed. */
  readonly touched = new Set<string>();

  /** When the samples behind it reached the ingest (null: not from samples). */
  constructor(readonly arrivedAt: number | null = null) {}

  get empty(): boolean {
    return this.events.length === 0 && this.floods.length === 0 && this.touched.size === 0;
  }
}
