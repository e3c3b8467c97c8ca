import { readFileSync } from 'node:fs';
import type { NetworkLink, NetworkModel, NetworkNode, ValveKind } from '@twinhelm/contracts';

/**
 * Test-only reader for the repository's LPS .inp files (C-Town): just the sections the scene
 * draws, enough to build a realistic NetworkModel without the solver package. Not a parser
 * for users: the solver's importer is.
 */
export function readInpFixture(path: string): NetworkModel {
  const sections = new Map<string, string[][]>();
  let current = '';
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = (raw.split(';')[0] ?? '').trim();
    if (!line) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header?.[1]) {
      current = header[1].toUpperCase();
      continue;
    }
    const rows = sections.get(current) ?? [];
    rows.push(line.split(/\s+/));
    sections.set(current, rows);
  }
  const rows = (name: string) => sections.get(name) ?? [];
  const units = rows('OPTIONS')
    .find((r) => r[0]?.toUpperCase() === 'UNITS')?.[1]
    ?.toUpperCase();
  if (units !== 'LPS')
    throw new Error(`${path}: units ${units ?? 'unset'}; this fixture reader only reads LPS files`);
  const xy = new Map(
    rows('COORDINATES').map((r) => [r[0] as string, [Number(r[1]), Number(r[2])] as const]),
  );
  const vertices = new Map<string, Array<[number, number]>>();
  for (const r of rows('VERTICES')) {
    const list = vertices.get(r[0] as string) ?? [];
    list.push([Number(r[1]), Number(r[2])]);
    vertices.set(r[0] as string, list);
  }
  const at = (id: string) => ({
    x: xy.get(id)?.[0] ?? Number.NaN,
    y: xy.get(id)?.[1] ?? Number.NaN,
  });
  const n = (r: string[], i: number) => Number(r[i]);
  const nodes: NetworkNode[] = [
    ...rows('JUNCTIONS').map((r): NetworkNode => ({
      type: 'junction',
      id: r[0] as string,
      ...at(r[0] as string),
      elevation: n(r, 1),
      baseDemand: n(r, 2) || 0,
    })),
    ...rows('RESERVOIRS').map((r): NetworkNode => ({
      type: 'reservoir',
      id: r[0] as string,
      ...at(r[0] as string),
      elevation: n(r, 1),
    })),
    ...rows('TANKS').map((r): NetworkNode => ({
      type: 'tank',
      id: r[0] as string,
      ...at(r[0] as string),
      elevation: n(r, 1),
      initLevel: n(r, 2),
      minLevel: n(r, 3),
      maxLevel: n(r, 4),
      diameter: n(r, 5),
    })),
  ];
  const base = (r: string[]) => ({
    id: r[0] as string,
    from: r[1] as string,
    to: r[2] as string,
    vertices: vertices.get(r[0] as string) ?? [],
  });
  const links: NetworkLink[] = [
    ...rows('PIPES').map((r): NetworkLink => ({
      ...base(r),
      type: 'pipe',
      length: n(r, 3),
      diameter: n(r, 4) / 1000,
      roughness: n(r, 5),
    })),
    ...rows('PUMPS').map((r): NetworkLink => ({ ...base(r), type: 'pump' })),
    ...rows('VALVES').map((r): NetworkLink => ({
      ...base(r),
      type: 'valve',
      diameter: n(r, 3) / 1000,
      valveKind: r[4] as ValveKind,
      setting: n(r, 5),
    })),
  ];
  return {
    title: path.split('/').pop() ?? path,
    hash: 'fixture',
    sourceUnits: 'LPS',
    layout: 'file',
    nodes,
    links,
    times: { duration: 0, hydraulicStep: 3600, reportStep: 3600 },
  };
}
