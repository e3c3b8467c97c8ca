import { type LinkEntry, valveSetting } from './parse-links';
import { type ParseContext } from './parse-context';
import { type InpSection } from './tokenize';
import { type UnitSystem } from './units';

/** Applies [STATUS]: OPEN/CLOSED to any link, a number as pump speed or valve setting. */
export function readStatus(
  sections: InpSection[],
  units: UnitSystem,
  ctx: ParseContext,
  links: Map<string, LinkEntry>,
  declaredLinks: Set<string>,
  unknown: (kind: 'node' | 'link', id: string) => string,
): void {
  for (const section of sections) {
    if (section.name !== 'STATUS') continue;
    for (const entry of section.lines) {
      if (!ctx.fields(entry, 'STATUS', 2, 'link, OPEN | CLOSED | setting')) continue;
      const id = entry.tokens[0] ?? '';
      const raw = entry.tokens[1] ?? '';
      const target = links.get(id);
      if (!target) {
        if (!declaredLinks.has(id))
          ctx.error(entry.line, 'STATUS', `status given for ${unknown('link', id)}`);
        continue;
      }
      const link = target.link;
      const word = raw.toUpperCase();
      if (word === 'OPEN' || word === 'CLOSED') {
        link.initialStatus = word === 'OPEN' ? 'open' : 'closed';
        continue;
      }
      if (word === 'ACTIVE' && link.type === 'valve') {
        delete link.initialStatus;
        continue;
      }
      const value = Number(raw);
      if (!Number.isFinite(value) || link.type === 'pipe') {
        const allowed = link.type === 'pipe' ? 'OPEN or CLOSED' : 'OPEN, CLOSED or a number';
        ctx.error(
          entry.line,
          'STATUS',
          `status "${raw}" for ${link.type} ${id} is not valid: use ${allowed}`,
        );
        continue;
      }
      if (link.type === 'pump') {
        link.speed = value;
        link.initialStatus = value === 0 ? 'closed' : 'open';
      } else {
        link.setting = valveSetting(link.valveKind, value, units);
        delete link.initialStatus;
      }
    }
  }
}
