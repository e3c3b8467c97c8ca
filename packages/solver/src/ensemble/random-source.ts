/** A uniform random source in [0, 1). Injected wherever the ensemble draws, so tests can pin it. */
export type RandomSource = () => number;

/**
 * The random source of one ensemble member: mulberry32 over a seed mixed from the scenario's
 * seed and the member's index (murmur3's finaliser), so members are independent of each other
 * and of the order in which they run.
 */
export function memberRandom(seed: number, member: number): RandomSource {
  let state = mix(Math.imul(seed | 0, 0x9e3779b1) ^ mix(member + 1));
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A standard normal draw (Box-Muller; one draw per call keeps members' sequences simple). */
export function standardNormal(random: RandomSource): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A lognormal factor with median 1 whose relative standard deviation is `spread`
 * (σ = √ln(1 + spread²)); 1 when spread is 0.
 */
export function lognormalFactor(random: RandomSource, spread: number): number {
  if (spread <= 0) return 1;
  return Math.exp(Math.sqrt(Math.log(1 + spread * spread)) * standardNormal(random));
}
