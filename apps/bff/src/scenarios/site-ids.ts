import type { LiveState, NetworkModel, Scenario, ScenarioResult } from '@twinhelm/contracts';

/**
 * A site's asset ids are EPANET's ids except for links that share a node's id: those are named
 * `<type>:<id>` in the site (services/import-network-ids.ts) and keep their EPANET id in the
 * .inp text the solver runs. These translate a run's inputs to EPANET ids and its result back.
 */
export type LinkRenames = ReadonlyMap<string, string>;

/** site link id → EPANET id, for the renamed links of a stored model (usually none). */
export function linkRenames(model: NetworkModel): LinkRenames {
  const nodeIds = new Set(model.nodes.map((n) => n.id));
  const renames = new Map<string, string>();
  for (const l of model.links) {
    const prefix = `${l.type}:`;
    const epanetId = l.id.slice(prefix.length);
    if (l.id.startsWith(prefix) && nodeIds.has(epanetId)) renames.set(l.id, epanetId);
  }
  return renames;
}

const LINK_PERTURBATIONS = new Set(['asset-outage', 'pump-speed', 'valve-setting']);

export function scenarioToEpanet(scenario: Scenario, renames: LinkRenames): Scenario {
  if (renames.size === 0) return scenario;
  return {
    ...scenario,
    perturbations: scenario.perturbations.map((p) =>
      'assetId' in p && LINK_PERTURBATIONS.has(p.type)
        ? { ...p, assetId: renames.get(p.assetId) ?? p.assetId }
        : p,
    ),
  };
}

export function stateToEpanet(state: LiveState | null, renames: LinkRenames): LiveState | null {
  if (state === null || renames.size === 0) return state;
  return { ...state, pumps: rekey(state.pumps, renames), valves: rekey(state.valves, renames) };
}

/** The result with link ids back in the site's names, and the site's own scenario and state. */
export function resultToSite(
  result: ScenarioResult,
  renames: LinkRenames,
  inputs: { scenario: Scenario; state: LiveState | null },
): ScenarioResult {
  if (renames.size === 0) return result;
  const back = new Map([...renames].map(([site, epanet]) => [epanet, site]));
  return {
    ...result,
    scenario: inputs.scenario,
    state: inputs.state,
    links: rekey(result.links, back),
    pumps: rekey(result.pumps, back),
    ...(result.bands ? { bands: { ...result.bands, links: rekey(result.bands.links, back) } } : {}),
  };
}

function rekey<V>(
  record: Record<string, V>,
  names: ReadonlyMap<string, string>,
): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [id, value] of Object.entries(record)) out[names.get(id) ?? id] = value;
  return out;
}
