import { districtOfPattern } from '../scenario/district-of-pattern';
import { ParseContext } from '../inp/parse-context';
import { readOptions } from '../inp/parse-options';
import { type NodeEntry, readNodes } from '../inp/parse-nodes';
import { type InpSection, tokenizeInp } from '../inp/tokenize';

/** What member generation needs to know about a network, read without opening it in EPANET. */
export interface EnsembleNetwork {
  /** District (DMA) names, sorted; empty when no junction's demand pattern names one. */
  dmas: string[];
  /** Some junction with a positive demand belongs to no district. */
  outsideDmas: boolean;
  /** The district of each junction that has one. */
  districtOf: Map<string, string>;
  /** Tanks' initial level and limits, m above the bottom. */
  tanks: Map<string, { initLevelM: number; minLevelM: number; maxLevelM: number }>;
}

/**
 * Reads the districts and tanks of an .inp text (tokens only: no layout, no EPANET). Districts
 * follow the engine's catalog (`districtOfPattern` of each junction's first demand category):
 * a [DEMANDS] line replaces the [JUNCTIONS] demand, and a demand without its own pattern belongs
 * to no district (EPANET 2.3 reports no pattern for it even where the default pattern applies).
 */
export function readEnsembleNetwork(text: string): EnsembleNetwork {
  const { sections } = tokenizeInp(sectionsText(text, USED_SECTIONS));
  const ctx = new ParseContext();
  const options = readOptions(sections, ctx);
  const nodes = new Map<string, NodeEntry>();
  readNodes(
    sections.filter((s) => s.name === 'TANKS'),
    options.units,
    ctx,
    nodes,
  );
  const tanks: EnsembleNetwork['tanks'] = new Map();
  for (const { node } of nodes.values()) {
    if (node.type !== 'tank') continue;
    tanks.set(node.id, {
      initLevelM: node.initLevel,
      minLevelM: node.minLevel,
      maxLevelM: node.maxLevel,
    });
  }
  return { ...districtsOf(sections), tanks };
}

const USED_SECTIONS = new Set(['OPTIONS', 'JUNCTIONS', 'DEMANDS', 'TANKS']);
const HEADER = /^[ \t]*\[([^\]\r\n]*)\]/gm;

/** The text of the named sections only (headers kept), so large files tokenize quickly. */
function sectionsText(text: string, names: ReadonlySet<string>): string {
  const parts: string[] = [];
  const headers = [...text.matchAll(HEADER)];
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i];
    const name = (header?.[1] ?? '').trim().toUpperCase();
    if (name === 'END') break;
    if (!names.has(name)) continue;
    parts.push(text.slice(header?.index ?? 0, headers[i + 1]?.index ?? text.length));
  }
  return parts.join('\n');
}

function districtsOf(
  sections: InpSection[],
): Pick<EnsembleNetwork, 'dmas' | 'outsideDmas' | 'districtOf'> {
  const junctions = new Map<string, FirstDemand>();
  const demands = new Map<string, FirstDemand>();
  for (const section of sections) {
    for (const { tokens } of section.lines) {
      const [id = '', a, b] = tokens;
      if (section.name === 'JUNCTIONS' && !junctions.has(id)) {
        junctions.set(id, { demand: Number(b ?? 0), pattern: tokens[3] });
      } else if (section.name === 'DEMANDS' && !demands.has(id)) {
        demands.set(id, { demand: Number(a ?? 0), pattern: b });
      }
    }
  }
  const dmas = new Set<string>();
  const districtOf = new Map<string, string>();
  let outsideDmas = false;
  for (const [id, junction] of junctions) {
    const { demand, pattern } = demands.get(id) ?? junction;
    const dma = districtOfPattern(pattern, demand);
    if (dma !== undefined) {
      dmas.add(dma);
      districtOf.set(id, dma);
    } else if (demand > 0) outsideDmas = true;
  }
  return { dmas: [...dmas].sort(), outsideDmas, districtOf };
}

interface FirstDemand {
  demand: number;
  pattern: string | undefined;
}
