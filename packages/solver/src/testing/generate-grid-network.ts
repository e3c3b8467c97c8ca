import { seededRandom } from './seeded-random';

export interface GridNetworkOptions {
  rows: number;
  cols: number;
  seed: number;
  withCoordinates: boolean;
}

/** Distance between neighbouring grid junctions, m. */
const SPACING = 100;
/** Every TRUNK_EVERY-th row and column is a larger main. */
const TRUNK_EVERY = 10;

/**
 * A deterministic looped grid network in LPS / metres: rows x cols junctions J<r>_<c>, a
 * reservoir R1 feeding the grid through pump PU1, a tank T1 at the far corner, three valves
 * (PRV, FCV, TCV) on grid links, one demand pattern. Same options, same text.
 */
export function generateGridNetwork({
  rows,
  cols,
  seed,
  withCoordinates,
}: GridNetworkOptions): string {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 2 || cols < 2) {
    throw new Error(`grid ${rows}x${cols}: rows and cols must be integers of at least 2`);
  }
  const random = seededRandom(seed);
  const fixed = (v: number, digits = 2): string => v.toFixed(digits);
  const junction = (r: number, c: number): string => `J${r}_${c}`;
  const junctions: string[] = [];
  const coordinates: string[] = [];
  let totalDemand = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const elevation = 20 + (r + c) * (10 / (rows + cols)) + random() * 5;
      const demand = 0.01 + random() * 0.04;
      totalDemand += demand;
      junctions.push(`${junction(r, c)}\t${fixed(elevation)}\t${fixed(demand, 4)}\tDAY`);
      coordinates.push(`${junction(r, c)}\t${c * SPACING}\t${-r * SPACING}`);
    }
  }
  const valveAt = new Map<string, string>([
    [`${Math.floor(rows / 2)}_${Math.floor(cols / 3)}`, 'PRV\t45'],
    [`${Math.floor(rows / 3)}_${Math.floor(cols / 2)}`, `FCV\t${fixed(totalDemand / 100, 3)}`],
    [`${Math.floor((2 * rows) / 3)}_${Math.floor((2 * cols) / 3)}`, 'TCV\t5'],
  ]);
  const pipes: string[] = [];
  const valves: string[] = [];
  const link = (id: string, from: string, to: string, trunk: boolean): void => {
    const diameter = trunk ? 400 : 150;
    const length = SPACING * (0.95 + random() * 0.1);
    pipes.push(
      `${id}\t${from}\t${to}\t${fixed(length)}\t${diameter}\t${fixed(100 + random() * 30, 1)}\t0\tOpen`,
    );
  };
  let valveCount = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const here = junction(r, c);
      if (c + 1 < cols) {
        const valve = valveAt.get(`${r}_${c}`);
        if (valve)
          valves.push(`V${++valveCount}\t${here}\t${junction(r, c + 1)}\t150\t${valve}\t0`);
        else link(`P${r}_${c}_E`, here, junction(r, c + 1), r % TRUNK_EVERY === 0);
      }
      if (r + 1 < rows) link(`P${r}_${c}_S`, here, junction(r + 1, c), c % TRUNK_EVERY === 0);
    }
  }
  const last = junction(rows - 1, cols - 1);
  pipes.push(`P_T1\tT1\t${last}\t50\t400\t120\t0\tOpen`);
  const designFlow = Math.max(1, totalDemand * 1.2);
  const pattern = Array.from({ length: 24 }, (_, h) =>
    fixed(1 + 0.4 * Math.sin(((h - 6) / 24) * 2 * Math.PI), 3),
  );
  const sections = [
    `[TITLE]\nGenerated grid ${rows}x${cols} (seed ${seed})`,
    `[JUNCTIONS]\n;ID\tElev\tDemand\tPattern\n${junctions.join('\n')}`,
    `[RESERVOIRS]\n;ID\tHead\nR1\t30`,
    `[TANKS]\n;ID\tElev\tInit\tMin\tMax\tDiam\tMinVol\nT1\t60\t3\t0.5\t6\t25\t0`,
    `[PIPES]\n;ID\tNode1\tNode2\tLength\tDiameter\tRoughness\tMinorLoss\tStatus\n${pipes.join('\n')}`,
    `[PUMPS]\n;ID\tNode1\tNode2\tParameters\nPU1\tR1\t${junction(0, 0)}\tHEAD C1`,
    `[VALVES]\n;ID\tNode1\tNode2\tDiameter\tType\tSetting\tMinorLoss\n${valves.join('\n')}`,
    `[CURVES]\n;ID\tFlow\tHead\nC1\t${fixed(designFlow)}\t45`,
    `[PATTERNS]\n;ID\tMultipliers\nDAY\t${pattern.join('\t')}`,
    `[TIMES]\nDuration\t24:00\nHydraulic Timestep\t1:00\nReport Timestep\t1:00`,
    `[OPTIONS]\nUnits\tLPS\nHeadloss\tH-W\nUnbalanced\tContinue 10`,
  ];
  if (withCoordinates) {
    coordinates.push(`R1\t${-2 * SPACING}\t0`, `T1\t${cols * SPACING}\t${-rows * SPACING}`);
    sections.push(`[COORDINATES]\n;Node\tX\tY\n${coordinates.join('\n')}`);
  }
  sections.push('[END]');
  return `${sections.join('\n\n')}\n`;
}
