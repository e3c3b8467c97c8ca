import { parseArgs } from 'node:util';
import { SiteIdSchema } from '@twinhelm/contracts';
import { z } from 'zod';

export const CliConfigSchema = z.object({
  url: z
    .string()
    .regex(/^(mqtts?|wss?|tcp):\/\/.+/, '--url must be a broker URL such as mqtt://127.0.0.1:1883'),
  site: SiteIdSchema,
  inp: z.string().min(1, '--inp must name an EPANET .inp file'),
  seed: z.coerce.number().int('--seed must be an integer'),
  speedup: z.coerce.number().positive('--speedup must be > 0 (plant seconds per wall second)'),
  intervalMs: z.coerce.number().int().min(50, '--interval-ms must be at least 50'),
  faults: z.boolean(),
  faultMeanS: z.coerce.number().positive('--fault-mean-s must be > 0 plant seconds'),
  username: z.string().optional(),
  password: z.string().optional(),
  clientId: z.string().optional(),
  durationS: z.coerce.number().positive('--duration-s must be > 0 wall seconds').optional(),
});
export type CliConfig = z.infer<typeof CliConfigSchema>;

export const CLI_USAGE = `Usage: twinhelm-simulator --url mqtt://127.0.0.1:1883 --site ctown --inp data/networks/CTOWN.INP
  [--seed 1] [--speedup 60] [--interval-ms 1000] [--no-faults] [--fault-mean-s 3600]
  [--username U --password P] [--client-id ID] [--duration-s N]`;

/** Parses and validates the command line; throws an error that names the bad flag. */
export function parseCliConfig(argv: readonly string[]): CliConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        url: { type: 'string', default: 'mqtt://127.0.0.1:1883' },
        site: { type: 'string', default: 'ctown' },
        inp: { type: 'string', default: 'data/networks/CTOWN.INP' },
        seed: { type: 'string', default: '1' },
        speedup: { type: 'string', default: '60' },
        'interval-ms': { type: 'string', default: '1000' },
        'no-faults': { type: 'boolean', default: false },
        'fault-mean-s': { type: 'string', default: '3600' },
        username: { type: 'string' },
        password: { type: 'string' },
        'client-id': { type: 'string' },
        'duration-s': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${CLI_USAGE}`, {
      cause: error,
    });
  }
  const parsed = CliConfigSchema.safeParse({
    url: values.url,
    site: values.site,
    inp: values.inp,
    seed: values.seed,
    speedup: values.speedup,
    intervalMs: values['interval-ms'],
    faults: !values['no-faults'],
    faultMeanS: values['fault-mean-s'],
    username: values.username,
    password: values.password,
    clientId: values['client-id'],
    durationS: values['duration-s'],
  });
  if (!parsed.success) {
    throw new Error(
      `${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n${CLI_USAGE}`,
    );
  }
  return parsed.data;
}
