'use client';

import { useMemo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { type AlarmQuantity, type QuantityEffect } from '@twinhelm/contracts';
import { formatMetricValue, formatNumber } from '../../lib/format-value';
import { effectSeries } from '../advice-shaping';

const AXIS = { stroke: '#a2a9af', tick: { fill: '#c3c9ce', fontSize: '0.8rem' } };
const NAMES: Record<string, string> = {
  baseline: 'Doing nothing',
  action: 'With the action',
  band: 'P5–P95',
};

/** The alarm's quantity over the horizon: doing nothing (dashed) against the action, with its band and the limit. */
export function EffectChart({
  quantity,
  baseline,
  effect,
  title,
}: {
  quantity: AlarmQuantity;
  baseline: QuantityEffect | null;
  effect: QuantityEffect;
  title: string;
}) {
  const data = useMemo(() => effectSeries(baseline, effect), [baseline, effect]);
  const hasBand = data.some((p) => p.band !== undefined);
  if (data.length === 0) return null;
  return (
    <figure className="advice-chart" aria-label={title}>
      <div className="advice-chart__plot">
        <ComposedChart
          responsive
          data={data}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          style={{ width: '100%', height: '100%' }}
        >
          <CartesianGrid stroke="#4a5055" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="h"
            type="number"
            domain={['dataMin', 'dataMax']}
            tickFormatter={(h: number) => `+${formatNumber(h)} h`}
            minTickGap={16}
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
            contentStyle={{ background: '#1f2123', border: '1px solid #8a9198', color: '#f2f4f5' }}
            itemStyle={{ color: '#f2f4f5' }}
            labelFormatter={(h) => (typeof h === 'number' ? `+${formatNumber(h)} h` : '')}
            formatter={(value, name) => {
              const text = Array.isArray(value)
                ? value.map((x) => formatMetricValue(quantity.metric, Number(x))).join(' – ')
                : formatMetricValue(quantity.metric, Number(value));
              return [text, NAMES[String(name)] ?? String(name)];
            }}
          />
          {hasBand ? (
            <Area
              dataKey="band"
              name="band"
              type="linear"
              stroke="none"
              fill="rgba(245,184,61,0.28)"
              isAnimationActive={false}
              activeDot={false}
            />
          ) : null}
          {quantity.limit !== null ? (
            <ReferenceLine
              y={quantity.limit}
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
          {baseline ? (
            <Line
              dataKey="baseline"
              name="baseline"
              type="linear"
              stroke="#a2a9af"
              strokeDasharray="5 4"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ) : null}
          <Line
            dataKey="action"
            name="action"
            type="linear"
            stroke="#f2f4f5"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </ComposedChart>
      </div>
      <figcaption className="advice-chart__legend">
        <span className="advice-chart__key advice-chart__key--baseline">doing nothing</span>
        <span className="advice-chart__key advice-chart__key--action">with the action</span>
        {hasBand ? <span className="advice-chart__key advice-chart__key--band">P5–P95</span> : null}
      </figcaption>
    </figure>
  );
}
