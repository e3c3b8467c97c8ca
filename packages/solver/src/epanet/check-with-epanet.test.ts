import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importNetwork } from '../import-network';
import { generateGridNetwork } from '../testing';
import { checkWithEpanet } from './check-with-epanet';

const read = (name: string): string =>
  readFileSync(
    fileURLToPath(new URL(`../../../../data/networks/${name}`, import.meta.url)),
    'utf8',
  );
const net1 = read('Net1.inp');

describe('checkWithEpanet (worker thread)', () => {
  it('opens and solves Net1 cleanly', async () => {
    const check = await checkWithEpanet(net1);
    expect(check).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(check.engineVersion).toMatch(/^OWA-EPANET 2\.3\.\d+/);
  });

  it('reports an EPANET input error with its code and line', async () => {
    const bad = net1.replace(
      /^ 10 {14}\t10 {14}\t11 {14}\t10530 {7}\t18 {10}\t100/m,
      ' 10 10 11 10530 18 -100',
    );
    const check = await checkWithEpanet(bad);
    expect(check.ok).toBe(false);
    expect(check.errors).toEqual([
      {
        code: 202,
        message: 'Error 202: illegal numeric value -100 in [PIPES] section',
        line: 28,
        section: 'PIPES',
      },
    ]);
  });

  it('reports an unconnected node at its line', async () => {
    const check = await checkWithEpanet(net1.replace('[RESERVOIRS]', ' 99 700 0\n\n[RESERVOIRS]'));
    expect(check.ok).toBe(false);
    expect(check.errors[0]).toMatchObject({ code: 234, line: 18, section: 'JUNCTIONS' });
  });

  it('turns a file that opens but does not solve cleanly into warnings', async () => {
    const check = await checkWithEpanet(
      net1.replace(/^ 11 {14}\t710 {9}\t150 /m, ' 11 710 15000 '),
    );
    expect(check.ok).toBe(true);
    expect(check.warnings.map((w) => w.code)).toContain('epanet-4');
    expect(check.warnings.map((w) => w.message)).toContain('Negative pressures');
  });

  it('stops at the step budget with a warning', async () => {
    const check = await checkWithEpanet(read('CTOWN.INP'), { maxSteps: 3 });
    expect(check.ok).toBe(true);
    expect(check.warnings.find((w) => w.code === 'epanet-budget')?.message).toMatch(
      /stopped after 3 hydraulic steps/,
    );
  });
});

describe('importNetwork', () => {
  it('imports C-Town with counts and the engine version', async () => {
    const result = await importNetwork(read('CTOWN.INP'));
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.counts).toMatchObject({
        junction: 388,
        reservoir: 1,
        tank: 7,
        pipe: 429,
        pump: 11,
        valve: 4,
      });
  });

  it('returns parser errors without running EPANET', async () => {
    const result = await importNetwork('[JUNCTIONS]\nJ1 1\n');
    expect(result).toMatchObject({ ok: false, errors: [{ source: 'parser', line: 1 }] });
  });

  it('imports a generated 15k-node network', async () => {
    const text = generateGridNetwork({ rows: 120, cols: 125, seed: 1, withCoordinates: false });
    const result = await importNetwork(text, { maxSteps: 2, timeoutMs: 120_000 });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.counts.junction).toBe(15000);
      expect(result.model.layout).toBe('computed');
    }
  }, 180_000);
});
