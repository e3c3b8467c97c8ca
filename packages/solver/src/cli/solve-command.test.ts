import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ScenarioResultSchema } from '@twinhelm/contracts';
import { describe, expect, it } from 'vitest';
import { readNetwork } from '../engine/plain-run.fixture';
import { generateGridNetwork } from '../testing/generate-grid-network';
import { solveCommand } from './solve-command';

const dir = mkdtempSync(join(tmpdir(), 'twinhelm-solve-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const plain = file('plain.json', '{"perturbations": []}');
const net1 = file('Net1.inp', readNetwork('Net1.inp'));

async function solve(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await solveCommand(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

describe('twinhelm-solve: bad input', () => {
  it.each([
    [[], /--inp <file.inp> is required\n--scenario <file.json> is required\nusage:/],
    [['--inp', net1, '--scenario', plain, '--members', '0'], /--members: at least 1/],
    [['--inp', net1, '--scenario', plain, '--members', '201'], /--members: at most 200/],
    [
      ['--inp', net1, '--scenario', plain, '--members', 'many'],
      /--members: expected a number, got "many"/,
    ],
    [['--inp', net1, '--scenario', plain, '--frobnicate'], /unknown argument --frobnicate/],
    [
      ['--inp', join(dir, 'nope.inp'), '--scenario', plain],
      /--inp .*nope\.inp: cannot read it \(no such file\)/,
    ],
    [
      ['--inp', net1, '--scenario', dir],
      /--scenario .*: cannot read it \(a directory, not a file\)/,
    ],
    [
      ['--inp', net1, '--scenario', file('bad.json', '{"perturbations": [')],
      /bad\.json: not valid JSON \(/,
    ],
    [
      [
        '--inp',
        net1,
        '--scenario',
        file('neg.json', '{"horizonS": -5, "ensemble": {"members": 3, "demandSpread": 2}}'),
      ],
      /neg\.json: horizonS: .*\n.*neg\.json: ensemble\.demandSpread: /,
    ],
    [
      [
        '--inp',
        net1,
        '--scenario',
        file(
          'asset.json',
          JSON.stringify({
            perturbations: [{ type: 'asset-outage', assetId: '99', startS: 0, endS: 3600 }],
          }),
        ),
      ],
      /Net1\.inp: perturbations\[0\] \(asset-outage\): 99: unknown link in this network \(did you mean/,
    ],
  ])('exits 2 with a specific message: %j', async (argv, message) => {
    const { code, stderr, stdout } = await solve(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('exits 1 with the budget message when a model takes more steps than allowed', async () => {
    const tiny = readNetwork('Net1.inp').replace(
      /Hydraulic Timestep\s+1:00/i,
      'Hydraulic Timestep 0:00:01',
    );
    const { code, stderr } = await solve(
      '--inp',
      file('tiny-steps.inp', tiny),
      '--scenario',
      plain,
      '--max-steps',
      '500',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /step budget reached: stopped after 500 hydraulic steps at \d+ s of 86400 s/,
    );
  });

  it('exits 1 with the wall-time budget message', async () => {
    const week = file('week.json', '{"horizonS": 6048000}');
    const { code, stderr } = await solve(
      '--inp',
      file('CTOWN.INP', readNetwork('CTOWN.INP')),
      '--scenario',
      week,
      '--timeout-ms',
      '1',
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/wall-time budget reached at \d+ s of 6048000 s/);
  });
});

describe('twinhelm-solve: networks', { timeout: 120_000 }, () => {
  it.each(['Net1.inp', 'Net2.inp', 'Net3.inp', 'Anytown.inp', 'CTOWN.INP'])(
    'runs %s for the file’s own duration and report step',
    async (name) => {
      const { code, stdout, stderr } = await solve(
        '--inp',
        file(name, readNetwork(name)),
        '--scenario',
        plain,
        '--json',
      );
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const result = ScenarioResultSchema.parse(JSON.parse(stdout));
      expect(result.bands).toBeUndefined();
      expect(result.stats.simulatedS).toBeGreaterThan(0);
      expect(result.times.at(-1)).toBe(result.stats.simulatedS);
    },
  );

  it('runs an ensemble with --members and prints its bands', async () => {
    const json = await solve('--inp', net1, '--scenario', plain, '--members', '6', '--json');
    expect(json.code).toBe(0);
    const result = ScenarioResultSchema.parse(JSON.parse(json.stdout));
    expect(result.bands?.members).toBe(6);
    expect(result.scenario.ensemble).toEqual({
      members: 6,
      demandSpread: 0.1,
      roughnessSpread: 0,
      initialLevelSpreadM: 0,
    });
    const text = await solve('--inp', net1, '--scenario', plain, '--members', '4');
    expect(text.stdout).toMatch(/min pressure .* m at/);
    expect(text.stdout).toMatch(
      /ensemble: 4 members, 4 used \(P5 \/ P50 \/ P95\)\n {2}min pressure [\d.]+ \/ [\d.]+ \/ [\d.]+ m/,
    );
    expect(text.stdout).toMatch(/tank 2 final level/);
  });

  it('opens a generated 15k-junction grid', async () => {
    const grid = file(
      'grid.inp',
      generateGridNetwork({ rows: 120, cols: 125, seed: 1, withCoordinates: false }),
    );
    const { code, stdout, stderr } = await solve('--inp', grid, '--scenario', plain);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/simulated 86400 s in \d+ hydraulic steps, 25 report times/);
  });

  it('runs as a command (exit code and output)', async () => {
    const cli = fileURLToPath(new URL('./twinhelm-solve.ts', import.meta.url));
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      '--import',
      'tsx',
      cli,
      '--inp',
      net1,
      '--scenario',
      plain,
    ]);
    expect(stdout).toMatch(/^engine OWA-EPANET 2\.3\.5/);
    await expect(run(process.execPath, ['--import', 'tsx', cli])).rejects.toMatchObject({
      code: 2,
    });
  });
});
