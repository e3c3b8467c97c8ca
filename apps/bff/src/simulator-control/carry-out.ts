import type { CandidateAction, PlantCarryOut } from '@twinhelm/contracts';
import type { PlantAction } from '@twinhelm/simulator';
import type { SqlQuery } from '../db/sql';
import { plantActionsOf, type PerturbationOutcome } from './plant-actions-of';
import type { SimulatorControl } from './simulator-control';

/** What the demo plant did with a recommendation's actions (by/at are the approval's). */
export type CarryOutResult = Omit<PlantCarryOut, 'by' | 'at'> & {
  /** The simulator actions it was handed and accepted, for the audit. */
  actions: PlantAction[];
};

/**
 * Has the demo plant carry out an approved recommendation's actions. Resolves undefined when
 * no simulator runs for the site (nothing asked of any plant); rejects when the simulator is
 * not running or does not answer (the approval stands; the caller says why).
 */
export type CarryOut = (
  siteId: string,
  actions: readonly CandidateAction[],
) => Promise<CarryOutResult | undefined>;

export interface PlantCarryOutDeps {
  /** The simulator's site. */
  siteId: string;
  /** The running simulator, once started (server.ts starts it after the services). */
  simulator: () => SimulatorControl | undefined;
  /** Asset types (`pump`, `valve`, `pipe`, …) of the site's assets among ids. */
  assetTypes: (siteId: string, assetIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
}

/** Refusals of one action (the others may still be carried out); anything else is a failure. */
const REFUSALS = new Set(['invalid', 'unknown_asset']);

/**
 * The carry-out of the demo plant: maps the actions (plantActionsOf), hands the mapped ones to
 * the simulator at once and, when it refuses the batch (one action it will not take: a tripped
 * pump, an id it does not know), each on its own, so that the others are still carried out and
 * the refused ones are listed with the simulator's reason.
 */
export function plantCarryOut(deps: PlantCarryOutDeps): CarryOut {
  return async (siteId, actions) => {
    if (siteId !== deps.siteId) return undefined;
    const outageIds = actions.flatMap((a) =>
      a.perturbations.flatMap((p) => (p.type === 'asset-outage' ? [p.assetId] : [])),
    );
    const types: ReadonlyMap<string, string> =
      outageIds.length > 0 ? await deps.assetTypes(siteId, outageIds) : new Map();
    const plan = plantActionsOf(actions, (id) => types.get(id));
    if (plan.actions.length === 0) return resultOf(plan.outcomes, new Map(), null);
    const simulator = deps.simulator();
    if (!simulator)
      throw new Error('the demo plant simulator is not running yet (it starts after the server)');
    const refused = new Map<PlantAction, string>();
    let plantTimeS: number;
    try {
      plantTimeS = (await simulator.applyActions(plan.actions)).plantTimeS;
    } catch (error) {
      if (!REFUSALS.has(codeOf(error))) throw error;
      plantTimeS = 0;
      for (const action of plan.actions) {
        try {
          plantTimeS = (await simulator.applyActions([action])).plantTimeS;
        } catch (one) {
          if (!REFUSALS.has(codeOf(one))) throw one;
          refused.set(action, messageOf(one));
        }
      }
    }
    return resultOf(plan.outcomes, refused, plantTimeS);
  };
}

function resultOf(
  outcomes: readonly PerturbationOutcome[],
  refused: ReadonlyMap<PlantAction, string>,
  plantTimeS: number | null,
): CarryOutResult {
  const refusedIds = new Set(
    outcomes.flatMap((o) => (o.kind === 'mapped' && refused.has(o.action) ? [o.assetId] : [])),
  );
  const done: CarryOutResult['done'] = [];
  const skipped: CarryOutResult['skipped'] = [];
  const actions: PlantAction[] = [];
  for (const o of outcomes) {
    const reason = o.kind === 'mapped' ? refused.get(o.action) : undefined;
    if (o.kind === 'skipped') skipped.push({ assetId: o.assetId, text: o.text });
    else if (reason !== undefined)
      skipped.push({ assetId: o.assetId, text: `${o.text}: refused by the plant (${reason})` });
    else if (o.kind === 'covered' && refusedIds.has(o.assetId))
      skipped.push({ assetId: null, text: `${o.text}: not done, ${o.assetId} was refused` });
    else {
      done.push({ assetId: o.assetId, text: o.text });
      if (o.kind === 'mapped') actions.push(o.action);
    }
  }
  const outcome = done.length === 0 ? 'nothing' : skipped.length === 0 ? 'carried_out' : 'partly';
  return { outcome, summary: summaryOf(done, skipped), done, skipped, plantTimeS, actions };
}

/** "Demo plant: PU9 started at 100 % for 4 h. Not carried out: …" */
export function summaryOf(
  done: readonly { text: string }[],
  skipped: readonly { text: string }[],
): string {
  const did = done.length > 0 ? done.map((d) => d.text).join('; ') : 'nothing carried out';
  const not =
    skipped.length > 0 ? ` Not carried out: ${skipped.map((s) => s.text).join('; ')}.` : '';
  return `Demo plant: ${did}.${not}`;
}

/** The result when the plant could not be asked (the approval stands): every action listed. */
export function failedCarryOut(
  actions: readonly CandidateAction[],
  error: unknown,
): CarryOutResult {
  return {
    outcome: 'failed',
    summary: `Demo plant: not carried out (${messageOf(error)}); the approval stands.`,
    done: [],
    skipped: actions.map((a) => ({ assetId: a.assetIds[0] ?? null, text: a.description })),
    plantTimeS: null,
    actions: [],
  };
}

/** Asset types of a site's assets from the asset table (for plantCarryOut's assetTypes). */
export async function assetTypesIn(
  sql: SqlQuery,
  siteId: string,
  assetIds: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  const { rows } = await sql.query<{ id: string; type: string }>(
    `SELECT id, type FROM asset WHERE site_id = $1 AND id = ANY($2::text[])`,
    [siteId, [...new Set(assetIds)]],
  );
  return new Map(rows.map((r) => [r.id, r.type]));
}

function codeOf(error: unknown): string {
  const code: unknown = typeof error === 'object' && error ? Reflect.get(error, 'code') : null;
  return typeof code === 'string' ? code : '';
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
