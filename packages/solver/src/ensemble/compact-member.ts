import { type ScenarioResult } from '@twinhelm/contracts';
import { RunError } from '../engine/run-errors';

/**
 * Where an ensemble member writes its band series instead of returning them: one
 * SharedArrayBuffer of Float32 shared by all members, laid out [row][report time][member], rows
 * being every node's pressure, head, demand and requested demand, then every link's flow and
 * velocity, then every pump's power (each block in the key order of the result's `nodes`,
 * `links` and `pumps` records; see bandRowCount). Members write disjoint cells, so no
 * locking; the main thread reads after every member has answered.
 */
export interface CompactTarget {
  buffer: SharedArrayBuffer;
  member: number;
  members: number;
  nodes: number;
  links: number;
  pumps: number;
  times: number;
}

type Layout = Omit<CompactTarget, 'buffer' | 'member' | 'members' | 'times'>;

/** Band series (rows) of a layout: four per node, two per link, one per pump. */
export const bandRowCount = (t: Layout): number => 4 * t.nodes + 2 * t.links + t.pumps;

/** Float32 cells a layout needs. */
export const compactCells = (t: Omit<CompactTarget, 'buffer' | 'member'>): number =>
  bandRowCount(t) * t.times * t.members;

/** Writes one member's band series into the shared buffer. Throws when the shapes differ. */
export function packSeries(result: ScenarioResult, target: CompactTarget): void {
  const nodes = Object.values(result.nodes);
  const links = Object.values(result.links);
  const pumps = Object.values(result.pumps);
  const shape = `${nodes.length} nodes, ${links.length} links, ${pumps.length} pumps, ${result.times.length} report times`;
  if (
    nodes.length !== target.nodes ||
    links.length !== target.links ||
    pumps.length !== target.pumps ||
    result.times.length !== target.times
  ) {
    throw new RunError({
      kind: 'invalid',
      message: `ensemble member ${target.member}: the run has ${shape}, member 0 had ${target.nodes} nodes, ${target.links} links, ${target.pumps} pumps, ${target.times} report times`,
    });
  }
  const view = new Float32Array(target.buffer);
  const { members: m, times: t, member } = target;
  let row = 0;
  const put = (series: readonly number[]): void => {
    let at = row * t * m + member;
    for (let k = 0; k < t; k++, at += m) view[at] = series[k] ?? NaN;
    row++;
  };
  for (const n of nodes) put(n.pressure);
  for (const n of nodes) put(n.head);
  for (const n of nodes) put(n.demand);
  for (const n of nodes) put(n.requested);
  for (const l of links) put(l.flow);
  for (const l of links) put(l.velocity);
  for (const p of pumps) put(p.power);
}

/**
 * Worker side of a compact run: writes the band series into the shared buffer and returns the
 * result without its series (KPIs, violations, stats, scenario and state stay), so that only a
 * few kilobytes cross back to the main thread.
 */
export function packMember(result: ScenarioResult, target: CompactTarget): ScenarioResult {
  packSeries(result, target);
  return { ...result, times: [], nodes: {}, links: {}, pumps: {}, tanks: {} };
}
