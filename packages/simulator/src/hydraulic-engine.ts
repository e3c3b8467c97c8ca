import {
  DemandModel,
  CountType,
  InitHydOption,
  LinkProperty,
  NodeProperty,
  NodeType,
  Project,
  TimeParameter,
  Workspace,
} from 'epanet-js';
import { districtOfPattern } from '@twinhelm/solver';
import { type HandEdit, LinkHolds } from './link-holds';
import { readLinks, readNodes } from './read-network';
import { type NetworkLink, type NetworkNode } from './network-elements';
import { type UnitFactors, unitFactors } from './units';

/** Pressure at which a junction gets its full demand (m), and EPANET's usual PDA exponent. */
const PDA_FULL_DEMAND_PRESSURE_M = 20;
const PDA_EXPONENT = 0.5;

export interface HydraulicEngineOptions {
  /** Longest hydraulic step, plant seconds: readings lag plant time by at most this much. */
  hydStepS: number;
  /** Simulated horizon before the engine restarts from the current tank levels. */
  horizonS: number;
}

const INP_FILE = 'plant.inp';

/**
 * One open EPANET project stepped forward in time (openH/initH/runH/nextH). Every call is
 * synchronous: run it in a worker thread, never on a server's event loop.
 */
export class HydraulicEngine {
  readonly nodes: readonly NetworkNode[];
  readonly links: readonly NetworkLink[];
  readonly units: UnitFactors;
  private readonly baseDemands = new Map<number, number[]>();
  /** Links out of automatic control: tripped (forced closed) or set by hand. */
  private readonly holds: LinkHolds;
  private readonly patternStartS: number;
  private readonly clockStartS: number;
  private offsetS = 0;
  private warningCount = 0;
  private solvedS = 0;

  private constructor(
    private readonly project: Project,
    private readonly options: HydraulicEngineOptions,
  ) {
    this.units = unitFactors(project.getFlowUnits());
    this.holds = new LinkHolds(project);
    this.nodes = readNodes(project, this.units, (index) => this.districtOf(index));
    this.links = readLinks(project, this.units);
    for (const node of this.nodes) {
      if (node.kind !== 'junction') continue;
      const count = project.getNumberOfDemands(node.index);
      const demands: number[] = [];
      for (let d = 1; d <= count; d += 1) demands.push(project.getBaseDemand(node.index, d));
      this.baseDemands.set(node.index, demands);
    }
    this.patternStartS = project.getTimeParameter(TimeParameter.PatternStart);
    this.clockStartS = project.getTimeParameter(TimeParameter.StartTime);
    project.setTimeParameter(TimeParameter.Duration, options.horizonS);
    project.setTimeParameter(TimeParameter.HydStep, options.hydStepS);
    // A real plant's demand falls with its pressure: a zone cut off from supply reads about
    // 0 m, not the millions of negative metres a demand-driven solve reports once its tank is
    // empty. EPANET's pressure-driven analysis (no demand at 0 m, full demand at 20 m).
    project.setDemandModel(
      DemandModel.PDA,
      0,
      PDA_FULL_DEMAND_PRESSURE_M / this.units.lengthToM,
      PDA_EXPONENT,
    );
  }

  static async open(inpText: string, options: HydraulicEngineOptions): Promise<HydraulicEngine> {
    const workspace = new Workspace();
    await workspace.loadModule();
    const project = new Project(workspace);
    workspace.writeFile(INP_FILE, inpText);
    try {
      project.open(INP_FILE, 'plant.rpt', '');
    } catch (error) {
      throw new Error(`the network file could not be opened by EPANET: ${String(error)}`, {
        cause: error,
      });
    }
    if (project.getCount(CountType.NodeCount) === 0) {
      throw new Error('the network file holds no nodes: check that it is an EPANET .inp file');
    }
    return new HydraulicEngine(project, options);
  }

  /** Plant time of the current solution, seconds since the start. */
  get timeS(): number {
    return this.offsetS + this.solvedS;
  }

  /** Starts the hydraulic run and solves time 0. */
  start(beforeSolve: (timeS: number) => void): void {
    this.project.openH();
    this.project.initH(InitHydOption.NoSave);
    beforeSolve(this.timeS);
    this.solvedS = this.solve();
  }

  /** Solves successive steps until the solution time reaches targetS; returns the steps solved. */
  advanceTo(targetS: number, beforeSolve: (timeS: number) => void): number {
    let steps = 0;
    while (this.timeS < targetS) {
      const step = this.project.nextH();
      if (step <= 0) this.restartFromCurrentLevels();
      beforeSolve(this.timeS);
      this.solvedS = this.solve();
      steps += 1;
    }
    return steps;
  }

  /** EPANET warnings (negative pressures, pumps out of range…) counted instead of printed. */
  get warnings(): number {
    return this.warningCount;
  }

  /** Scales every demand of a junction by a multiplier of its base demands. */
  setDemandMultiplier(nodeIndex: number, multiplier: number): void {
    const demands = this.baseDemands.get(nodeIndex) ?? [];
    demands.forEach((base, i) => this.project.setBaseDemand(nodeIndex, i + 1, base * multiplier));
  }

  headM(nodeIndex: number): number {
    return this.project.getNodeValue(nodeIndex, NodeProperty.Head) * this.units.lengthToM;
  }

  linkValue(
    linkIndex: number,
    property: 'flow' | 'velocity' | 'status' | 'setting' | 'power',
  ): number {
    switch (property) {
      case 'flow':
        return this.project.getLinkValue(linkIndex, LinkProperty.Flow) * this.units.flowToLps;
      case 'velocity':
        return this.project.getLinkValue(linkIndex, LinkProperty.Velocity) * this.units.lengthToM;
      case 'status':
        return this.project.getLinkValue(linkIndex, LinkProperty.Status);
      case 'setting':
        return this.project.getLinkValue(linkIndex, LinkProperty.Setting);
      case 'power':
        return this.project.getLinkValue(linkIndex, LinkProperty.Energy);
    }
  }

  /** Forces a link closed and suspends the controls and rules that act on it (a hand setting ends). */
  forceClosed(linkIndex: number): void {
    this.holds.forceClosed(linkIndex);
  }

  /** Gives a forced link back: restores its previous status and its controls and rules. */
  release(linkIndex: number): void {
    this.holds.release(linkIndex);
  }

  /** True while a link is forced closed by a trip. */
  isForcedClosed(linkIndex: number): boolean {
    return this.holds.isForcedClosed(linkIndex);
  }

  /**
   * Sets a link by hand (status 0/1, or a setting: a pump's relative speed, a valve's setting in
   * the file's units) with its controls and rules suspended until handBack(). A tripped link is
   * left alone (the caller refuses it).
   */
  setByHand(linkIndex: number, edit: HandEdit): void {
    this.holds.setByHand(linkIndex, edit);
  }

  /** Ends a hand setting: the link's state from before it, then its controls and rules. */
  handBack(linkIndex: number): void {
    this.holds.handBack(linkIndex);
  }

  close(): void {
    this.project.closeH();
    this.project.close();
  }

  /** runH with epanet-js's console.warn output counted, not printed (the call is synchronous). */
  private solve(): number {
    const warn = console.warn;
    console.warn = () => {
      this.warningCount += 1;
    };
    try {
      return this.project.runH();
    } finally {
      console.warn = warn;
    }
  }

  /** At the end of the horizon: start a new run from the current tank levels and pattern phase. */
  private restartFromCurrentLevels(): void {
    const levels = this.nodes
      .filter((node) => node.kind === 'tank')
      .map((node) => ({
        index: node.index,
        level:
          this.project.getNodeValue(node.index, NodeProperty.Head) -
          node.elevationM / this.units.lengthToM,
      }));
    this.project.closeH();
    this.offsetS += this.solvedS;
    this.solvedS = 0;
    for (const { index, level } of levels)
      this.project.setNodeValue(index, NodeProperty.TankLevel, level);
    this.project.setTimeParameter(TimeParameter.PatternStart, this.patternStartS + this.offsetS);
    this.project.setTimeParameter(
      TimeParameter.StartTime,
      (this.clockStartS + this.offsetS) % 86400,
    );
    this.project.openH();
    this.project.initH(InitHydOption.NoSave);
    this.holds.reapply();
  }

  private districtOf(nodeIndex: number): string | undefined {
    if (this.project.getNodeType(nodeIndex) !== NodeType.Junction) return undefined;
    if (this.project.getNumberOfDemands(nodeIndex) === 0) return undefined;
    const pattern = this.project.getDemandPattern(nodeIndex, 1);
    const patternId = pattern > 0 ? this.project.getPatternId(pattern) : undefined;
    return districtOfPattern(patternId, this.project.getBaseDemand(nodeIndex, 1));
  }
}
