import type { ImportWarning, NetworkModel } from '@twinhelm/contracts';
import { badRequest } from '../http/http-error';
import type { ImportNetworkFn, InpImportError } from './service-deps';

/** How far the import's EPANET check runs: @twinhelm/solver's importNetwork options. */
export interface EpanetCheckBudget {
  /** Most hydraulic steps EPANET runs after opening the file. */
  maxSteps: number;
  /** Hard limit for the whole check (worker start, open, run), ms. */
  timeoutMs: number;
}

/**
 * A sanity check, not a simulation: open the file, initialise the hydraulics and solve the
 * first few steps. A 15k-node model's full horizon takes 13–38 s on 2 cores; its opening ~1 s.
 */
export const EPANET_CHECK_BUDGET: EpanetCheckBudget = { maxSteps: 6, timeoutMs: 120_000 };

type BudgetedImport = (text: string, budget: EpanetCheckBudget) => ReturnType<ImportNetworkFn>;

export interface CheckedNetwork {
  model: NetworkModel;
  warnings: ImportWarning[];
}

/**
 * Parses and checks the .inp text (deps.importNetwork, within `budget`). A refused file throws
 * a 400 listing every error with its line; a check cut short by the budget is a warning.
 */
export async function checkNetworkFile(
  importFn: ImportNetworkFn,
  inp: string,
  budget: EpanetCheckBudget = EPANET_CHECK_BUDGET,
): Promise<CheckedNetwork> {
  const run: BudgetedImport = importFn;
  const result = await run(inp, budget);
  if (!result.ok) {
    const first = result.errors[0];
    const n = result.errors.length;
    const summary = first ? `; first: ${where(first)}: ${first.message}` : '';
    throw badRequest(
      `the .inp file was refused with ${n} error${n === 1 ? '' : 's'}${summary}. Fix them and import again.`,
      result.errors.map((e) => ({ path: where(e), message: e.message })),
    );
  }
  return { model: result.model, warnings: result.warnings.map(explainBudget) };
}

const BUDGET_MESSAGE =
  /stopped after (\d+) hydraulic steps at (\d+:\d\d:\d\d)(?: of (\d+:\d\d:\d\d))?/;

/** The solver words a budget stop as a property of the model; here the budget is ours. */
export function explainBudget(warning: ImportWarning): ImportWarning {
  if (warning.code !== 'epanet-budget') return warning;
  const m = BUDGET_MESSAGE.exec(warning.message);
  if (!m) return warning;
  const horizon = m[3] ? ` of the ${m[3]} horizon` : '';
  return {
    ...warning,
    message: `sanity check only: EPANET opened the model and solved its first ${m[1]} hydraulic steps (to ${m[2]}${horizon}); run a simulation to check the rest`,
  };
}

export function where(e: InpImportError): string {
  const section = e.section ? `[${e.section}]` : '';
  if (e.line !== undefined) return `line ${e.line}${section ? ` ${section}` : ''}`;
  return section || 'file';
}
