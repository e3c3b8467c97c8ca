import { type NetworkNode } from '@twinhelm/contracts';
import { type ParseContext } from './parse-context';
import { type InpSection } from './tokenize';
import { type UnitSystem } from './units';

/** A node as read, before layout: coordinates NaN until [COORDINATES] or the layout fill them. */
export interface NodeEntry {
  node: NetworkNode;
  line: number;
  section: string;
}

/** Reads [JUNCTIONS], [RESERVOIRS] and [TANKS] into `nodes` (keyed by id, file order). */
export function readNodes(
  sections: InpSection[],
  units: UnitSystem,
  ctx: ParseContext,
  nodes: Map<string, NodeEntry>,
): void {
  for (const section of sections) {
    const name = section.name;
    if (name !== 'JUNCTIONS' && name !== 'RESERVOIRS' && name !== 'TANKS') continue;
    for (const entry of section.lines) {
      const node =
        name === 'JUNCTIONS'
          ? readJunction(entry, units, ctx)
          : name === 'RESERVOIRS'
            ? readReservoir(entry, units, ctx)
            : readTank(entry, units, ctx);
      if (!node) continue;
      const existing = nodes.get(node.id);
      if (existing) {
        ctx.error(
          entry.line,
          name,
          `duplicate node id ${node.id} (already defined on line ${existing.line} in [${existing.section}]): rename one of them`,
        );
        continue;
      }
      nodes.set(node.id, { node, line: entry.line, section: name });
    }
  }
}

type Entry = InpSection['lines'][number];

function readJunction(entry: Entry, units: UnitSystem, ctx: ParseContext): NetworkNode | undefined {
  const s = 'JUNCTIONS';
  if (!ctx.fields(entry, s, 2, 'id, elevation, [demand], [pattern]')) return undefined;
  const id = entry.tokens[0] ?? '';
  const okId = ctx.id(entry, s, id, 'junction');
  const elevation = ctx.number(entry, s, 1, `junction ${id} elevation`);
  const demand = ctx.optionalNumber(entry, s, 2, `junction ${id} demand`, 0);
  if (!okId || elevation === undefined || demand === undefined) return undefined;
  return {
    type: 'junction',
    id,
    x: NaN,
    y: NaN,
    elevation: elevation * units.length,
    baseDemand: demand * units.flow,
  };
}

function readReservoir(
  entry: Entry,
  units: UnitSystem,
  ctx: ParseContext,
): NetworkNode | undefined {
  const s = 'RESERVOIRS';
  if (!ctx.fields(entry, s, 2, 'id, head, [pattern]')) return undefined;
  const id = entry.tokens[0] ?? '';
  const okId = ctx.id(entry, s, id, 'reservoir');
  const head = ctx.number(entry, s, 1, `reservoir ${id} head`);
  if (!okId || head === undefined) return undefined;
  return { type: 'reservoir', id, x: NaN, y: NaN, elevation: head * units.length };
}

function readTank(entry: Entry, units: UnitSystem, ctx: ParseContext): NetworkNode | undefined {
  const s = 'TANKS';
  const shape =
    'id, elevation, initial level, minimum level, maximum level, diameter, [min volume], [volume curve]';
  if (!ctx.fields(entry, s, 6, shape)) return undefined;
  const id = entry.tokens[0] ?? '';
  const okId = ctx.id(entry, s, id, 'tank');
  const [elevation, initLevel, minLevel, maxLevel, diameter] = [
    'elevation',
    'initial level',
    'minimum level',
    'maximum level',
    'diameter',
  ].map((what, i) => ctx.number(entry, s, i + 1, `tank ${id} ${what}`));
  if (
    !okId ||
    elevation === undefined ||
    initLevel === undefined ||
    minLevel === undefined ||
    maxLevel === undefined ||
    diameter === undefined
  ) {
    return undefined;
  }
  const hasVolumeCurve = entry.tokens[7] !== undefined && entry.tokens[7] !== '*';
  if (minLevel < 0 || initLevel < minLevel || initLevel > maxLevel) {
    ctx.error(
      entry.line,
      s,
      `tank ${id} levels must satisfy 0 <= minimum (${minLevel}) <= initial (${initLevel}) <= maximum (${maxLevel}): correct the levels`,
    );
    return undefined;
  }
  if (diameter <= 0 && !hasVolumeCurve) {
    ctx.error(
      entry.line,
      s,
      `tank ${id} diameter ${diameter} must be positive (or give a volume curve)`,
    );
    return undefined;
  }
  const m = units.length;
  return {
    type: 'tank',
    id,
    x: NaN,
    y: NaN,
    elevation: elevation * m,
    initLevel: initLevel * m,
    minLevel: minLevel * m,
    maxLevel: maxLevel * m,
    diameter: diameter * m,
  };
}

/** [DEMANDS] replaces a junction's [JUNCTIONS] demand with the sum of its listed demands. */
export function applyDemands(
  sections: InpSection[],
  units: UnitSystem,
  ctx: ParseContext,
  nodes: Map<string, NodeEntry>,
  unknownNode: (id: string) => string,
): void {
  const totals = new Map<string, number>();
  for (const section of sections) {
    if (section.name !== 'DEMANDS') continue;
    for (const entry of section.lines) {
      if (!ctx.fields(entry, 'DEMANDS', 2, 'junction, demand, [pattern], [category]')) continue;
      const id = entry.tokens[0] ?? '';
      const demand = ctx.number(entry, 'DEMANDS', 1, `junction ${id} demand`);
      const target = nodes.get(id);
      if (!target) {
        ctx.error(entry.line, 'DEMANDS', `demand for ${unknownNode(id)}`);
        continue;
      }
      if (target.node.type !== 'junction') {
        ctx.error(
          entry.line,
          'DEMANDS',
          `demand given for ${target.node.type} ${id}: only junctions take demands`,
        );
        continue;
      }
      if (demand !== undefined) totals.set(id, (totals.get(id) ?? 0) + demand * units.flow);
    }
  }
  for (const [id, total] of totals) {
    const target = nodes.get(id);
    if (target?.node.type === 'junction') target.node.baseDemand = total;
  }
}
