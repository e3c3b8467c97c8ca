import { CountType, LinkProperty, NodeProperty, type Project, type TimeParameter } from 'epanet-js';

/**
 * Every change a run makes to an open project, kept so that overlapping perturbations combine
 * (demand multipliers multiply, leaks and fire flows add, suspended controls nest) and so that
 * `restore()` returns the project to the file's state for the next run.
 */
export class RunEdits {
  private readonly baseDemands = new Map<string, number>();
  private readonly multipliers = new Map<number, number[]>();
  private readonly extraDemand = new Map<number, { category: number; flows: number[] }>();
  private readonly emitters = new Map<number, { original: number; added: number[] }>();
  private readonly controls = new Map<number, { original: number; holds: number }>();
  private readonly rules = new Map<number, { original: number; holds: number }>();
  private readonly undo: (() => void)[] = [];
  private hasConstant = false;

  constructor(private readonly project: Project) {}

  /** Records how to undo a change made outside this class (time parameters, demand model). */
  onRestore(fn: () => void): void {
    this.undo.push(fn);
  }

  /** Sets a time parameter for this run. */
  setTime(param: TimeParameter, value: number): void {
    const before = this.project.getTimeParameter(param);
    this.undo.push(() => this.project.setTimeParameter(param, before));
    this.project.setTimeParameter(param, value);
  }

  /** Sets a node property (tank initial level…) for this run. */
  setNode(node: number, property: NodeProperty, value: number): void {
    const before = this.project.getNodeValue(node, property);
    this.undo.push(() => this.project.setNodeValue(node, property, before));
    this.project.setNodeValue(node, property, value);
  }

  /** Sets a link property (pipe roughness…) for this run. */
  setLink(link: number, property: LinkProperty, value: number): void {
    const before = this.project.getLinkValue(link, property);
    this.undo.push(() => this.project.setLinkValue(link, property, before));
    this.project.setLinkValue(link, property, value);
  }

  /** Adds (before the run) a constant demand category (no pattern) for extra flows at a junction. */
  reserveExtraDemand(node: number): void {
    if (this.extraDemand.has(node)) return;
    this.project.addDemand(node, 0, this.constantPattern(), 'twinhelm-extra');
    const category = this.project.getNumberOfDemands(node);
    this.extraDemand.set(node, { category, flows: [] });
    this.undo.push(() => this.project.deleteDemand(node, category));
  }

  addExtraDemand(node: number, flow: number, on: boolean): void {
    const entry = this.extraDemand.get(node);
    if (!entry) throw new Error(`node ${node}: extra demand was not reserved before the run`);
    toggle(entry.flows, flow, on);
    this.project.setBaseDemand(
      node,
      entry.category,
      entry.flows.reduce((a, b) => a + b, 0),
    );
  }

  multiplyDemand(node: number, factor: number, on: boolean): void {
    const list = this.multipliers.get(node) ?? [];
    toggle(list, factor, on);
    this.multipliers.set(node, list);
    const product = list.reduce((a, b) => a * b, 1);
    const categories = this.project.getNumberOfDemands(node);
    for (let c = 1; c <= categories; c++) {
      if (this.extraDemand.get(node)?.category === c) continue;
      const key = `${node}:${c}`;
      let base = this.baseDemands.get(key);
      if (base === undefined) {
        base = this.project.getBaseDemand(node, c);
        this.baseDemands.set(key, base);
        const original = base;
        this.undo.push(() => this.project.setBaseDemand(node, c, original));
      }
      this.project.setBaseDemand(node, c, base * product);
    }
  }

  addLeak(node: number, coefficient: number, on: boolean): void {
    let entry = this.emitters.get(node);
    if (!entry) {
      const original = this.project.getNodeValue(node, NodeProperty.Emitter);
      entry = { original, added: [] };
      this.emitters.set(node, entry);
      this.undo.push(() => this.project.setNodeValue(node, NodeProperty.Emitter, original));
    }
    toggle(entry.added, coefficient, on);
    const total = entry.original + entry.added.reduce((a, b) => a + b, 0);
    this.project.setNodeValue(node, NodeProperty.Emitter, total);
  }

  /** Suspends (or resumes) one simple control; holds nest. */
  holdControl(index: number, on: boolean): void {
    this.hold(this.controls, index, on, {
      get: (i) => this.project.getControlEnabled(i),
      set: (i, v) => this.project.setControlEnabled(i, v),
    });
  }

  /** Suspends (or resumes) every simple control and rule acting on a link. */
  holdLinkControls(link: number, on: boolean): void {
    for (let i = 1; i <= this.project.getCount(CountType.ControlCount); i++) {
      if (this.project.getControl(i).linkIndex === link) this.holdControl(i, on);
    }
    for (let r = 1; r <= this.project.getCount(CountType.RuleCount); r++) {
      if (this.ruleActsOn(r, link)) {
        this.hold(this.rules, r, on, {
          get: (i) => this.project.getRuleEnabled(i),
          set: (i, v) => this.project.setRuleEnabled(i, v),
        });
      }
    }
  }

  /** The link's current status and setting, to put back when an override ends. */
  linkState(link: number): { status: number; setting: number } {
    return {
      status: this.project.getLinkValue(link, LinkProperty.Status),
      setting: this.project.getLinkValue(link, LinkProperty.Setting),
    };
  }

  restore(): void {
    while (this.undo.length > 0) this.undo.pop()?.();
  }

  /** A pattern of 1.0 (a demand without one would follow the file's default pattern). */
  private constantPattern(): string {
    const id = 'TWINHELM-CONST';
    if (!this.hasConstant) {
      this.project.addPattern(id);
      this.project.setPattern(this.project.getPatternIndex(id), [1]);
      this.undo.push(() => this.project.deletePattern(this.project.getPatternIndex(id)));
      this.hasConstant = true;
    }
    return id;
  }

  private ruleActsOn(rule: number, link: number): boolean {
    const { thenActionCount, elseActionCount } = this.project.getRule(rule);
    for (let a = 1; a <= thenActionCount; a++) {
      if (this.project.getThenAction(rule, a).linkIndex === link) return true;
    }
    for (let a = 1; a <= elseActionCount; a++) {
      if (this.project.getElseAction(rule, a).linkIndex === link) return true;
    }
    return false;
  }

  private hold(
    table: Map<number, { original: number; holds: number }>,
    index: number,
    on: boolean,
    io: { get: (i: number) => number; set: (i: number, v: number) => void },
  ): void {
    let entry = table.get(index);
    if (!entry) {
      const original = io.get(index);
      entry = { original, holds: 0 };
      table.set(index, entry);
      this.undo.push(() => io.set(index, original));
    }
    entry.holds += on ? 1 : -1;
    io.set(index, entry.holds > 0 ? 0 : entry.original);
  }
}

function toggle(list: number[], value: number, on: boolean): void {
  if (on) {
    list.push(value);
    return;
  }
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
}
