import { type LinkEntry } from './parse-links';
import { type NodeEntry } from './parse-nodes';
import { type ParseContext } from './parse-context';
import { type InpSection } from './tokenize';

/** Reads [COORDINATES] into the nodes and [VERTICES] into the links. */
export function readGeometry(
  sections: InpSection[],
  ctx: ParseContext,
  nodes: Map<string, NodeEntry>,
  links: Map<string, LinkEntry>,
  declared: { nodes: Set<string>; links: Set<string> },
  unknown: (kind: 'node' | 'link', id: string) => string,
): void {
  for (const section of sections) {
    const name = section.name;
    if (name !== 'COORDINATES' && name !== 'VERTICES') continue;
    for (const entry of section.lines) {
      if (!ctx.fields(entry, name, 3, name === 'COORDINATES' ? 'node, x, y' : 'link, x, y'))
        continue;
      const id = entry.tokens[0] ?? '';
      const x = ctx.number(entry, name, 1, `${id} x`);
      const y = ctx.number(entry, name, 2, `${id} y`);
      if (x === undefined || y === undefined) continue;
      if (name === 'COORDINATES') {
        const target = nodes.get(id);
        if (!target) {
          if (!declared.nodes.has(id))
            ctx.error(entry.line, name, `coordinates given for ${unknown('node', id)}`);
        } else {
          target.node.x = x;
          target.node.y = y;
        }
      } else {
        const target = links.get(id);
        if (!target) {
          if (!declared.links.has(id))
            ctx.error(entry.line, name, `vertex given for ${unknown('link', id)}`);
        } else target.link.vertices.push([x, y]);
      }
    }
  }
}
