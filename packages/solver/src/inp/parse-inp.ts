import { createHash } from 'node:crypto';
import { type ImportWarning, type NetworkModel } from '@twinhelm/contracts';
import { computeLayout } from '../layout/compute-layout';
import { readCurvesAndPatterns } from './parse-curves';
import { type InpError, ParseContext } from './parse-context';
import { readGeometry } from './parse-geometry';
import { type LinkEntry, readLinks } from './parse-links';
import { applyDemands, type NodeEntry, readNodes } from './parse-nodes';
import { readOptions } from './parse-options';
import { readStatus } from './parse-status';
import { didYouMean } from './suggest';
import { type InpSection, tokenizeInp } from './tokenize';

export interface NetworkCounts {
  junction: number;
  reservoir: number;
  tank: number;
  pipe: number;
  pump: number;
  valve: number;
  patterns: number;
  curves: number;
}

export type ParseResult =
  | { ok: true; model: NetworkModel; warnings: ImportWarning[]; counts: NetworkCounts }
  | { ok: false; errors: InpError[] };

/** Every section EPANET 2.3 reads; the parser uses some and skips the others. */
export const KNOWN_SECTIONS = new Set([
  'TITLE',
  'JUNCTIONS',
  'RESERVOIRS',
  'TANKS',
  'PIPES',
  'PUMPS',
  'VALVES',
  'CONTROLS',
  'RULES',
  'DEMANDS',
  'SOURCES',
  'EMITTERS',
  'PATTERNS',
  'CURVES',
  'QUALITY',
  'STATUS',
  'ROUGHNESS',
  'ENERGY',
  'REACTIONS',
  'MIXING',
  'REPORT',
  'TIMES',
  'OPTIONS',
  'COORDINATES',
  'VERTICES',
  'LABELS',
  'BACKDROP',
  'TAGS',
  'LEAKAGE',
]);

/** Limits "did you mean" searches so a badly broken file still parses quickly. */
const MAX_SUGGESTIONS = 50;

/**
 * Parses EPANET .inp text into the SI NetworkModel. Pure and synchronous; never throws.
 * A file with any error is rejected whole, with every error found (line, section, fix).
 */
export function parseInp(text: string): ParseResult {
  const ctx = new ParseContext();
  const { sections, orphans } = tokenizeInp(text);
  for (const orphan of orphans.slice(0, 1)) {
    ctx.error(
      orphan.line,
      'FILE',
      'data before the first [SECTION] header: start the file with a header such as [TITLE]',
    );
  }
  const used: InpSection[] = [];
  for (const section of sections) {
    if (KNOWN_SECTIONS.has(section.name)) used.push(section);
    else
      ctx.error(
        section.line,
        section.name,
        `unknown section [${section.name}]${didYouMean(section.name, KNOWN_SECTIONS)}: rename or remove it`,
      );
  }
  const options = readOptions(used, ctx);
  const nodes = new Map<string, NodeEntry>();
  const links = new Map<string, LinkEntry>();
  const declared = declaredIds(used);
  let suggestions = 0;
  const unknown = (kind: 'node' | 'link', id: string): string => {
    const known = kind === 'node' ? nodes.keys() : links.keys();
    const hint = suggestions++ < MAX_SUGGESTIONS ? didYouMean(id, known) : '';
    return `unknown ${kind} ${id}${hint}`;
  };
  readNodes(used, options.units, ctx, nodes);
  applyDemands(used, options.units, ctx, nodes, (id) => unknown('node', id));
  const { curves, patternCount } = readCurvesAndPatterns(used, ctx);
  readLinks(
    used,
    {
      units: options.units,
      headloss: options.headloss,
      curves,
      ctx,
      hasNode: (id) => declared.nodes.has(id),
      unknownNode: (id) => unknown('node', id),
    },
    links,
  );
  readStatus(used, options.units, ctx, links, declared.links, unknown);
  readGeometry(used, ctx, nodes, links, declared, unknown);
  checkNetwork(nodes, links, used, ctx);
  if (ctx.errors.length > 0) {
    return { ok: false, errors: ctx.allErrors().sort((a, b) => a.line - b.line) };
  }
  const layout = placeNodes(nodes, links, ctx);
  const counts: NetworkCounts = {
    junction: 0,
    reservoir: 0,
    tank: 0,
    pipe: 0,
    pump: 0,
    valve: 0,
    patterns: patternCount,
    curves: curves.size,
  };
  for (const { node } of nodes.values()) counts[node.type]++;
  for (const { link } of links.values()) counts[link.type]++;
  const model: NetworkModel = {
    title: options.title,
    hash: createHash('sha256').update(text).digest('hex'),
    sourceUnits: `${options.units.flowUnit} (${options.units.us ? 'US customary' : 'SI'}), ${options.headloss}`,
    layout,
    nodes: [...nodes.values()].map((e) => e.node),
    links: [...links.values()].map((e) => e.link),
    times: options.times,
  };
  return { ok: true, model, warnings: ctx.warnings, counts };
}

/** Ids named by node and link lines, valid or not: a bad line must not make references to it fail too. */
function declaredIds(used: InpSection[]): { nodes: Set<string>; links: Set<string> } {
  const nodes = new Set<string>();
  const links = new Set<string>();
  for (const section of used) {
    const target = ['JUNCTIONS', 'RESERVOIRS', 'TANKS'].includes(section.name)
      ? nodes
      : ['PIPES', 'PUMPS', 'VALVES'].includes(section.name)
        ? links
        : undefined;
    if (target) for (const entry of section.lines) target.add(entry.tokens[0] ?? '');
  }
  return { nodes, links };
}

function checkNetwork(
  nodes: Map<string, NodeEntry>,
  links: Map<string, LinkEntry>,
  used: InpSection[],
  ctx: ParseContext,
): void {
  const headerLine = (name: string): number => used.find((s) => s.name === name)?.line ?? 1;
  if (nodes.size === 0) {
    ctx.error(
      headerLine('JUNCTIONS'),
      'JUNCTIONS',
      'the network has no nodes: add [JUNCTIONS], [RESERVOIRS] or [TANKS] entries',
    );
    return;
  }
  const hasSource = [...nodes.values()].some((e) => e.node.type !== 'junction');
  if (!hasSource) {
    ctx.error(
      headerLine('RESERVOIRS'),
      'RESERVOIRS',
      'the network has no source: add at least one reservoir or tank',
    );
  }
  if (ctx.errors.length > 0) return;
  const connected = new Set<string>();
  for (const { link } of links.values()) {
    connected.add(link.from);
    connected.add(link.to);
  }
  for (const [id, entry] of nodes) {
    if (!connected.has(id)) {
      ctx.error(
        entry.line,
        entry.section,
        `node ${id} is not connected to any link: connect it with a pipe or delete it`,
      );
    }
  }
}

/** Fills missing coordinates with a computed layout; returns where the layout came from. */
function placeNodes(
  nodes: Map<string, NodeEntry>,
  links: Map<string, LinkEntry>,
  ctx: ParseContext,
): NetworkModel['layout'] {
  const entries = [...nodes.values()];
  const missing = entries.filter((e) => Number.isNaN(e.node.x));
  if (missing.length === 0) return 'file';
  const index = new Map(entries.map((e, i) => [e.node.id, i]));
  const x = Float64Array.from(entries, (e) => e.node.x);
  const y = Float64Array.from(entries, (e) => e.node.y);
  const edges = [...links.values()].map(
    ({ link }) => [index.get(link.from) ?? 0, index.get(link.to) ?? 0] as const,
  );
  const roots = entries.flatMap((e, i) => (e.node.type === 'junction' ? [] : [i]));
  computeLayout({ nodeCount: entries.length, edges, x, y, roots });
  entries.forEach((e, i) => {
    e.node.x = x[i] ?? 0;
    e.node.y = y[i] ?? 0;
  });
  const partial = missing.length < entries.length;
  ctx.warn(
    partial ? 'layout-partial' : 'layout-computed',
    partial
      ? `${missing.length} of ${entries.length} nodes have no [COORDINATES] (e.g. ${missing[0]?.node.id}): placed near their neighbours`
      : 'the file has no [COORDINATES]: node positions were computed from the network graph',
  );
  return 'computed';
}
