import type { ServiceDeps } from './service-deps';
import { notFound } from '../http/http-error';
import { didYouMean } from '../text/nearest-ids';

/** The site row, or a 404 naming the nearest known site ids. */
export async function loadSite(deps: Pick<ServiceDeps, 'prisma'>, siteId: string) {
  const site = await deps.prisma.site.findUnique({ where: { id: siteId } });
  if (site) return site;
  const known = await deps.prisma.site.findMany({ select: { id: true } });
  const hint = didYouMean(
    siteId,
    known.map((s) => s.id),
  );
  throw notFound(
    `${siteId}: unknown site${hint || (known.length === 0 ? ' (no site has been imported yet)' : '')}`,
  );
}
