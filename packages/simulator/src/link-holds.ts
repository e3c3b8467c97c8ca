import { CountType, LinkProperty, type Project } from 'epanet-js';

/** A hand setting of a link: its status (0 closed, 1 open) and/or its setting. */
export interface HandEdit {
  status?: 0 | 1;
  setting?: number;
}

interface Hold {
  reason: 'trip' | 'hand';
  /** The controls and rules acting on the link that the hold switched off. */
  controls: number[];
  rules: number[];
  /** trip: the status before it, restored at its end. */
  status?: number;
  /** hand: what was set, applied again after a restart of the run. */
  edit?: HandEdit;
  /** hand: status and setting before the first hand edit, restored at handBack(). */
  before?: { status: number; setting: number };
}

/** EPANET reports a fixed-open valve's setting as "missing" (about 1e10). */
const FIXED_SETTING = 1e9;

/**
 * Links taken out of automatic control in one EPANET project: tripped (forced closed) or set
 * by hand. While held, the simple controls and rules acting on a link are disabled; both kinds
 * give the link back as it was before and switch those controls and rules on again.
 */
export class LinkHolds {
  private readonly holds = new Map<number, Hold>();

  constructor(private readonly project: Project) {}

  /** Forces a link closed (a hand setting it had ends). */
  forceClosed(linkIndex: number): void {
    const hold = this.holds.get(linkIndex);
    if (hold?.reason === 'trip') return;
    const status = this.project.getLinkValue(linkIndex, LinkProperty.Status);
    const base = hold ?? this.suspendControls(linkIndex);
    this.holds.set(linkIndex, {
      controls: base.controls,
      rules: base.rules,
      reason: 'trip',
      status,
    });
    this.project.setLinkValue(linkIndex, LinkProperty.Status, 0);
  }

  /** Ends a trip: the status from before it, then its controls and rules. */
  release(linkIndex: number): void {
    const hold = this.holds.get(linkIndex);
    if (hold?.reason !== 'trip') return;
    this.resumeControls(linkIndex, hold);
    this.project.setLinkValue(linkIndex, LinkProperty.Status, hold.status ?? 1);
  }

  isForcedClosed(linkIndex: number): boolean {
    return this.holds.get(linkIndex)?.reason === 'trip';
  }

  /** Sets a link by hand; a tripped link is left alone (the caller refuses it). */
  setByHand(linkIndex: number, edit: HandEdit): void {
    const hold = this.holds.get(linkIndex);
    if (hold?.reason === 'trip') return;
    const before = hold?.before ?? {
      status: this.project.getLinkValue(linkIndex, LinkProperty.Status),
      setting: this.project.getLinkValue(linkIndex, LinkProperty.Setting),
    };
    this.holds.set(linkIndex, {
      ...(hold ?? this.suspendControls(linkIndex)),
      reason: 'hand',
      edit,
      before,
    });
    this.applyEdit(linkIndex, edit);
  }

  /** Ends a hand setting: the state from before it, then its controls and rules. */
  handBack(linkIndex: number): void {
    const hold = this.holds.get(linkIndex);
    if (hold?.reason !== 'hand') return;
    const { status, setting } = hold.before ?? { status: 1, setting: FIXED_SETTING };
    if (status === 0) this.project.setLinkValue(linkIndex, LinkProperty.Status, 0);
    else if (Math.abs(setting) >= FIXED_SETTING)
      this.project.setLinkValue(linkIndex, LinkProperty.Status, 1);
    else this.project.setLinkValue(linkIndex, LinkProperty.Setting, setting);
    this.resumeControls(linkIndex, hold);
  }

  /** After a new run was opened: every hold's state again (controls stay off). */
  reapply(): void {
    for (const [linkIndex, hold] of this.holds) {
      if (hold.reason === 'trip') this.project.setLinkValue(linkIndex, LinkProperty.Status, 0);
      else if (hold.edit !== undefined) this.applyEdit(linkIndex, hold.edit);
    }
  }

  private applyEdit(linkIndex: number, edit: HandEdit): void {
    if (edit.status !== undefined)
      this.project.setLinkValue(linkIndex, LinkProperty.Status, edit.status);
    if (edit.setting !== undefined)
      this.project.setLinkValue(linkIndex, LinkProperty.Setting, edit.setting);
  }

  private suspendControls(linkIndex: number): { controls: number[]; rules: number[] } {
    const { project } = this;
    const controls: number[] = [];
    for (let c = 1; c <= project.getCount(CountType.ControlCount); c += 1) {
      if (project.getControl(c).linkIndex === linkIndex && project.getControlEnabled(c) === 1) {
        project.setControlEnabled(c, 0);
        controls.push(c);
      }
    }
    const rules: number[] = [];
    for (let r = 1; r <= project.getCount(CountType.RuleCount); r += 1) {
      if (this.ruleActsOn(r, linkIndex) && project.getRuleEnabled(r) === 1) {
        project.setRuleEnabled(r, 0);
        rules.push(r);
      }
    }
    return { controls, rules };
  }

  private resumeControls(linkIndex: number, hold: Hold): void {
    this.holds.delete(linkIndex);
    for (const c of hold.controls) this.project.setControlEnabled(c, 1);
    for (const r of hold.rules) this.project.setRuleEnabled(r, 1);
  }

  private ruleActsOn(rule: number, linkIndex: number): boolean {
    const { thenActionCount, elseActionCount } = this.project.getRule(rule);
    for (let a = 1; a <= thenActionCount; a += 1) {
      if (this.project.getThenAction(rule, a).linkIndex === linkIndex) return true;
    }
    for (let a = 1; a <= elseActionCount; a += 1) {
      if (this.project.getElseAction(rule, a).linkIndex === linkIndex) return true;
    }
    return false;
  }
}
