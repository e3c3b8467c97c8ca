import { createSolverPool } from '../engine/solver-pool';
import { runEnsemble } from '../ensemble/run-ensemble';
import { formatBands } from './format-bands';
import { formatKpis } from './format-kpis';
import { parseArgs, USAGE } from './parse-args';
import { readInputs } from './read-inputs';

export interface CliOutput {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/**
 * twinhelm-solve: one scenario (or its ensemble) on one .inp, in solver worker threads (one for
 * a single run; the machine's cores for an ensemble), within a step and wall-time budget per
 * run. Prints KPIs (and the bands' summary) or, with --json, the full result. Exit codes: 0 done,
 * 1 the run failed (engine error, budget, worker), 2 bad input (arguments, files, scenario, or a
 * scenario that does not fit the network).
 */
export async function solveCommand(argv: readonly string[], out: CliOutput): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    out.stderr(`${parsed.errors.join('\n')}\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  const inputs = await readInputs(args);
  if (!inputs.ok) {
    out.stderr(`${inputs.errors.join('\n')}\n`);
    return 2;
  }
  const members = inputs.scenario.ensemble?.members ?? 1;
  const pool = createSolverPool(members > 1 ? {} : { size: 1 });
  try {
    const outcome = await runEnsemble(
      pool,
      { inp: inputs.inp, scenario: inputs.scenario },
      { maxSteps: args.maxSteps, timeoutMs: args.timeoutMs },
    );
    if (!outcome.ok) {
      const { failure } = outcome;
      out.stderr(`${args.inp}: ${(failure.problems ?? [failure.message]).join('\n')}\n`);
      return failure.kind === 'invalid' ? 2 : 1;
    }
    const { result } = outcome;
    if (args.json) out.stdout(`${JSON.stringify(result)}\n`);
    else {
      const bands = result.bands ? `\n${formatBands(result.bands)}` : '';
      out.stdout(`${formatKpis(result)}${bands}\n`);
    }
    return 0;
  } finally {
    await pool.close();
  }
}
