/** The network elements the simulator knows, read from EPANET by the hydraulic engine. */
export type NodeKind = 'junction' | 'reservoir' | 'tank';
export type LinkKind = 'pipe' | 'pump' | 'valve';

export interface NetworkNode {
  /** EPANET's 1-based node index. */
  index: number;
  id: string;
  kind: NodeKind;
  x: number;
  y: number;
  elevationM: number;
  /** District (DMA) of a junction: its demand pattern id without a trailing "_pat"; none without demand. */
  district?: string;
  /** Tanks only. */
  minLevelM?: number;
  maxLevelM?: number;
}

export interface NetworkLink {
  /** EPANET's 1-based link index. */
  index: number;
  id: string;
  kind: LinkKind;
  /** EPANET valve type for valves (PRV, PSV, PBV, FCV, TCV, GPV, PCV). */
  valveType?: string;
  fromId: string;
  toId: string;
  /** Pumps only: the flow of the head curve's design point, L/s. */
  designFlowLps?: number;
}
