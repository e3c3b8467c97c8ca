// Plausible C-Town junction telemetry for the alarm bench: pressure drifting slowly around a
// per-junction level, head = elevation + pressure, demand around the file's base demand; and the
// pressure surge the bench raises alarms with. Deterministic (seeded), shared by the pure
// evaluation and the publisher process, so both feed the rules the same kind of values.
import type { NetworkModel } from '@twinhelm/contracts';

/** What the value model and the rule set need to know about one junction. */
export interface BenchJunction {
  id: string;
  elevation: number;
  /** L/s, from the .inp file. */
  baseDemand: number;
  /** At a pump's suction: low pressure, other default rules (suction-pressure-low). */
  suction: boolean;
}

export interface JunctionReading {
  pressure: number;
  head: number;
  demand: number;
}

/** The surge: pressure in [SURGE_MIN_M, SURGE_MIN_M + 6) m, above the bench's high limit. */
export const SURGE_MIN_M = 84;
/** Normal junction pressure stays within this band (m), clear of every limit of the rule set. */
export const NORMAL_PRESSURE_M = { min: 30, max: 70 } as const;

const DRIFT_PERIOD_MS = 600_000;
const DEMAND_PERIOD_MS = 900_000;

/** mulberry32: a small seeded generator in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** C-Town's junctions (or any network's) in file order, pump suctions marked. */
export function benchJunctions(network: Pick<NetworkModel, 'nodes' | 'links'>): BenchJunction[] {
  const suction = new Set(network.links.filter((l) => l.type === 'pump').map((l) => l.from));
  return network.nodes.flatMap((node) =>
    node.type === 'junction'
      ? [
          {
            id: node.id,
            elevation: node.elevation,
            baseDemand: Math.max(0, node.baseDemand),
            suction: suction.has(node.id),
          },
        ]
      : [],
  );
}

interface Profile {
  level: number;
  amplitude: number;
  noise: number;
  phase: number;
}

/** Per-junction values over time; `reading` adds a little noise, `modelled` is the smooth part. */
export class JunctionValues {
  private readonly profiles: Profile[];
  private readonly random: () => number;

  constructor(
    readonly junctions: readonly BenchJunction[],
    seed = 42,
  ) {
    const setup = seeded(seed);
    this.random = seeded(seed + 1);
    this.profiles = junctions.map((j) =>
      j.suction
        ? { level: 4 + 4 * setup(), amplitude: 0.4, noise: 0.1, phase: 2 * Math.PI * setup() }
        : { level: 36 + 28 * setup(), amplitude: 3, noise: 0.3, phase: 2 * Math.PI * setup() },
    );
  }

  /** The smooth pressure (what a nowcast would model) of junction `index` at `t` (ms). */
  modelled(index: number, t: number): number {
    const p = this.profiles[index];
    if (!p)
      throw new Error(`junction index ${index} out of range (0–${this.junctions.length - 1})`);
    return p.level + p.amplitude * Math.sin((2 * Math.PI * t) / DRIFT_PERIOD_MS + p.phase);
  }

  /** One message's values; `surge` puts the pressure above the bench's high limit. */
  reading(index: number, t: number, surge: boolean): JunctionReading {
    const junction = this.junctions[index];
    const p = this.profiles[index];
    if (!junction || !p)
      throw new Error(`junction index ${index} out of range (0–${this.junctions.length - 1})`);
    const pressure = surge
      ? SURGE_MIN_M + 6 * this.random()
      : this.modelled(index, t) + p.noise * (2 * this.random() - 1);
    const daily = 1 + 0.2 * Math.sin((2 * Math.PI * t) / DEMAND_PERIOD_MS + p.phase);
    const demand = junction.baseDemand * (daily + 0.01 * (2 * this.random() - 1));
    return {
      pressure: round3(pressure),
      head: round3(junction.elevation + pressure),
      demand: round3(Math.max(0, demand)),
    };
  }
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;
