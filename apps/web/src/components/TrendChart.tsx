'use client';

import { useEffect, useMemo, useState } from 'react';
import { Area, ComposedChart, Line, Tooltip, XAxis, YAxis, CartesianGrid } from 'recharts';
import { type AssetType } from '@twinhelm/contracts';
import { TREND_WINDOW_MS, useTelemetry } from '../api/queries';
import { type AssetLiveStore, type LivePoint } from '../live/asset-live-store';
import { formatMetricValue, formatNumber, metricLabel, metricUnit } from '../lib/format-value';
import { buildTrendSeries } from '../lib/trend-series';
import { useNow } from '../lib/use-now';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  siteId: string;
  assetId: string;
  metric: string;
  assetType: AssetType | undefined;
  store: AssetLiveStore;
}

const clock = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const clockWithSeconds = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Live points received since the history was fetched, polled from the store once a second. */
function useLivePoints(store: AssetLiveStore, metric: string, after: number): LivePoint[] {
  const [points, setPoints] = useState<LivePoint[]>([]);
  useEffect(() => {
    let seen = -1;
    const poll = () => {
      const revision = store.getState().revision;
      if (revision === seen) return;
      seen = revision;
      setPoints(store.getPoints(metric).filter((p) => p.t > after));
    };
    poll();
    const handle = setInterval(poll, 1000);
    return () => clearInterval(handle);
  }, [store, metric, after]);
  return points;
}

/** The last six hours of one metric (server-downsampled mean with min–max band), extended live. */
export function TrendChart({ siteId, assetId, metric, assetType, store }: Props) {
  const [to] = useState(() => Date.now());
  const history = useTelemetry(siteId, assetId, metric, to);
  const live = useLivePoints(store, metric, to);

  const now = useNow(5000);
  const series = useMemo(
    () => buildTrendSeries(history.data?.points ?? [], live, now, TREND_WINDOW_MS),
    [history.data, live, now],
  );
  const data = series.points;
  const tickClock = series.withSeconds ? clockWithSeconds : clock;

  const unit = metricUnit(metric);
  const span = series.coversWindow ? 'last 6 h' : `since ${tickClock.format(series.domain[0])}`;
  const title = `${metricLabel(metric)}${unit ? ` (${unit})` : ''}, ${span}`;
  return (
    <section className="trend" aria-label={`Trend of ${metricLabel(metric)}`}>
      <h3>{title}</h3>
      {history.isError ? (
        <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
      ) : null}
      {history.isPending ? <p className="trend__note">Loading history…</p> : null}
      {!history.isPending && data.length === 0 ? (
        <p className="trend__note">
          No samples of {metricLabel(metric).toLowerCase()} in the last 6 hours.
        </p>
      ) : null}
      {data.length > 0 ? (
        <div className="trend__chart">
          <ComposedChart
            responsive
            data={data}
            margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
            style={{ width: '100%', height: '100%' }}
          >
            <CartesianGrid stroke="#4a5055" strokeDasharray="2 4" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={series.domain}
              ticks={series.ticks}
              tickFormatter={(t: number) => tickClock.format(t)}
              stroke="#a2a9af"
              tick={{ fill: '#c3c9ce', fontSize: '0.8rem' }}
              minTickGap={24}
            />
            <YAxis
              width="auto"
              domain={['auto', 'auto']}
              stroke="#a2a9af"
              tick={{ fill: '#c3c9ce', fontSize: '0.8rem' }}
              tickFormatter={(v: number) => formatNumber(v)}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={{
                background: '#1f2123',
                border: '1px solid #8a9198',
                color: '#f2f4f5',
              }}
              labelFormatter={(t) => (typeof t === 'number' ? clockWithSeconds.format(t) : '')}
              formatter={(value, name) =>
                name === 'band' || !(typeof value === 'number')
                  ? [null, null]
                  : [formatMetricValue(metric, value, assetType), metricLabel(metric)]
              }
            />
            {series.showBand ? (
              <Area
                dataKey="band"
                name="band"
                type="linear"
                stroke="none"
                fill="rgba(230,233,235,0.16)"
                isAnimationActive={false}
                activeDot={false}
              />
            ) : null}
            <Line
              dataKey="v"
              name="v"
              type={metric === 'status' ? 'stepAfter' : 'linear'}
              stroke="#e6e9eb"
              strokeWidth={2}
              dot={data.length < 3 ? { r: 3, fill: '#e6e9eb', stroke: 'none' } : false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </div>
      ) : null}
    </section>
  );
}
