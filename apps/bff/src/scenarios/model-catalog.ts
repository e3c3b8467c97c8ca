import type { NetworkModel } from '@twinhelm/contracts';
import { districtOfPattern, type ModelCatalog } from '@twinhelm/solver';
import { inpSections } from './inp-sections';

/**
 * The ModelCatalog of a stored network, for validating scenarios and live states on the main
 * thread before anything is queued (the solver validates again in its worker, against EPANET's
 * own view of the file). Ids, kinds, tank limits and duration come from the stored model (SI);
 * the simple-control count and the junctions' districts (demand patterns) from the .inp text,
 * following EPANET's rules: a junction's first demand category is its [DEMANDS] first entry when
 * it has one, else its [JUNCTIONS] demand; a blank pattern takes [OPTIONS] PATTERN, else "1".
 * Ids are the site's asset ids (renamed links included, see site-ids.ts).
 */
export function catalogOf(model: NetworkModel, inp: string): ModelCatalog {
  const nodes = new Map<string, 'junction' | 'reservoir' | 'tank'>();
  const tankLimits = new Map<string, { minLevelM: number; maxLevelM: number }>();
  for (const n of model.nodes) {
    nodes.set(n.id, n.type);
    if (n.type === 'tank') tankLimits.set(n.id, { minLevelM: n.minLevel, maxLevelM: n.maxLevel });
  }
  const links = new Map<string, 'pipe' | 'pump' | 'valve'>();
  for (const l of model.links) links.set(l.id, l.type);
  const sections = inpSections(inp, ['CONTROLS', 'JUNCTIONS', 'DEMANDS', 'OPTIONS', 'PATTERNS']);
  return {
    nodes,
    links,
    tankLimits,
    dmas: districts(sections, nodes),
    controlCount: sections.get('CONTROLS')?.length ?? 0,
    durationS: model.times.duration,
  };
}

function districts(
  sections: ReadonlyMap<string, string[][]>,
  nodes: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const patterns = new Set((sections.get('PATTERNS') ?? []).map((t) => t[0]));
  const option = (sections.get('OPTIONS') ?? []).find(
    (t) => t[0]?.toUpperCase() === 'PATTERN' && t.length >= 2,
  )?.[1];
  const fallback = option ?? (patterns.has('1') ? '1' : undefined);
  const first = new Map<string, { demand: number; pattern: string | undefined }>();
  for (const [id, demand, pattern] of sections.get('DEMANDS') ?? []) {
    if (id === undefined || first.has(id)) continue;
    first.set(id, { demand: Number(demand), pattern });
  }
  const dmas = new Map<string, string[]>();
  for (const [id, , demand, pattern] of sections.get('JUNCTIONS') ?? []) {
    if (id === undefined || nodes.get(id) !== 'junction') continue;
    const category = first.get(id) ?? { demand: Number(demand ?? 0), pattern };
    const dma = districtOfPattern(category.pattern ?? fallback, category.demand);
    if (dma === undefined) continue;
    const members = dmas.get(dma) ?? [];
    members.push(id);
    dmas.set(dma, members);
  }
  return dmas;
}
