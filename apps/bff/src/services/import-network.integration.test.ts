import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateGridNetwork, stripSection } from '@twinhelm/solver/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, principal, type TestContext } from './testing/test-context';

const read = (name: string): string =>
  readFileSync(resolve(import.meta.dirname, '../../../../data/networks', name), 'utf8');
const admin = principal('admin');

/** Asset counts per type of the networks in data/networks (EPANET's own summaries agree). */
const NETWORKS: { file: string; counts: Record<string, number> }[] = [
  { file: 'Net1.inp', counts: { junction: 9, reservoir: 1, tank: 1, pipe: 12, pump: 1 } },
  { file: 'Net2.inp', counts: { junction: 35, tank: 1, pipe: 40 } },
  { file: 'Net3.inp', counts: { junction: 92, reservoir: 2, tank: 3, pipe: 117, pump: 2 } },
  { file: 'Anytown.inp', counts: { junction: 19, reservoir: 3, pipe: 40, pump: 1 } },
  {
    file: 'CTOWN.INP',
    counts: { junction: 388, reservoir: 1, tank: 7, pipe: 429, pump: 11, valve: 4 },
  },
];

describe('importNetwork at scale against PostgreSQL', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await t.db.drop();
  });
  const asset = (siteId: string, id: string) =>
    t.db.prisma.asset.findUniqueOrThrow({ where: { siteId_id: { siteId, id } } });
  const assetCount = (siteId: string) => t.db.prisma.asset.count({ where: { siteId } });

  it.each(NETWORKS)('imports $file with every asset', async ({ file, counts }) => {
    const siteId = file.toLowerCase().replace(/\.inp$/, '');
    const result = await t.context.services.importNetwork(admin, { siteId, inp: read(file) });
    expect(result.counts).toEqual(counts);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(await assetCount(siteId)).toBe(total);
    const network = await t.db.prisma.network.findFirstOrThrow({
      where: { siteId, active: true },
    });
    expect(network.hash).toBe(result.modelVersion);
    expect(network.inp).toBe(read(file));
    expect(network.model).toMatchObject({ layout: 'file', hash: result.modelVersion });
  });

  it('stores SI values: Net1 (GPM) pipe diameter in m, pump curve in L/s and m', async () => {
    const pipe = await asset('net1', 'pipe:10');
    expect(pipe).toMatchObject({ type: 'pipe', fromId: '10', toId: '11', valveKind: null });
    const pipeProps = pipe.props as { epanetId: string; diameter: number; length: number };
    expect(pipeProps.epanetId).toBe('10');
    expect(pipeProps.diameter).toBeCloseTo(18 * 0.0254, 9);
    expect(pipeProps.length).toBeCloseTo(10530 * 0.3048, 6);
    const pump = await asset('net1', 'pump:9');
    const [point] = (pump.props as { curve: { flow: number; head: number }[] }).curve;
    expect(point?.flow).toBeCloseTo((1500 * 3.785411784) / 60, 4);
    expect(point?.head).toBeCloseTo(250 * 0.3048, 6);
    expect(await asset('net1', '10')).toMatchObject({ type: 'junction', fromId: null });
    const tank = await asset('net1', '2');
    expect(tank.z).toBeCloseTo(850 * 0.3048, 6);
    expect((tank.props as { diameter: number }).diameter).toBeCloseTo(50.5 * 0.3048, 6);
  });

  it('names links that share a node id <type>:<id>, in the model too, with a warning', async () => {
    const network = await t.context.services.getNetwork(admin, { siteId: 'net1' });
    expect(network.links.map((l) => l.id)).toContain('pipe:10');
    expect(network.nodes.map((n) => n.id)).toContain('10');
    const stored = await t.db.prisma.network.findFirstOrThrow({ where: { siteId: 'net1' } });
    const renamed = (stored.warnings as { code: string; message: string }[]).find(
      (w) => w.code === 'asset-id-renamed',
    );
    expect(renamed?.message).toMatch(/^7 link ids are also node ids \(pipe 10 → pipe:10,/);
  });

  it('stores C-Town tank geometry, valve kinds, pump curves and positions', async () => {
    const tank = await asset('ctown', 'T3');
    expect(tank).toMatchObject({ type: 'tank', x: -246422.4, y: 148459.51, z: 112.9 });
    expect(tank.props).toEqual({ initLevel: 3, minLevel: 0, maxLevel: 6.75, diameter: 13.73 });
    const pump = await asset('ctown', 'PU1');
    expect(pump).toMatchObject({ fromId: 'J285', toId: 'J273' });
    expect(pump.props).toMatchObject({
      initialStatus: 'closed',
      curve: [
        { flow: 0, head: 70 },
        { flow: 60, head: 50 },
        { flow: 100, head: 30 },
      ],
    });
    const valves = await t.db.prisma.asset.findMany({
      where: { siteId: 'ctown', type: 'valve' },
      select: { valveKind: true },
    });
    expect(valves.every((v) => v.valveKind !== null)).toBe(true);
  });

  it('normalises CMH files to SI (diameters in mm, flows in m³/h)', async () => {
    const inp = read('Net1.inp').replace(/^(\s*Units\s+)GPM/im, '$1CMH');
    await t.context.services.importNetwork(admin, { siteId: 'net1-cmh', inp });
    const pipe = await asset('net1-cmh', 'pipe:10');
    expect((pipe.props as { diameter: number }).diameter).toBeCloseTo(0.018, 12);
    const pump = await asset('net1-cmh', 'pump:9');
    const [point] = (pump.props as { curve: { flow: number; head: number }[] }).curve;
    expect(point?.flow).toBeCloseTo(1500 / 3.6, 6);
    expect(point?.head).toBe(250);
  });

  it('computes positions for a file without [COORDINATES], with a warning', async () => {
    const inp = stripSection(read('Net3.inp'), 'COORDINATES');
    const result = await t.context.services.importNetwork(admin, { siteId: 'net3-bare', inp });
    expect(result.warnings.map((w) => w.code)).toContain('layout-computed');
    const network = await t.db.prisma.network.findFirstOrThrow({
      where: { siteId: 'net3-bare' },
    });
    expect(network.model).toMatchObject({ layout: 'computed' });
    expect(network.warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'layout-computed' })]),
    );
    const nodes = await t.db.prisma.asset.findMany({
      where: { siteId: 'net3-bare', fromId: null },
      select: { x: true, y: true },
    });
    expect(nodes).toHaveLength(97);
    const distinct = new Set(nodes.map((n) => `${n.x.toFixed(3)},${n.y.toFixed(3)}`));
    expect(distinct.size).toBe(97);
  });

  it('imports a generated 2,000-junction grid with a budget-limited EPANET check', async () => {
    const inp = generateGridNetwork({ rows: 40, cols: 50, seed: 7, withCoordinates: true });
    const result = await t.context.services.importNetwork(admin, { siteId: 'grid', inp });
    expect(result.counts).toMatchObject({ junction: 2000, reservoir: 1, tank: 1, pump: 1 });
    expect(result.counts.valve).toBe(3);
    const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
    expect(await assetCount('grid')).toBe(total);
    const budget = result.warnings.find((w) => w.code === 'epanet-budget');
    expect(budget?.message).toMatch(/^sanity check only: EPANET opened the model and solved/);
    const kinds = await t.db.prisma.asset.findMany({
      where: { siteId: 'grid', type: 'valve' },
      select: { valveKind: true },
      orderBy: { valveKind: 'asc' },
    });
    expect(kinds.map((k) => k.valveKind)).toEqual(['FCV', 'PRV', 'TCV']);
    expect(await asset('grid', 'J1_1')).toMatchObject({ x: 100, y: -100, type: 'junction' });
  }, 60_000);
});
