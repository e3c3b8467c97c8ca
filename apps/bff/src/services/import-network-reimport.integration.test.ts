import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseInp } from '@twinhelm/solver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNetworkAs } from './import-network';
import type { ImportNetworkFn } from './service-deps';
import { createTestContext, principal, type TestContext, refusal } from './testing/test-context';

const read = (name: string): string =>
  readFileSync(resolve(import.meta.dirname, '../../../../data/networks', name), 'utf8');
const admin = principal('admin');

describe('re-importing networks against PostgreSQL', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(async () => {
    await t.db.drop();
  });
  const rows = async () => ({
    sites: await t.db.prisma.site.count(),
    networks: await t.db.prisma.network.count(),
    assets: await t.db.prisma.asset.count(),
    audit: await t.db.prisma.auditLog.count(),
  });

  it('refuses a broken file whole: every error with its line, nothing written', async () => {
    const inp = read('Net1.inp')
      .replace(/^( 11\s+)710/m, '$1seven')
      .replace(/^( 12\s+12\s+)13/m, '$1J99');
    const before = await rows();
    const error = await refusal(t.context.services.importNetwork(admin, { siteId: 'bad', inp }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(
      /^the \.inp file was refused with 2 errors; first: line \d+ \[JUNCTIONS\]/,
    );
    const details = error.details as { path: string; message: string }[];
    expect(details).toHaveLength(2);
    expect(details[0]?.path).toMatch(/^line \d+ \[JUNCTIONS\]$/);
    expect(details[0]?.message).toContain('seven');
    expect(details[1]?.path).toMatch(/^line \d+ \[PIPES\]$/);
    expect(details[1]?.message).toContain('J99');
    expect(await rows()).toEqual(before);
  });

  it('rolls back everything when the asset write fails half-way', async () => {
    await t.context.services.importNetwork(admin, { siteId: 'atomic', inp: read('Net2.inp') });
    const before = await rows();
    const parsed = parseInp(read('Net3.inp'));
    if (!parsed.ok) throw new Error('Net3 must parse');
    const twice = [...parsed.model.nodes, parsed.model.nodes[0]!];
    const duplicating: ImportNetworkFn = () =>
      Promise.resolve({ ...parsed, model: { ...parsed.model, nodes: twice } });
    await expect(
      importNetworkAs({ ...t.deps, importNetwork: duplicating }, 'admin', {
        siteId: 'atomic',
        inp: read('Net3.inp'),
      }),
    ).rejects.toThrow(/cannot affect row a second time/);
    expect(await rows()).toEqual(before);
    const active = await t.db.prisma.network.findFirstOrThrow({
      where: { siteId: 'atomic', active: true },
    });
    expect(active.title).toBe(
      (parseInp(read('Net2.inp')) as { model: { title: string } }).model.title,
    );
  });

  it('replaces the assets on re-import, keeps telemetry and operator settings', async () => {
    const s = t.context.services;
    const first = await s.importNetwork(admin, { siteId: 'swap', inp: read('Net1.inp') });
    await t.db.prisma.asset.update({
      where: { siteId_id: { siteId: 'swap', id: '10' } },
      data: { name: 'Lake intake', expectedIntervalS: 30 },
    });
    await t.db.prisma.telemetrySample.create({
      data: { siteId: 'swap', assetId: '9', metric: 'head', ts: new Date(0), value: 1, seq: 1 },
    });
    t.now.value += 1000;
    const second = await s.importNetwork(admin, { siteId: 'swap', inp: read('Net3.inp') });
    expect(second.modelVersion).not.toBe(first.modelVersion);
    const total = Object.values(second.counts).reduce((a, b) => a + b, 0);
    expect(await t.db.prisma.asset.count({ where: { siteId: 'swap' } })).toBe(total);
    expect(
      await t.db.prisma.asset.findUnique({ where: { siteId_id: { siteId: 'swap', id: '9' } } }),
    ).toBeNull();
    expect(
      await t.db.prisma.asset.findUniqueOrThrow({
        where: { siteId_id: { siteId: 'swap', id: '10' } },
      }),
    ).toMatchObject({
      name: 'Lake intake',
      expectedIntervalS: 30,
    });
    expect(await t.db.prisma.telemetrySample.count({ where: { siteId: 'swap' } })).toBe(1);
    const networks = await t.db.prisma.network.findMany({
      where: { siteId: 'swap' },
      orderBy: { importedAt: 'asc' },
    });
    expect(networks.map((n) => [n.hash, n.active])).toEqual([
      [first.modelVersion, false],
      [second.modelVersion, true],
    ]);
    // back to the first file: its version becomes active again, its assets return
    t.now.value += 1000;
    const back = await s.importNetwork(admin, { siteId: 'swap', inp: read('Net1.inp') });
    expect(back.modelVersion).toBe(first.modelVersion);
    expect(
      await t.db.prisma.network.findFirstOrThrow({ where: { siteId: 'swap', active: true } }),
    ).toMatchObject({ hash: first.modelVersion });
    expect(await t.db.prisma.asset.count({ where: { siteId: 'swap' } })).toBe(24);
  });

  it('makes a same-file re-import a no-op: same version, no check, audited', async () => {
    const inp = read('Anytown.inp');
    const first = await t.context.services.importNetwork(admin, { siteId: 'again', inp });
    let checks = 0;
    const counting: ImportNetworkFn = (text) => {
      checks++;
      return t.deps.importNetwork(text);
    };
    const notified = t.imported.length;
    const before = await rows();
    const second = await importNetworkAs({ ...t.deps, importNetwork: counting }, 'admin', {
      siteId: 'again',
      inp,
    });
    expect(second).toEqual(first);
    expect(checks).toBe(0);
    expect(t.imported).toHaveLength(notified);
    expect(await rows()).toEqual({ ...before, audit: before.audit + 1 });
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({
      action: 'network.import',
      target: 'again',
      detail: { modelVersion: first.modelVersion, outcome: 'unchanged' },
    });
  });
});
