import { THRESHOLD_LIMIT_NAMES, type AlarmRule, type ConditionChange } from '@twinhelm/contracts';

/** Identity of one rule at one asset, copied into every change it produces. */
export interface RuleTarget {
  alarmKey: string;
  assetId: string;
  rule: AlarmRule;
}

export const alarmKeyOf = (assetId: string, ruleId: string): string => `${assetId}/${ruleId}`;

const fmt = (x: number): string => String(Math.round(x * 1000) / 1000);

/** On/off delays measured in sample time: a flip needs the raw condition to hold that long. */
class Debounce {
  active = false;
  since = 0;
  private pendingSince = Number.NaN;

  constructor(
    private readonly onMs: number,
    private readonly offMs: number,
  ) {}

  /** Feeds the raw condition at `ts`; true when the debounced state flips. */
  step(raw: boolean, ts: number): boolean {
    if (raw === this.active) {
      this.pendingSince = Number.NaN;
      return false;
    }
    if (Number.isNaN(this.pendingSince)) this.pendingSince = ts;
    if (ts - this.pendingSince < (raw ? this.onMs : this.offMs)) return false;
    this.active = raw;
    this.since = this.pendingSince;
    this.pendingSince = Number.NaN;
    return true;
  }
}

/** A rule's condition at one asset. `role` says which input a sample feeds (0 = the main one). */
export abstract class ConditionHandler {
  protected readonly debounce: Debounce;
  private lastChange: ConditionChange | null = null;

  constructor(readonly target: RuleTarget) {
    this.debounce = new Debounce(target.rule.onDelayS * 1000, target.rule.offDelayS * 1000);
  }

  abstract onSample(role: number, value: number, ts: number): ConditionChange | null;

  get active(): boolean {
    return this.debounce.active;
  }

  /** Starts active: a condition raised before this evaluator existed (restart, new rules). */
  restoreActive(since: number): void {
    this.debounce.active = true;
    this.debounce.since = since;
    this.emit(since, {}, 'active before the evaluator started');
  }

  /** The change that raised the condition, while it is active. */
  current(): ConditionChange | null {
    return this.debounce.active ? this.lastChange : null;
  }

  /** Builds the change after a flip of the debounced state (values and text only then). */
  protected emit(ts: number, values: Record<string, number>, text: string): ConditionChange {
    const change: ConditionChange = {
      alarmKey: this.target.alarmKey,
      assetId: this.target.assetId,
      ruleId: this.target.rule.id,
      ruleVersion: this.target.rule.version,
      kind: this.target.rule.kind,
      active: this.debounce.active,
      ts,
      since: this.debounce.since,
      values,
      text,
    };
    this.lastChange = change;
    return change;
  }
}

type RuleOf<K extends AlarmRule['kind']> = AlarmRule & { kind: K };

export class ThresholdHandler extends ConditionHandler {
  private readonly high: boolean;

  constructor(
    target: RuleTarget,
    private readonly rule: RuleOf<'threshold'>,
  ) {
    super(target);
    this.high = rule.limit === 'h' || rule.limit === 'hh';
  }

  onSample(_role: number, value: number, ts: number): ConditionChange | null {
    const { setpoint, deadband } = this.rule;
    const active = this.debounce.active;
    const raw = this.high
      ? value > (active ? setpoint - deadband : setpoint)
      : value < (active ? setpoint + deadband : setpoint);
    if (!this.debounce.step(raw, ts)) return null;
    const on = this.debounce.active;
    return this.emit(
      ts,
      { value, setpoint, deadband },
      `${this.rule.metric} ${fmt(value)} ${on ? '' : 'back '}${this.high === on ? 'above' : 'below'} ${THRESHOLD_LIMIT_NAMES[this.rule.limit]} ${fmt(setpoint)}`,
    );
  }
}

export class RateHandler extends ConditionHandler {
  private times: number[] = [];
  private values: number[] = [];
  private head = 0;
  private readonly windowMs: number;

  constructor(
    target: RuleTarget,
    private readonly rule: RuleOf<'rate'>,
  ) {
    super(target);
    this.windowMs = rule.windowS * 1000;
  }

  onSample(_role: number, value: number, ts: number): ConditionChange | null {
    this.times.push(ts);
    this.values.push(value);
    const last = this.times.length - 1;
    // Anchor on the newest sample that is at least one window old.
    while (this.head + 1 < last && ts - this.times[this.head + 1]! >= this.windowMs) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.values = this.values.slice(this.head);
      this.head = 0;
    }
    const spanMs = ts - this.times[this.head]!;
    if (this.head === this.times.length - 1 || spanMs < this.windowMs) return null;
    const perMin = ((value - this.values[this.head]!) / spanMs) * 60_000;
    const signed =
      this.rule.direction === 'rise'
        ? perMin
        : this.rule.direction === 'fall'
          ? -perMin
          : Math.abs(perMin);
    const limit = this.debounce.active
      ? this.rule.maxPerMin - this.rule.deadband
      : this.rule.maxPerMin;
    if (!this.debounce.step(signed > limit, ts)) return null;
    return this.emit(
      ts,
      { value, ratePerMin: perMin, maxPerMin: this.rule.maxPerMin },
      `${this.rule.metric} changing ${fmt(perMin)}/min, ${this.debounce.active ? 'beyond' : 'back within'} ${fmt(this.rule.maxPerMin)}/min`,
    );
  }
}

export const MISMATCH_COMMAND = 0;
export const MISMATCH_FEEDBACK = 1;

export class MismatchHandler extends ConditionHandler {
  private command = Number.NaN;
  private feedback = Number.NaN;

  constructor(
    target: RuleTarget,
    private readonly rule: RuleOf<'mismatch'>,
  ) {
    super(target);
  }

  onSample(role: number, value: number, ts: number): ConditionChange | null {
    if (role === MISMATCH_COMMAND) this.command = value;
    else this.feedback = value;
    if (Number.isNaN(this.command) || Number.isNaN(this.feedback)) return null;
    const commandedOn = this.command >= 0.5;
    const running = this.feedback >= this.rule.feedbackMin;
    if (!this.debounce.step(commandedOn !== running, ts)) return null;
    const { command, feedback } = this;
    const { commandMetric, feedbackMetric, feedbackMin } = this.rule;
    return this.emit(
      ts,
      { command, feedback, feedbackMin },
      this.debounce.active
        ? `${commandMetric} ${commandedOn ? 'on' : 'off'} but ${feedbackMetric} ${fmt(feedback)} ${running ? '≥' : '<'} ${fmt(feedbackMin)}`
        : `${commandMetric} and ${feedbackMetric} agree again (${fmt(command)}, ${fmt(feedback)})`,
    );
  }
}

export const RESIDUAL_MEASURED = 0;
export const RESIDUAL_MODEL = 1;

/** Evaluated on measured samples against the latest modelled value no older than maxModelAgeS. */
export class ResidualHandler extends ConditionHandler {
  private model = Number.NaN;
  private modelTs = Number.NaN;
  private readonly maxAgeMs: number;

  constructor(
    target: RuleTarget,
    private readonly rule: RuleOf<'residual'>,
  ) {
    super(target);
    this.maxAgeMs = rule.maxModelAgeS * 1000;
  }

  onSample(role: number, value: number, ts: number): ConditionChange | null {
    if (role === RESIDUAL_MODEL) {
      this.model = value;
      this.modelTs = ts;
      return null;
    }
    if (Number.isNaN(this.model) || Math.abs(ts - this.modelTs) > this.maxAgeMs) return null;
    const residual = value - this.model;
    const { band, deadband, metric } = this.rule;
    const limit = this.debounce.active ? band - deadband : band;
    if (!this.debounce.step(Math.abs(residual) > limit, ts)) return null;
    const modelled = this.model;
    return this.emit(
      ts,
      { measured: value, modelled, residual, band },
      `${metric} measured ${fmt(value)} vs model ${fmt(modelled)}: residual ${fmt(residual)} ${this.debounce.active ? 'beyond' : 'back within'} ±${fmt(band)}`,
    );
  }
}

export class PredictionHandler extends ConditionHandler {
  constructor(
    target: RuleTarget,
    private readonly rule: RuleOf<'prediction'>,
  ) {
    super(target);
  }

  onSample(_role: number, hours: number, ts: number): ConditionChange | null {
    const { withinH, deadband } = this.rule;
    const raw = hours <= (this.debounce.active ? withinH + deadband : withinH);
    if (!this.debounce.step(raw, ts)) return null;
    return this.emit(
      ts,
      { hours, withinH },
      this.debounce.active
        ? `predicted empty in ${fmt(hours)} h (within ${fmt(withinH)} h)`
        : `predicted time to empty ${fmt(hours)} h, beyond ${fmt(withinH)} h again`,
    );
  }
}
