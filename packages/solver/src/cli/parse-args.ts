import { MAX_ENSEMBLE_MEMBERS } from '@twinhelm/contracts';
import { z } from 'zod';

export const CliArgsSchema = z.object({
  inp: z.string({ error: '--inp <file.inp> is required' }).min(1, '--inp <file.inp> is required'),
  scenario: z
    .string({ error: '--scenario <file.json> is required' })
    .min(1, '--scenario <file.json> is required'),
  members: z
    .number()
    .int('--members: a whole number')
    .min(1, '--members: at least 1')
    .max(MAX_ENSEMBLE_MEMBERS, `--members: at most ${MAX_ENSEMBLE_MEMBERS}`)
    .optional(),
  json: z.boolean(),
  maxSteps: z.number().int('--max-steps: a whole number').positive('--max-steps: must be > 0'),
  timeoutMs: z.number().int('--timeout-ms: a whole number').positive('--timeout-ms: must be > 0'),
});
export type CliArgs = z.infer<typeof CliArgsSchema>;

export const USAGE =
  'usage: twinhelm-solve --inp <file.inp> --scenario <file.json> [--members N] [--json] [--max-steps N] [--timeout-ms N]';

const NUMBER_FLAGS: Record<string, 'members' | 'maxSteps' | 'timeoutMs'> = {
  '--members': 'members',
  '--max-steps': 'maxSteps',
  '--timeout-ms': 'timeoutMs',
};

/** Parses argv (without node and script); returns the arguments or the problems. */
export function parseArgs(
  argv: readonly string[],
): { ok: true; args: CliArgs } | { ok: false; errors: string[] } {
  const raw: Record<string, unknown> = { json: false, maxSteps: 100_000, timeoutMs: 300_000 };
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const value = argv[i + 1];
    const numeric = NUMBER_FLAGS[flag];
    if (flag === '--json') {
      raw.json = true;
    } else if (flag === '--inp' || flag === '--scenario') {
      raw[flag.slice(2)] = value;
      i++;
    } else if (numeric !== undefined) {
      const n = Number(value);
      if (value === undefined || value.trim() === '' || !Number.isFinite(n)) {
        errors.push(
          `${flag}: expected a number, got ${value === undefined ? 'nothing' : `"${value}"`}`,
        );
      } else raw[numeric] = n;
      i++;
    } else {
      errors.push(`unknown argument ${flag}`);
    }
  }
  const parsed = CliArgsSchema.safeParse(raw);
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => i.message));
  return errors.length > 0 || !parsed.success
    ? { ok: false, errors: [...new Set(errors)] }
    : { ok: true, args: parsed.data };
}
