// Which junction the bench raises or clears next: toggles alternate raise, clear, raise, …;
// raise k hits victim k mod V, and the clear after raise k + HOLD releases victim k, so each
// surge lasts HOLD toggle pairs and raises and clears land on different junctions.
import type { BenchJunction } from './junction-values';

export interface SurgeToggle {
  /** Junction index (in the bench's junction list). */
  index: number;
  /** true: the surge starts (raise); false: it ends (clear). */
  active: boolean;
}

export class SurgeSchedule {
  /** Junction indices taking surges: non-suction junctions spread over the network. */
  readonly victims: number[];

  constructor(
    junctions: readonly BenchJunction[],
    victimCount: number,
    /** Toggle pairs a surge lasts (at 20 toggles/s, 10 = 1 s). */
    readonly hold: number,
  ) {
    const candidates = junctions.flatMap((j, index) => (j.suction ? [] : [index]));
    const count = Math.min(victimCount, candidates.length);
    if (count <= hold)
      throw new Error(
        `the surge schedule needs more victims (${count}) than surges held at once (${hold}): lower the hold or use a larger network`,
      );
    const step = candidates.length / count;
    this.victims = Array.from({ length: count }, (_, k) => candidates[Math.floor(k * step)] ?? 0);
  }

  /** The v-th toggle (v = 0, 1, …); null for the clears before the first surge has lasted. */
  toggle(v: number): SurgeToggle | null {
    const pair = Math.floor(v / 2);
    if (v % 2 === 0) return { index: this.victim(pair), active: true };
    const released = pair - this.hold;
    return released < 0 ? null : { index: this.victim(released), active: false };
  }

  /** The clears that end every surge still running after `toggles` toggles. */
  closing(toggles: number): SurgeToggle[] {
    const raised = Math.ceil(toggles / 2);
    const released = Math.max(0, Math.floor(toggles / 2) - this.hold);
    const clears: SurgeToggle[] = [];
    for (let k = released; k < raised; k++) clears.push({ index: this.victim(k), active: false });
    return clears;
  }

  private victim(k: number): number {
    return this.victims[k % this.victims.length] ?? 0;
  }
}
