'use client';

import { useState, useSyncExternalStore } from 'react';
import { METRICS_BY_TYPE, type AssetWithLatest } from '@twinhelm/contracts';
import { type AssetLiveStore } from '../live/asset-live-store';
import {
  DEFAULT_EXPECTED_INTERVAL_S,
  formatAge,
  freshnessOf,
  lastSampleAt,
  type Freshness,
} from '../lib/freshness';
import { defaultTrendMetric } from '../lib/format-value';
import { useNow } from '../lib/use-now';
import { AssetValues } from './AssetValues';
import { TrendChart } from './TrendChart';

interface Props {
  siteId: string;
  assetId: string;
  /** undefined while the asset list loads, or when the site has no such asset. */
  asset: AssetWithLatest | undefined;
  listLoaded: boolean;
  store: AssetLiveStore;
  onClose: () => void;
}

function FreshnessBadge({
  freshness,
  lastSeenAt,
  now,
}: {
  freshness: Freshness;
  lastSeenAt: number | null;
  now: number;
}) {
  if (freshness === 'unmeasured') return <span className="badge">no data</span>;
  const age = lastSeenAt === null ? '' : ` · ${formatAge(now - lastSeenAt)}`;
  if (freshness === 'stale') return <span className="badge badge--stale">stale{age}</span>;
  return <span className="badge">reporting{age}</span>;
}

/** The selected asset: type, live values with units and age, freshness, and a 6 h trend. */
export function AssetPanel({ siteId, assetId, asset, listLoaded, store, onClose }: Props) {
  const live = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  const now = useNow(1000);
  const latest = live.assetId === assetId ? live.latest : (asset?.latest ?? {});
  const metrics = [
    ...new Set([...(asset ? METRICS_BY_TYPE[asset.type] : []), ...Object.keys(latest)]),
  ];
  const [trendMetric, setTrendMetric] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const chosenMetric = trendMetric ?? defaultTrendMetric(metrics);

  const intervalS = asset?.expectedIntervalS ?? DEFAULT_EXPECTED_INTERVAL_S;
  const lastSeenAt = lastSampleAt(latest) ?? asset?.lastSeenAt ?? null;
  const nothingNewer = asset !== undefined && (lastSeenAt ?? 0) <= (asset.lastSeenAt ?? 0);
  const computed = freshnessOf(lastSeenAt, now, intervalS);
  const freshness: Freshness =
    computed === 'fresh' && nothingNewer && asset?.freshness === 'stale' ? 'stale' : computed;

  return (
    <section
      className={collapsed ? 'panel panel--collapsed' : 'panel'}
      role="region"
      aria-label={assetId}
    >
      <div className="panel__head">
        <div>
          <h2>{assetId}</h2>
          <p className="panel__sub">
            {asset ? (
              <>
                {asset.type}
                {asset.valveKind ? ` (${asset.valveKind})` : ''}
                {asset.name ? ` · ${asset.name}` : ''}
              </>
            ) : listLoaded ? (
              `${assetId} is not an asset of site ${siteId}.`
            ) : (
              'Loading…'
            )}
          </p>
        </div>
        <div className="panel__actions">
          <button
            type="button"
            className="button button--ghost"
            aria-label={collapsed ? 'Expand asset panel' : 'Collapse asset panel'}
            aria-expanded={!collapsed}
            aria-controls={`panel-body-${assetId}`}
            onClick={() => setCollapsed((c) => !c)}
          >
            {collapsed ? '▴' : '▾'}
          </button>
          <button
            type="button"
            className="button button--ghost"
            aria-label="Close asset panel"
            onClick={onClose}
          >
            ✕
          </button>
        </div>
      </div>
      {!collapsed && (asset || metrics.length > 0) ? (
        <div className="panel__body" id={`panel-body-${assetId}`}>
          <div>
            <FreshnessBadge freshness={freshness} lastSeenAt={lastSeenAt} now={now} />
          </div>
          <AssetValues
            metrics={metrics}
            latest={latest}
            assetType={asset?.type}
            now={now}
            intervalMs={intervalS * 1000}
            trendMetric={chosenMetric}
            onTrend={setTrendMetric}
          />
          {chosenMetric ? (
            <TrendChart
              key={chosenMetric}
              siteId={siteId}
              assetId={assetId}
              metric={chosenMetric}
              assetType={asset?.type}
              store={store}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
