import { pickOne, type RandomSource, uniformBetween } from './random';

/**
 * pump_precursor: vibration and bearing temperature climb (the pump still runs);
 * pump_trip: the pump is forced closed in EPANET, hydraulics react;
 * sensor_dropout: the asset publishes nothing; stuck_value: the asset repeats its last values.
 */
export type FaultKind = 'pump_precursor' | 'pump_trip' | 'sensor_dropout' | 'stuck_value';
export type FaultEdge = 'start' | 'end';
/** scheduled: drawn by the seeded Poisson process; injected: asked for (injectFault). */
export type FaultOrigin = 'scheduled' | 'injected';

export interface FaultTransition {
  kind: FaultKind;
  edge: FaultEdge;
  assetId: string;
  origin: FaultOrigin;
}

export interface FaultEvent extends FaultTransition {
  /** Plant time of the transition, seconds since the simulation start. */
  plantTimeS: number;
  /** Wall-clock epoch milliseconds of the tick that applied it. */
  ts: number;
}

export interface FaultsOptions {
  enabled: boolean;
  /** Mean plant seconds between fault starts (a Poisson process). */
  meanIntervalS: number;
}

interface ActiveFault {
  kind: FaultKind;
  assetId: string;
  origin: FaultOrigin;
  startS: number;
  /** Infinity: until cleared. */
  untilS: number;
}

/** A fault in force, in plant seconds. */
export interface ActiveFaultView {
  kind: FaultKind;
  assetId: string;
  origin: FaultOrigin;
  plantStartS: number;
  /** null: until cleared. */
  plantEndS: number | null;
}

/** Plant-second duration ranges of each fault phase. */
export const FAULT_DURATIONS_S: Record<FaultKind, readonly [number, number]> = {
  pump_precursor: [1200, 2400],
  pump_trip: [3600, 10800],
  sensor_dropout: [600, 1800],
  stuck_value: [900, 2700],
};
const START_WEIGHTS: readonly [FaultKind, number][] = [
  ['pump_precursor', 0.3],
  ['sensor_dropout', 0.35],
  ['stuck_value', 0.35],
];

function poisson(random: RandomSource, mean: number): number {
  const limit = Math.exp(-Math.min(mean, 50));
  let k = 0;
  let p = random.next();
  while (p > limit) {
    k += 1;
    p *= random.next();
  }
  return k;
}

/** Seeded, occasional faults: decides when faults start and end; the simulator applies them. */
export class FaultScheduler {
  private readonly faults = new Map<string, ActiveFault>();

  constructor(
    private readonly random: RandomSource,
    private readonly options: FaultsOptions,
  ) {}

  faultOf(assetId: string): FaultKind | undefined {
    return this.faults.get(assetId)?.kind;
  }

  /** The faults in force, oldest first (ties by asset id). */
  active(): ActiveFaultView[] {
    return [...this.faults.values()]
      .sort((a, b) => a.startS - b.startS || (a.assetId < b.assetId ? -1 : 1))
      .map((fault) => ({
        kind: fault.kind,
        assetId: fault.assetId,
        origin: fault.origin,
        plantStartS: fault.startS,
        plantEndS: Number.isFinite(fault.untilS) ? fault.untilS : null,
      }));
  }

  /**
   * Starts a fault now, for durationS plant seconds or until cleared. A fault the asset already
   * has ends first (one fault per asset); an injected fault draws nothing from the random source.
   */
  inject(kind: FaultKind, assetId: string, nowS: number, durationS?: number): FaultTransition[] {
    const transitions = this.clear(assetId);
    this.faults.set(assetId, {
      kind,
      assetId,
      origin: 'injected',
      startS: nowS,
      untilS: durationS === undefined ? Infinity : nowS + durationS,
    });
    transitions.push({ kind, edge: 'start', assetId, origin: 'injected' });
    return transitions;
  }

  /** Ends the asset's fault now (a cleared precursor is not followed by a trip). */
  clear(assetId: string): FaultTransition[] {
    const fault = this.faults.get(assetId);
    if (fault === undefined) return [];
    this.faults.delete(assetId);
    return [{ kind: fault.kind, edge: 'end', assetId, origin: fault.origin }];
  }

  /** How far a pump is into its precursor, 0..1, or 1 while tripped. */
  degradation(assetId: string, nowS: number): number {
    const fault = this.faults.get(assetId);
    if (fault?.kind === 'pump_trip') return 1;
    if (fault?.kind !== 'pump_precursor') return 0;
    return Math.min(1, Math.max(0, (nowS - fault.startS) / (fault.untilS - fault.startS)));
  }

  advance(
    nowS: number,
    dtS: number,
    candidates: { runningPumps: readonly string[]; assets: readonly string[] },
  ): FaultTransition[] {
    const transitions: FaultTransition[] = [];
    for (const fault of [...this.faults.values()]) {
      if (fault.untilS > nowS) continue;
      this.faults.delete(fault.assetId);
      transitions.push({
        kind: fault.kind,
        edge: 'end',
        assetId: fault.assetId,
        origin: fault.origin,
      });
      if (fault.kind === 'pump_precursor')
        transitions.push(this.begin('pump_trip', fault.assetId, nowS));
    }
    if (!this.options.enabled || dtS <= 0) return transitions;
    const starts = poisson(this.random, dtS / this.options.meanIntervalS);
    for (let i = 0; i < starts; i += 1) {
      const kind = this.pickKind();
      const pool = kind === 'pump_precursor' ? candidates.runningPumps : candidates.assets;
      const assetId = pickOne(
        this.random,
        pool.filter((id) => !this.faults.has(id)),
      );
      if (assetId !== undefined) transitions.push(this.begin(kind, assetId, nowS));
    }
    return transitions;
  }

  private begin(kind: FaultKind, assetId: string, nowS: number): FaultTransition {
    const [low, high] = FAULT_DURATIONS_S[kind];
    this.faults.set(assetId, {
      kind,
      assetId,
      origin: 'scheduled',
      startS: nowS,
      untilS: nowS + uniformBetween(this.random, low, high),
    });
    return { kind, edge: 'start', assetId, origin: 'scheduled' };
  }

  private pickKind(): FaultKind {
    let draw = this.random.next();
    for (const [kind, weight] of START_WEIGHTS) {
      if (draw < weight) return kind;
      draw -= weight;
    }
    return 'stuck_value';
  }
}
