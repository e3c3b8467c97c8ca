import type { AlarmRule, ConditionChange } from '@twinhelm/contracts';
import { DEFAULT_EXPECTED_INTERVAL_S } from '../rules/default-rules';
import type { RuleTarget } from './condition-handlers';

type StaleRule = AlarmRule & { kind: 'stale' };

/**
 * Stale data: raised by the clock (`check`) when nothing arrived for missedIntervals ×
 * expectedIntervalS, cleared by the next sample. Armed by the first sample, or from `armedAt`.
 * On/off delays do not apply: the silence limit is the delay.
 */
export class StaleWatch {
  private lastSeen: number;
  private activeChange: ConditionChange | null = null;
  readonly limitMs: number;

  constructor(
    readonly target: RuleTarget,
    private readonly rule: StaleRule,
    armedAt: number | undefined,
  ) {
    this.limitMs =
      rule.missedIntervals * (rule.expectedIntervalS ?? DEFAULT_EXPECTED_INTERVAL_S) * 1000;
    this.lastSeen = armedAt ?? Number.NaN;
  }

  get active(): boolean {
    return this.activeChange !== null;
  }

  current(): ConditionChange | null {
    return this.activeChange;
  }

  /** Starts active: stale before this evaluator existed (restart, new rules). */
  restoreActive(since: number): void {
    this.activeChange = this.change(
      true,
      since,
      {},
      `${this.what()} stale before the evaluator started`,
    );
    this.activeChange.since = since;
  }

  seen(ts: number): ConditionChange | null {
    if (!(ts <= this.lastSeen)) this.lastSeen = ts;
    const raised = this.activeChange;
    if (raised === null) return null;
    const silentS = (ts - raised.since) / 1000;
    this.activeChange = null;
    return this.change(false, ts, { silentS }, `${this.what()} again after ${silentS} s`);
  }

  check(now: number): ConditionChange | null {
    if (this.activeChange !== null || Number.isNaN(this.lastSeen)) return null;
    if (now - this.lastSeen <= this.limitMs) return null;
    const silentS = (now - this.lastSeen) / 1000;
    const limitS = this.limitMs / 1000;
    this.activeChange = this.change(
      true,
      now,
      { silentS, limitS },
      `no ${this.what()} for ${silentS} s (limit ${limitS} s)`,
    );
    return this.activeChange;
  }

  private what(): string {
    return this.rule.metric === undefined ? 'data' : `${this.rule.metric} data`;
  }

  private change(
    active: boolean,
    ts: number,
    values: Record<string, number>,
    text: string,
  ): ConditionChange {
    return {
      alarmKey: this.target.alarmKey,
      assetId: this.target.assetId,
      ruleId: this.rule.id,
      ruleVersion: this.rule.version,
      kind: 'stale',
      active,
      ts,
      since: active ? this.lastSeen : ts,
      values,
      text,
    };
  }
}
