import { z } from 'zod';

export const CliArgsSchema = z.object({
  inp: z.string({ error: '--inp <file.inp> is required' }).min(1, '--inp <file.inp> is required'),
  scenario: z
    .string({ error: '--scenario <file.json> is required' })
    .min(1, '--scenario <file.json> is required'),
  members: z
    .number()
    .int()
    .positive()
    .optional()
    .refine((n) => n === undefined || n === 1, {
      message: '--members: ensembles: not yet (only single runs, --members 1)',
    }),
  json: z.boolean(),
  maxSteps: z.number().int().positive(),
});
export type CliArgs = z.infer<typeof CliArgsSchema>;

export const USAGE =
  'usage: twinhelm-solve --inp <file.inp> --scenario <file.json> [--members N] [--json] [--max-steps N]';

/** Parses argv (without node and script); returns the arguments or the problems. */
export function parseArgs(
  argv: readonly string[],
): { ok: true; args: CliArgs } | { ok: false; errors: string[] } {
  const raw: Record<string, unknown> = { json: false, maxSteps: 100_000 };
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--json') {
      raw.json = true;
    } else if (flag === '--inp' || flag === '--scenario') {
      raw[flag.slice(2)] = value;
      i++;
    } else if (flag === '--members' || flag === '--max-steps') {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n)) errors.push(`${flag}: expected a number`);
      raw[flag === '--members' ? 'members' : 'maxSteps'] = n;
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
