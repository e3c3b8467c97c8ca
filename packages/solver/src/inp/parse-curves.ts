import { type ParseContext } from './parse-context';
import { type InpSection } from './tokenize';

export interface CurveEntry {
  line: number;
  points: { x: number; y: number }[];
}

/** Reads [CURVES] (raw file units) and counts [PATTERNS] ids. */
export function readCurvesAndPatterns(
  sections: InpSection[],
  ctx: ParseContext,
): { curves: Map<string, CurveEntry>; patternCount: number } {
  const curves = new Map<string, CurveEntry>();
  const patterns = new Set<string>();
  for (const section of sections) {
    if (section.name === 'PATTERNS') {
      for (const entry of section.lines) {
        if (!ctx.fields(entry, 'PATTERNS', 2, 'id, multipliers...')) continue;
        patterns.add(entry.tokens[0] ?? '');
        entry.tokens
          .slice(1)
          .forEach((_, i) =>
            ctx.number(entry, 'PATTERNS', i + 1, `pattern ${entry.tokens[0]} multiplier`),
          );
      }
    }
    if (section.name !== 'CURVES') continue;
    for (const entry of section.lines) {
      if (!ctx.fields(entry, 'CURVES', 3, 'id, x, y')) continue;
      const id = entry.tokens[0] ?? '';
      const x = ctx.number(entry, 'CURVES', 1, `curve ${id} x value`);
      const y = ctx.number(entry, 'CURVES', 2, `curve ${id} y value`);
      if (x === undefined || y === undefined) continue;
      const curve = curves.get(id) ?? { line: entry.line, points: [] };
      curve.points.push({ x, y });
      curves.set(id, curve);
    }
  }
  return { curves, patternCount: patterns.size };
}
