import {
  createFloodDetector,
  FLOOD_DEFAULTS,
  type FloodDetector,
  type FloodOptions,
} from '@twinhelm/alarms';
import type { AlarmFloodStatus, FloodChange } from '@twinhelm/contracts';
import type { FloodOp } from './alarm-store';

const DAY_MS = 86_400_000;

export interface FloodHistory {
  /** Announcement times of the last window (from alarm_event), oldest first. */
  announcements: readonly number[];
  /** Floods begun in the last 24 h, and one still open from before (ended null). */
  floods: readonly { startedAt: number; endedAt: number | null; peak: number }[];
}

/**
 * One site's flood state (EEMUA 191) on top of the core's detector: the window is rebuilt from
 * stored announcements at start, each start and end becomes a FloodOp for alarm_flood, and the
 * peak count and the floods of the last 24 h are kept for AlarmFloodStatus.
 */
export class FloodTracker {
  /** Ops found while rebuilding (a flood that ended while the engine was down). */
  readonly pendingOps: FloodOp[] = [];
  private readonly detector: FloodDetector;
  private readonly windowMs: number;
  private since: number | null = null;
  private peak = 0;
  private starts: number[] = [];

  constructor(
    private readonly siteId: string,
    history: FloodHistory,
    now: number,
    options: FloodOptions = {},
  ) {
    this.detector = createFloodDetector(options);
    this.windowMs = options.windowMs ?? FLOOD_DEFAULTS.windowMs;
    this.starts = history.floods.map((f) => f.startedAt);
    const open = history.floods.find((f) => f.endedAt === null);
    for (const at of history.announcements) this.detector.record(siteId, at);
    this.detector.advance(now);
    if (open && this.detector.state(siteId).flood) {
      this.since = open.startedAt;
      this.peak = Math.max(open.peak, this.detector.state(siteId).count);
    } else if (this.detector.state(siteId).flood) {
      // the rebuilt window is in flood but no open row says since when: it starts now
      this.since = now;
      this.peak = this.detector.state(siteId).count;
      this.starts.push(now);
      this.pendingOps.push({ type: 'start', at: now, count: this.peak, windowMs: this.windowMs });
    } else if (open) {
      this.pendingOps.push({ type: 'end', startedAt: open.startedAt, at: now, peak: open.peak });
    }
  }

  /** Counts one announcement; returns the ops to store. */
  announced(at: number): FloodOp[] {
    return this.apply(this.detector.record(this.siteId, at));
  }

  /** Advances the clock; returns the ops to store (a flood's end). */
  advance(now: number): FloodOp[] {
    return this.apply(this.detector.advance(now));
  }

  status(now: number): AlarmFloodStatus {
    const state = this.detector.state(this.siteId);
    return {
      active: state.flood,
      since: state.flood ? this.since : null,
      count: state.count,
      windowMs: this.windowMs,
      last24h: this.starts.filter((at) => at > now - DAY_MS).length,
    };
  }

  private apply(changes: readonly FloodChange[]): FloodOp[] {
    const ops: FloodOp[] = [];
    for (const change of changes) {
      if (change.flood) {
        this.since = change.ts;
        this.peak = change.count;
        this.starts.push(change.ts);
        if (this.starts.length > 1000) this.starts = this.starts.slice(-500);
        ops.push({ type: 'start', at: change.ts, count: change.count, windowMs: change.windowMs });
      } else if (this.since !== null) {
        ops.push({ type: 'end', startedAt: this.since, at: change.ts, peak: this.peak });
        this.since = null;
        this.peak = 0;
      }
    }
    const state = this.detector.state(this.siteId);
    if (state.flood) this.peak = Math.max(this.peak, state.count);
    return ops;
  }
}
