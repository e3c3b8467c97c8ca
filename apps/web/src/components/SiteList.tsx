'use client';

import Link from 'next/link';
import { type SiteSummary } from '@twinhelm/contracts';
import { useSites } from '../api/queries';
import { formatAge } from '../lib/freshness';
import { useNow } from '../lib/use-now';
import { consoleHref } from '../lib/url-state';
import { ErrorMessage } from './ErrorMessage';

/** A site whose newest sample is older than this is shown as stale. */
const SITE_STALE_MS = 5 * 60_000;

function SiteCard({ site, now }: { site: SiteSummary; now: number }) {
  const stale = site.lastSampleAt !== null && now - site.lastSampleAt > SITE_STALE_MS;
  return (
    <li>
      <Link className="site-card" href={consoleHref(site.id)}>
        <span className="site-card__name">{site.name}</span>
        <span className="site-card__meta">
          <span className="search__id">{site.id}</span>
          <span className="num">{site.assetCount} assets</span>
          <span>
            {site.modelVersion ? `model ${site.modelVersion.slice(0, 8)}` : 'no network model yet'}
          </span>
        </span>
        <span className="site-card__meta">
          {site.lastSampleAt === null ? (
            <span className="badge">no data yet</span>
          ) : (
            <span className={stale ? 'badge badge--stale' : 'badge'}>
              {stale ? 'stale · ' : ''}last sample {formatAge(now - site.lastSampleAt)}
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}

export function SiteList() {
  const sites = useSites();
  const now = useNow(5000);
  if (sites.isPending) return <p aria-busy="true">Loading sites…</p>;
  if (sites.isError)
    return <ErrorMessage error={sites.error} onRetry={() => void sites.refetch()} />;
  if (sites.data.sites.length === 0) {
    return (
      <p className="message">
        No sites yet. An administrator can import a network model (.inp) to create one.
      </p>
    );
  }
  return (
    <ul className="site-list">
      {sites.data.sites.map((site) => (
        <SiteCard key={site.id} site={site} now={now} />
      ))}
    </ul>
  );
}
