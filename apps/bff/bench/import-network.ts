// Network import benchmark through the BFF's import service (src/services/import-network.ts)
// on a fresh database of the local PostgreSQL (dropped afterwards): C-Town and a generated
// 15k-junction grid. Prints parse, EPANET check and write times, the total and rows written.
// BENCH_GRID_ROWS x BENCH_GRID_COLS sets the grid (default 120 x 125 = 15,000 junctions).
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { checkWithEpanet, parseInp, type CheckOptions } from '@twinhelm/solver';
import { generateGridNetwork } from '@twinhelm/solver/testing';
import { importNetworkAs } from '../src/services/import-network';
import type { ImportNetworkFn, ServiceDeps } from '../src/services/service-deps';
import { FakeTwinState, fakeIngestStatus } from '../src/services/testing/fake-ports';
import { createTestDatabase } from '../src/testing/test-database';
import { benchNumber } from './harness/bench-settings';

const ROWS = benchNumber('BENCH_GRID_ROWS', 120);
const COLS = benchNumber('BENCH_GRID_COLS', 125);
if (!Number.isInteger(ROWS) || !Number.isInteger(COLS) || ROWS < 2 || COLS < 2)
  throw new Error(`BENCH_GRID_ROWS/COLS must be integers of at least 2 (got ${ROWS} x ${COLS})`);

interface Phases {
  parseMs: number;
  checkMs: number;
}

/** @twinhelm/solver's importNetwork (parse, then check), timing each phase. */
function timedImport(phases: Phases): ImportNetworkFn {
  const run = async (text: string, opts?: CheckOptions) => {
    let t0 = performance.now();
    const parsed = parseInp(text);
    phases.parseMs = performance.now() - t0;
    if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
    t0 = performance.now();
    const check = await checkWithEpanet(text, opts);
    phases.checkMs = performance.now() - t0;
    if (!check.ok) return { ok: false as const, errors: check.errors };
    return {
      ok: true as const,
      model: parsed.model,
      warnings: [...parsed.warnings, ...check.warnings],
      counts: parsed.counts,
    };
  };
  return run;
}

async function main(): Promise<void> {
  const db = await createTestDatabase();
  const phases: Phases = { parseMs: 0, checkMs: 0 };
  const deps: ServiceDeps = {
    prisma: db.prisma,
    database: { kind: 'external', ping: () => Promise.resolve(true) },
    twin: new FakeTwinState(),
    ingestStatus: fakeIngestStatus,
    importNetwork: timedImport(phases),
    onNetworkImported: () => undefined,
    version: 'bench',
    startedAt: Date.now(),
    clock: Date.now,
  };

  const networks = [
    {
      siteId: 'ctown',
      inp: readFileSync(resolve(import.meta.dirname, '../../../data/networks/CTOWN.INP'), 'utf8'),
    },
    {
      siteId: 'grid',
      inp: generateGridNetwork({ rows: ROWS, cols: COLS, seed: 1, withCoordinates: true }),
    },
  ];
  const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  try {
    for (const { siteId, inp } of networks) {
      for (const pass of ['first import', 're-import (same file)']) {
        phases.parseMs = 0;
        phases.checkMs = 0;
        const t0 = performance.now();
        const result = await importNetworkAs(deps, 'bench', { siteId, inp });
        const totalMs = performance.now() - t0;
        const assets = Object.values(result.counts).reduce((a, b) => a + b, 0);
        const budget = result.warnings.find((w) => w.code === 'epanet-budget');
        console.log(
          [
            `${siteId} ${pass}: ${(inp.length / 1e6).toFixed(2)} MB, ${assets} assets`,
            `  parse            ${ms(phases.parseMs)}`,
            `  EPANET check     ${ms(phases.checkMs)}${budget ? ` (${budget.message.split(';')[0]})` : ''}`,
            `  write (rows+tx)  ${ms(totalMs - phases.parseMs - phases.checkMs)}`,
            `  total            ${ms(totalMs)}`,
            `  rows written     ${pass === 'first import' ? assets + 3 : 1} (${pass === 'first import' ? 'assets + site + network + audit' : 'audit only'})`,
          ].join('\n'),
        );
      }
    }
  } finally {
    await db.drop();
  }
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
