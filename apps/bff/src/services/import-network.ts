import { createHash } from 'node:crypto';
import { ImportWarningSchema, type ImportNetworkResult, type Principal } from '@twinhelm/contracts';
import type { Prisma } from '../generated/prisma/client';
import { actorOf, appendAudit } from './audit';
import { checkNetworkFile } from './import-network-check';
import { activateNetworkVersion } from './import-network-version';
import { type RenamedLink, siteUniqueIds } from './import-network-ids';
import { networkAssets } from './network-assets';
import type { ServiceDeps } from './service-deps';
import { requirePermission } from './require-permission';
import { writeAssets } from './write-assets';

export interface ImportNetworkInput {
  siteId: string;
  name?: string;
  inp: string;
}

/**
 * Imports an EPANET .inp file as the site's active network: the site, the network version and
 * every asset are written in one transaction (the previous version becomes inactive, assets no
 * longer in the file are removed); a refused file writes nothing and answers 400 with every
 * error and its line. Importing the site's active file again changes nothing (audited no-op).
 */
export async function importNetwork(
  deps: ServiceDeps,
  principal: Principal,
  input: ImportNetworkInput,
): Promise<ImportNetworkResult> {
  requirePermission(principal, 'network:import');
  return importNetworkAs(deps, actorOf(principal), input);
}

/** The import itself, for a named actor (also used by the demo data set-up). */
export async function importNetworkAs(
  deps: ServiceDeps,
  actor: string,
  input: ImportNetworkInput,
): Promise<ImportNetworkResult> {
  const hash = createHash('sha256').update(input.inp, 'utf8').digest('hex');
  const bytes = Buffer.byteLength(input.inp);
  const unchanged = await reimportOfActive(deps, actor, input, hash, bytes);
  if (unchanged) return unchanged;

  const checked = await checkNetworkFile(deps.importNetwork, input.inp);
  const { model, renamed, warnings: idWarnings } = siteUniqueIds(checked.model);
  const warnings = [...checked.warnings, ...idWarnings];
  const assets = withEpanetIds(networkAssets(input.siteId, model), renamed);
  const counts = countByType(assets);
  await deps.prisma.$transaction(
    async (tx) => {
      await tx.site.upsert({
        where: { id: input.siteId },
        create: { id: input.siteId, name: input.name ?? (model.title || input.siteId) },
        update: input.name ? { name: input.name } : {},
      });
      await activateNetworkVersion(tx, {
        siteId: input.siteId,
        hash,
        inp: input.inp,
        model,
        warnings,
        importedBy: actor,
        importedAt: new Date(deps.clock()),
      });
      const { removed } = await writeAssets(tx, input.siteId, assets);
      await appendAudit(tx, {
        actor,
        action: 'network.import',
        target: input.siteId,
        detail: {
          modelVersion: hash,
          outcome: 'imported',
          counts,
          removed,
          renamedLinks: renamed.length,
          layout: model.layout,
          warnings: warnings.length,
          bytes,
        },
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  await deps.onNetworkImported(input.siteId);
  return { siteId: input.siteId, modelVersion: hash, counts, warnings };
}

/**
 * The same file as the site's active network: nothing to write but the audit entry (and the
 * site's name, when a new one is given). Returns undefined when the file is new to the site.
 */
async function reimportOfActive(
  deps: ServiceDeps,
  actor: string,
  input: ImportNetworkInput,
  hash: string,
  bytes: number,
): Promise<ImportNetworkResult | undefined> {
  const active = await deps.prisma.network.findFirst({
    where: { siteId: input.siteId, hash, active: true },
    select: { warnings: true },
  });
  if (!active) return undefined;
  const groups = await deps.prisma.asset.groupBy({
    by: ['type'],
    where: { siteId: input.siteId },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(groups.map((g) => [g.type, g._count._all]));
  const warnings = ImportWarningSchema.array().parse(active.warnings);
  await deps.prisma.$transaction(async (tx) => {
    if (input.name) {
      await tx.site.update({ where: { id: input.siteId }, data: { name: input.name } });
    }
    await appendAudit(tx, {
      actor,
      action: 'network.import',
      target: input.siteId,
      detail: { modelVersion: hash, outcome: 'unchanged', counts, bytes },
    });
  });
  return { siteId: input.siteId, modelVersion: hash, counts, warnings };
}

function countByType(assets: readonly Prisma.AssetCreateManyInput[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of assets) counts[a.type] = (counts[a.type] ?? 0) + 1;
  return counts;
}

/** Renamed links keep their EPANET id in props, for whoever runs the .inp file. */
function withEpanetIds(
  assets: Prisma.AssetCreateManyInput[],
  renamed: readonly RenamedLink[],
): Prisma.AssetCreateManyInput[] {
  if (renamed.length === 0) return assets;
  const epanetIds = new Map(renamed.map((r) => [r.assetId, r.epanetId]));
  return assets.map((a) => {
    const epanetId = epanetIds.get(a.id);
    if (epanetId === undefined) return a;
    const props = typeof a.props === 'object' && a.props !== null ? a.props : {};
    return { ...a, props: { ...props, epanetId } };
  });
}
