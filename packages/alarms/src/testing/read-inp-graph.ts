import type { AlarmGraph } from '../grouping/supply-graph';
import type { AlarmNetwork } from '../rules/network-assets';

type Node = AlarmNetwork['nodes'][number];
type Link = AlarmGraph['links'][number];

/**
 * Test fixture only: the topology of an EPANET .inp (nodes, pipes with their status, pumps,
 * valves; tank levels as written, metres in SI files). Not a parser (that is @twinhelm/solver's parseInp, which this package may not
 * import): no units, no validation.
 */
export function readInpGraph(text: string): AlarmGraph & AlarmNetwork {
  const nodes: Node[] = [];
  const links: Link[] = [];
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/;.*$/, '').trim();
    if (line === '') continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1]!.toUpperCase();
      continue;
    }
    const f = line.split(/\s+/);
    const [id, a, b] = [f[0]!, f[1] ?? '', f[2] ?? ''];
    if (section === 'JUNCTIONS') nodes.push({ id, type: 'junction' });
    else if (section === 'RESERVOIRS') nodes.push({ id, type: 'reservoir' });
    else if (section === 'TANKS')
      nodes.push({ id, type: 'tank', minLevel: Number(f[3]), maxLevel: Number(f[4]) });
    else if (section === 'PIPES') {
      const status = (f[7] ?? 'open').toLowerCase();
      links.push({
        id,
        type: 'pipe',
        from: a,
        to: b,
        initialStatus: status === 'closed' ? 'closed' : status === 'cv' ? 'cv' : 'open',
      });
    } else if (section === 'PUMPS') links.push({ id, type: 'pump', from: a, to: b });
    else if (section === 'VALVES') links.push({ id, type: 'valve', from: a, to: b });
  }
  return { nodes, links };
}
