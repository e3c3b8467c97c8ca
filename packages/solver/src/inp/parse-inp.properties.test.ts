import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateGridNetwork } from '../testing';
import { parseInp } from './parse-inp';

const net1 = readFileSync(
  fileURLToPath(new URL('../../../../data/networks/Net1.inp', import.meta.url)),
  'utf8',
);
const lines = net1.split('\n');

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
  fc.record({
    kind: fc.constant('garble' as const),
    at: fc.nat(lines.length - 1),
    text: fc.string({ maxLength: 30 }),
  }),
);

function mutate(
  source: string[],
  mutations: { kind: 'delete' | 'duplicate' | 'garble'; at: number; text?: string }[],
): string {
  const out = [...source];
  for (const m of mutations) {
    const at = Math.min(m.at, out.length - 1);
    if (m.kind === 'delete') out.splice(at, 1);
    else if (m.kind === 'duplicate') out.splice(at, 0, out[at] ?? '');
    else out[at] = m.text ?? '';
  }
  return out.join('\n');
}

function linesWithin(text: string): boolean {
  const result = parseInp(text);
  if (result.ok) return true;
  const count = text.split(/\r\n|\r|\n/).length;
  return (
    result.errors.length > 0 &&
    result.errors.every((e) => Number.isInteger(e.line) && e.line >= 1 && e.line <= count)
  );
}

describe('parseInp properties', () => {
  it('never throws on arbitrary text, and errors point inside it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => linesWithin(text)),
      { numRuns: 300 },
    );
    const sectionish = fc.array(
      fc.oneof(
        fc.constantFrom('[JUNCTIONS]', '[PIPES]', '[TANKS]', '[OPTIONS]', '[TIMES]', ';x', ''),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(sectionish, (parts) => linesWithin(parts.join('\n'))),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated valid files (lines deleted, duplicated, garbled)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) =>
        linesWithin(mutate(lines, ms)),
      ),
      { numRuns: 400 },
    );
  });

  it('round-trips generated networks: counts, sources and determinism', () => {
    const options = fc.record({
      rows: fc.integer({ min: 2, max: 12 }),
      cols: fc.integer({ min: 2, max: 12 }),
      seed: fc.nat(),
      withCoordinates: fc.boolean(),
    });
    fc.assert(
      fc.property(options, (o) => {
        const text = generateGridNetwork(o);
        expect(generateGridNetwork(o)).toBe(text);
        const result = parseInp(text);
        if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
        expect(result.counts.junction).toBe(o.rows * o.cols);
        expect(result.counts.reservoir + result.counts.tank).toBe(2);
        expect(result.counts.pump).toBe(1);
        expect(result.counts.pipe + result.counts.valve).toBe(
          2 * o.rows * o.cols - o.rows - o.cols + 1,
        );
        expect(result.model.layout).toBe(o.withCoordinates ? 'file' : 'computed');
        expect(result.model.sourceUnits).toContain('LPS');
      }),
      { numRuns: 60 },
    );
  });
});
