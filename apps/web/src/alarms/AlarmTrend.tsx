'use client';

import { useEffect, useMemo, useState } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { type AlarmView, type AssetType } from '@twinhelm/contracts';
import { ErrorMessage } from '../components/ErrorMessage';
import { type AssetLiveStore, type LivePoint } from '../live/asset-live-store';
import { formatMetricValue, formatNumber, metricLabel, metricUnit } from '../lib/format-value';
import { buildTrendSeries } from '../lib/trend-series';
import { useNow } from '../lib/use-now';
import { formatAxisClock, formatClock, referenceLimit, trendMetric } from './alarm-format';
import { useAlarmTrendHistory } from './api/alarm-queries';

/** How far before the alarm was raised the trend starts, and the longest it reaches back. */
export const TREND_BEFORE_MS = 30 * 60_000;
const TREND_MAX_MS = 24 * 3_600_000;

const AXIS = { stroke: '#a2a9af', tick: { fill: '#c3c9ce', fontSize: '0.8rem' } };

/** Live samples of the alarm's asset since `after`, when the live store follows that asset. */
function useLivePoints(
  store: AssetLiveStore,
  assetId: string,
  metric: string | null,
  after: number,
) {
  const [points, setPoints] = useState<LivePoint[]>([]);
  useEffect(() => {
    if (metric === null) return;
    let seen = -1;
    const poll = () => {
      const state = store.getState();
      if (state.assetId !== assetId || state.revision === seen) return;
      seen = state.revision;
      setPoints(store.getPoints(metric).filter((p) => p.t > after));
    };
    poll();
    const handle = setInterval(poll, 1000);
    return () => clearInterval(handle);
  }, [store, assetId, metric, after]);
  return points;
}

/** The alarm's metric from 30 min before it was raised until now, with its limit and the raise marked. */
export function AlarmTrend({
  siteId,
  alarm,
  assetType,
  store,
}: {
  siteId: string;
  alarm: AlarmView;
  assetType: AssetType | undefined;
  store: AssetLiveStore;
}) {
  const metric = trendMetric(alarm);
  const raisedAt = alarm.activeSince ?? alarm.announcedAt ?? alarm.updatedAt;
  const [to] = useState(() => Date.now());
  const from = Math.max(raisedAt - TREND_BEFORE_MS, to - TREND_MAX_MS);
  const history = useAlarmTrendHistory(siteId, alarm.assetId, metric, from, to);
  const live = useLivePoints(store, alarm.assetId, metric, to);
  const now = useNow(5000);
  const limit = referenceLimit(alarm);
  const series = useMemo(
    () => buildTrendSeries(history.data?.points ?? [], live, now, Math.max(60_000, now - from)),
    [history.data, live, now, from],
  );

  if (metric === null) {
    return <p className="alarms__note">This alarm is not about one metric, so it has no trend.</p>;
  }
  const unit = metricUnit(metric);
  const label = metricLabel(metric);
  return (
    <figure className="alarm-trend" aria-label={`Trend of ${label} around the alarm`}>
      <figcaption>
        {label}
        {unit ? ` (${unit})` : ''} since {formatClock(from)}
        {limit !== null ? ` · limit ${formatMetricValue(metric, limit, assetType)}` : ''}
      </figcaption>
      {history.isError ? (
        <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
      ) : null}
      {history.isPending ? <p className="alarms__note">Loading history…</p> : null}
      {!history.isPending && series.points.length === 0 ? (
        <p className="alarms__note">No samples of {label.toLowerCase()} in this window.</p>
      ) : null}
      {series.points.length > 0 ? (
        <div className="alarm-trend__chart">
          <ComposedChart
            responsive
            data={series.points}
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
              tickFormatter={(t: number) => formatAxisClock(t, series.domain[1] - series.domain[0])}
              minTickGap={24}
              {...AXIS}
            />
            <YAxis
              width="auto"
              domain={['auto', 'auto']}
              tickFormatter={(v: number) => formatNumber(v)}
              {...AXIS}
            />
            <Tooltip
              isAnimationActive={false}
              contentStyle={{
                background: '#1f2123',
                border: '1px solid #8a9198',
                color: '#f2f4f5',
              }}
              labelFormatter={(t) => (typeof t === 'number' ? formatClock(t) : '')}
              formatter={(value) => [
                typeof value === 'number' ? formatMetricValue(metric, value, assetType) : '',
                label,
              ]}
            />
            {limit !== null ? (
              <ReferenceLine
                y={limit}
                stroke="#ff6b5e"
                strokeDasharray="6 4"
                strokeWidth={2}
                ifOverflow="extendDomain"
                label={{
                  value: 'limit',
                  fill: '#ff6b5e',
                  position: 'insideTopRight',
                  fontSize: '0.8rem',
                }}
              />
            ) : null}
            <ReferenceLine
              x={raisedAt}
              stroke="#f5b83d"
              strokeWidth={1.5}
              ifOverflow="hidden"
              label={{
                value: 'raised',
                fill: '#f5b83d',
                position: 'insideTopLeft',
                fontSize: '0.8rem',
              }}
            />
            <Line
              dataKey="v"
              name="v"
              type={metric === 'status' ? 'stepAfter' : 'linear'}
              stroke="#e6e9eb"
              strokeWidth={2}
              dot={series.points.length < 3 ? { r: 3, fill: '#e6e9eb', stroke: 'none' } : false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </div>
      ) : null}
    </figure>
  );
}
