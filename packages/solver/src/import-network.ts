import { type ImportWarning, type NetworkModel } from '@twinhelm/contracts';
import { type CheckOptions, checkWithEpanet } from './epanet/check-with-epanet';
import { type NetworkCounts, parseInp } from './inp/parse-inp';

export interface ImportError {
  /** Who rejected the file: our parser (always with a line) or EPANET (code, line when known). */
  source: 'parser' | 'epanet';
  message: string;
  line?: number;
  section?: string;
  code?: number;
}

export type ImportResult =
  | {
      ok: true;
      model: NetworkModel;
      warnings: ImportWarning[];
      counts: NetworkCounts;
      engineVersion: string;
    }
  | { ok: false; errors: ImportError[] };

/** parseInp, then (only when it passes) checkWithEpanet in a worker; warnings of both. */
export async function importNetwork(text: string, opts: CheckOptions = {}): Promise<ImportResult> {
  const parsed = parseInp(text);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.errors.map((e) => ({ source: 'parser', ...e })) };
  }
  const check = await checkWithEpanet(text, opts);
  if (!check.ok) {
    return { ok: false, errors: check.errors.map((e) => ({ source: 'epanet', ...e })) };
  }
  return {
    ok: true,
    model: parsed.model,
    warnings: [...parsed.warnings, ...check.warnings],
    counts: parsed.counts,
    engineVersion: check.engineVersion,
  };
}
