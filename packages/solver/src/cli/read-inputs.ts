import { readFile } from 'node:fs/promises';
import { type Scenario, ScenarioSchema } from '@twinhelm/contracts';
import { type CliArgs } from './parse-args';

export type CliInputs =
  { ok: true; inp: string; scenario: Scenario } | { ok: false; errors: string[] };

/**
 * Reads the .inp text and the scenario file, and applies --members (which replaces
 * `ensemble.members`, keeping the file's spreads or the defaults). One message per problem,
 * naming the file.
 */
export async function readInputs(args: CliArgs): Promise<CliInputs> {
  const [inp, text] = await Promise.all([
    read(args.inp, '--inp'),
    read(args.scenario, '--scenario'),
  ]);
  const errors = [inp, text].flatMap((r) => (r.ok ? [] : [r.error]));
  if (!inp.ok || !text.ok) return { ok: false, errors };
  let raw: unknown;
  try {
    raw = JSON.parse(text.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`${args.scenario}: not valid JSON (${reason})`] };
  }
  if (args.members !== undefined && isObject(raw)) {
    raw = {
      ...raw,
      ensemble: { ...(isObject(raw.ensemble) ? raw.ensemble : {}), members: args.members },
    };
  }
  const scenario = ScenarioSchema.safeParse(raw);
  if (!scenario.success) {
    return {
      ok: false,
      errors: scenario.error.issues.map(
        (i) => `${args.scenario}: ${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`,
      ),
    };
  }
  return { ok: true, inp: inp.text, scenario: scenario.data };
}

async function read(
  path: string,
  flag: string,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  try {
    return { ok: true, text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'a directory, not a file'
          : error instanceof Error
            ? error.message
            : String(error);
    return { ok: false, error: `${flag} ${path}: cannot read it (${reason})` };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
