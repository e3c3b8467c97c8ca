import { readFileSync } from 'node:fs';
import { ScenarioSchema } from '@twinhelm/contracts';
import { createLocalEngine } from '../engine/local-engine';
import { toFailure } from '../engine/run-errors';
import { formatKpis } from './format-kpis';
import { parseArgs, USAGE } from './parse-args';

/** twinhelm-solve: one scenario on one .inp, in this process; KPIs or (--json) the full result. */
async function main(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.errors.join('\n')}\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  let text: string;
  let raw: unknown;
  try {
    text = readFileSync(args.inp, 'utf8');
    raw = JSON.parse(readFileSync(args.scenario, 'utf8'));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const scenario = ScenarioSchema.safeParse(raw);
  if (!scenario.success) {
    const lines = scenario.error.issues.map(
      (i) => `${args.scenario}: ${i.path.join('.')}: ${i.message}`,
    );
    process.stderr.write(`${lines.join('\n')}\n`);
    return 2;
  }
  const engine = await createLocalEngine(1);
  try {
    const result = engine.run(text, scenario.data, { maxSteps: args.maxSteps });
    process.stdout.write(args.json ? `${JSON.stringify(result)}\n` : `${formatKpis(result)}\n`);
    return 0;
  } catch (error) {
    const failure = toFailure(error);
    process.stderr.write(`${(failure.problems ?? [failure.message]).join('\n')}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
