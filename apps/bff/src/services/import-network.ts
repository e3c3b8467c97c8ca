import { createHash } from 'node:crypto';
import type { ImportNetworkResult, Principal } from '@twinhelm/contracts';
import { badRequest } from '../http/http-error';
import { actorOf, appendAudit } from './audit';
import { networkAssets } from './network-assets';
import type { InpImportError, ServiceDeps } from './service-deps';
import { requirePermission } from './require-permission';

export interface ImportNetworkInput {
  siteId: string;
  name?: string;
  inp: string;
}

/**
 * Imports an EPANET .inp file as the site's active network: the site, the network version and
 * every asset are written in one transaction (the previous version becomes inactive); a
 * refused file writes nothing and answers 400 with every error and its line.
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
  const result = await deps.importNetwork(input.inp);
  if (!result.ok) {
    const first = result.errors[0];
    const summary = first ? `; first: ${where(first)}: ${first.message}` : '';
    throw badRequest(
      `the .inp file was refused with ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}${summary}. Fix them and import again.`,
      result.errors.map((e) => ({ path: where(e), message: e.message })),
    );
  }
  const { model, warnings } = result;
  const hash = createHash('sha256').update(input.inp, 'utf8').digest('hex');
  const assets = networkAssets(input.siteId, model);
  const counts: Record<string, number> = {};
  for (const a of assets) counts[a.type] = (counts[a.type] ?? 0) + 1;
  const networkData = {
    title: model.title,
    inp: input.inp,
    model: { ...model, hash },
    warnings,
    active: true,
    importedBy: actor,
  };
  await deps.prisma.$transaction(
    async (tx) => {
      await tx.site.upsert({
        where: { id: input.siteId },
        create: { id: input.siteId, name: input.name ?? (model.title || input.siteId) },
        update: input.name ? { name: input.name } : {},
      });
      await tx.network.updateMany({
        where: { siteId: input.siteId, active: true },
        data: { active: false },
      });
      await tx.network.upsert({
        where: { siteId_hash: { siteId: input.siteId, hash } },
        create: { siteId: input.siteId, hash, ...networkData },
        update: { ...networkData, importedAt: new Date(deps.clock()) },
      });
      await tx.asset.deleteMany({ where: { siteId: input.siteId } });
      await tx.asset.createMany({ data: assets });
      await appendAudit(tx, {
        actor,
        action: 'network.import',
        target: input.siteId,
        detail: {
          modelVersion: hash,
          counts,
          warnings: warnings.length,
          bytes: Buffer.byteLength(input.inp),
        },
      });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  await deps.onNetworkImported(input.siteId);
  return { siteId: input.siteId, modelVersion: hash, counts, warnings };
}

function where(e: InpImportError): string {
  const section = e.section ? `[${e.section}]` : '';
  if (e.line !== undefined) return `line ${e.line}${section ? ` ${section}` : ''}`;
  return section || 'file';
}
