import { type NetworkLink, VALVE_KINDS, type ValveKind } from '@twinhelm/contracts';
import { type CurveEntry } from './parse-curves';
import { type ParseContext } from './parse-context';
import { type InpLine, type InpSection } from './tokenize';
import { type UnitSystem } from './units';

export interface LinkEntry {
  link: NetworkLink;
  line: number;
  section: string;
}

export interface LinkReadDeps {
  units: UnitSystem;
  headloss: string;
  curves: Map<string, CurveEntry>;
  ctx: ParseContext;
  /** Message tail for a node id not in the file, e.g. "unknown node J99 (did you mean J9?)". */
  hasNode: (id: string) => boolean;
  unknownNode: (id: string) => string;
}

const LINK_SECTIONS = ['PIPES', 'PUMPS', 'VALVES'] as const;

/** Reads [PIPES], [PUMPS] and [VALVES] into `links` (keyed by id, file order). */
export function readLinks(
  sections: InpSection[],
  deps: LinkReadDeps,
  links: Map<string, LinkEntry>,
): void {
  for (const section of sections) {
    const name = section.name;
    if (!(LINK_SECTIONS as readonly string[]).includes(name)) continue;
    for (const entry of section.lines) {
      const link =
        name === 'PIPES'
          ? readPipe(entry, deps)
          : name === 'PUMPS'
            ? readPump(entry, deps)
            : readValve(entry, deps);
      if (!link) continue;
      const existing = links.get(link.id);
      if (existing) {
        deps.ctx.error(
          entry.line,
          name,
          `duplicate link id ${link.id} (already defined on line ${existing.line} in [${existing.section}]): rename one of them`,
        );
        continue;
      }
      links.set(link.id, { link, line: entry.line, section: name });
    }
  }
}

/** Checks id and end nodes shared by every link type; returns [id, from, to] when valid. */
function readEnds(
  entry: InpLine,
  section: string,
  what: string,
  deps: LinkReadDeps,
): [string, string, string] | undefined {
  const [id = '', from = '', to = ''] = entry.tokens;
  let ok = deps.ctx.id(entry, section, id, what);
  for (const end of [from, to]) {
    if (!deps.hasNode(end)) {
      deps.ctx.error(entry.line, section, `${what} ${id} references ${deps.unknownNode(end)}`);
      ok = false;
    }
  }
  if (from === to) {
    deps.ctx.error(
      entry.line,
      section,
      `${what} ${id} starts and ends at node ${from}: connect two different nodes`,
    );
    ok = false;
  }
  return ok ? [id, from, to] : undefined;
}

function readPipe(entry: InpLine, deps: LinkReadDeps): NetworkLink | undefined {
  const s = 'PIPES';
  const { ctx, units } = deps;
  if (
    !ctx.fields(
      entry,
      s,
      6,
      'id, node 1, node 2, length, diameter, roughness, [minor loss], [status]',
    )
  )
    return undefined;
  const ends = readEnds(entry, s, 'pipe', deps);
  const id = entry.tokens[0] ?? '';
  const values = ['length', 'diameter', 'roughness'].map((what, i) => {
    const v = ctx.number(entry, s, i + 3, `pipe ${id} ${what}`);
    if (v !== undefined && v <= 0) {
      ctx.error(entry.line, s, `pipe ${id} ${what} ${v} must be greater than zero`);
      return undefined;
    }
    return v;
  });
  const minor = ctx.optionalNumber(entry, s, 6, `pipe ${id} minor loss`, 0);
  const statusToken = (entry.tokens[7] ?? 'OPEN').toUpperCase();
  const status =
    statusToken === 'OPEN'
      ? 'open'
      : statusToken === 'CLOSED'
        ? 'closed'
        : statusToken === 'CV'
          ? 'cv'
          : undefined;
  if (!status)
    ctx.error(entry.line, s, `pipe ${id} status "${entry.tokens[7]}" must be OPEN, CLOSED or CV`);
  const [length, diameter, roughness] = values;
  if (
    !ends ||
    length === undefined ||
    diameter === undefined ||
    roughness === undefined ||
    minor === undefined ||
    !status
  ) {
    return undefined;
  }
  const dw = deps.headloss === 'D-W';
  return {
    type: 'pipe',
    id,
    from: ends[1],
    to: ends[2],
    vertices: [],
    initialStatus: status,
    length: length * units.length,
    diameter: diameter * units.diameter,
    roughness: dw ? roughness * units.dwRoughness : roughness,
  };
}

function readPump(entry: InpLine, deps: LinkReadDeps): NetworkLink | undefined {
  const s = 'PUMPS';
  const { ctx, units } = deps;
  if (
    !ctx.fields(
      entry,
      s,
      5,
      'id, node 1, node 2, HEAD curve | POWER value, [SPEED value], [PATTERN id]',
    )
  )
    return undefined;
  const ends = readEnds(entry, s, 'pump', deps);
  const id = entry.tokens[0] ?? '';
  const params = entry.tokens.slice(3);
  let ok = ends !== undefined;
  const pump: NetworkLink = {
    type: 'pump',
    id,
    from: ends?.[1] ?? '',
    to: ends?.[2] ?? '',
    vertices: [],
    initialStatus: 'open',
  };
  for (let i = 0; i < params.length; i += 2) {
    const key = (params[i] ?? '').toUpperCase();
    const value = params[i + 1];
    if (value === undefined) {
      ctx.error(
        entry.line,
        s,
        `pump ${id} keyword ${params[i]} has no value: add one or remove the keyword`,
      );
      ok = false;
      break;
    }
    if (key === 'HEAD') {
      const curve = deps.curves.get(value);
      if (!curve) {
        ctx.error(
          entry.line,
          s,
          `pump ${id} uses head curve ${value}, which is not in [CURVES]: add the curve`,
        );
        ok = false;
      } else {
        pump.curve = curve.points.map((p) => ({
          flow: p.x * units.flow,
          head: p.y * units.length,
        }));
      }
    } else if (key === 'POWER' || key === 'SPEED') {
      const n = ctx.number(entry, s, 3 + i + 1, `pump ${id} ${key.toLowerCase()}`);
      if (n === undefined || n < 0 || (key === 'POWER' && n === 0)) {
        if (n !== undefined)
          ctx.error(entry.line, s, `pump ${id} ${key.toLowerCase()} ${n} must be positive`);
        ok = false;
      } else if (key === 'POWER') pump.power = n * units.power;
      else pump.speed = n;
    } else if (key !== 'PATTERN') {
      ctx.error(
        entry.line,
        s,
        `pump ${id} has unknown keyword ${params[i]}: use HEAD, POWER, SPEED or PATTERN`,
      );
      ok = false;
    }
  }
  if (ok && pump.curve === undefined && pump.power === undefined) {
    ctx.error(entry.line, s, `pump ${id} needs a HEAD curve or a POWER value`);
    ok = false;
  }
  return ok ? pump : undefined;
}

/** Converts a valve setting from file units by valve kind (pressure m, flow L/s, others as is). */
export function valveSetting(kind: ValveKind, raw: number, units: UnitSystem): number {
  if (kind === 'PRV' || kind === 'PSV' || kind === 'PBV') return raw * units.pressure;
  if (kind === 'FCV') return raw * units.flow;
  return raw;
}

function readValve(entry: InpLine, deps: LinkReadDeps): NetworkLink | undefined {
  const s = 'VALVES';
  const { ctx, units } = deps;
  if (!ctx.fields(entry, s, 6, 'id, node 1, node 2, diameter, type, setting, [minor loss]'))
    return undefined;
  const ends = readEnds(entry, s, 'valve', deps);
  const id = entry.tokens[0] ?? '';
  const diameter = ctx.number(entry, s, 3, `valve ${id} diameter`);
  if (diameter !== undefined && diameter <= 0)
    ctx.error(entry.line, s, `valve ${id} diameter ${diameter} must be greater than zero`);
  const kindToken = (entry.tokens[4] ?? '').toUpperCase();
  const kind = (VALVE_KINDS as readonly string[]).includes(kindToken)
    ? (kindToken as ValveKind)
    : undefined;
  if (!kind)
    ctx.error(
      entry.line,
      s,
      `valve ${id} type "${entry.tokens[4]}" is not one of ${VALVE_KINDS.join(', ')}`,
    );
  let setting: number | undefined = 0;
  if (kind === 'GPV') {
    const curveId = entry.tokens[5] ?? '';
    if (!deps.curves.has(curveId)) {
      ctx.error(
        entry.line,
        s,
        `valve ${id} (GPV) uses head-loss curve ${curveId}, which is not in [CURVES]: add the curve`,
      );
      setting = undefined;
    }
  } else {
    setting = ctx.number(entry, s, 5, `valve ${id} setting`);
  }
  if (!ends || diameter === undefined || diameter <= 0 || !kind || setting === undefined)
    return undefined;
  return {
    type: 'valve',
    id,
    from: ends[1],
    to: ends[2],
    vertices: [],
    valveKind: kind,
    diameter: diameter * units.diameter,
    setting: valveSetting(kind, setting, units),
  };
}
