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
import { formatNumber, metricLabel, metricUnit } from '../../lib/format-value';
import { type AssetChart } from './band-series';
import { clockLabel, clockTicks, offsetLabel } from './time-labels';

interface Props {
  chart: AssetChart;
  /** The scrubber's time (s), marked with a vertical line; null: none. */
  cursorT: number | null;
  startClockS: number;
  onRemove: () => void;
}

const AXIS = { stroke: '#a2a9af', tick: { fill: '#c3c9ce', fontSize: '0.8rem' } };

/** One asset's predicted metric: the run as a line, the ensemble's P5–P95 band and P50. */
export function AssetBandChart({ chart, cursorT, startClockS, onRemove }: Props) {
  const unit = metricUnit(chart.metric);
  const end = chart.rows.at(-1)?.t ?? 0;
  const title = `${chart.assetId} · ${metricLabel(chart.metric)}${unit ? ` (${unit})` : ''}`;
  return (
    <figure className="whatif__chart" aria-label={`Predicted ${title}`}>
      <figcaption>
        <span className="search__id">{chart.assetId}</span>{' '}
        <span className="whatif__dim">
          {metricLabel(chart.metric)}
          {unit ? ` (${unit})` : ''}
          {chart.hasBand ? ' · band P5–P95, dashed P50' : ''}
        </span>
        <button
          type="button"
          className="button button--ghost whatif__remove"
          aria-label={`Remove the chart of ${chart.assetId}`}
          onClick={onRemove}
        >
          ✕
        </button>
      </figcaption>
      <div className="whatif__chart-area">
        <ComposedChart
          responsive
          data={chart.rows}
          margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
          style={{ width: '100%', height: '100%' }}
        >
          <CartesianGrid stroke="#4a5055" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            domain={[0, end]}
            ticks={clockTicks(startClockS, end)}
            tickFormatter={(t: number) => clockLabel(startClockS, t).slice(0, 5)}
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
            labelFormatter={(t) =>
              typeof t === 'number' ? `${offsetLabel(t)} · ${clockLabel(startClockS, t)}` : ''
            }
            formatter={(value, name) => {
              const label = name === 'band' ? 'P5–P95' : name === 'p50' ? 'P50' : 'Run';
              const text = Array.isArray(value)
                ? value.map((x) => formatNumber(Number(x))).join('–')
                : formatNumber(Number(value));
              return [`${text}${unit ? ` ${unit}` : ''}`, label];
            }}
          />
          {chart.hasBand ? (
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
          {chart.hasBand ? (
            <Line
              dataKey="p50"
              name="p50"
              type="linear"
              stroke="#f5b83d"
              strokeDasharray="5 4"
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
          ) : null}
          {cursorT !== null ? (
            <ReferenceLine x={cursorT} stroke="#c9b3ff" strokeWidth={2} ifOverflow="hidden" />
          ) : null}
          <Line
            dataKey="v"
            name="v"
            type="linear"
            stroke="#e6e9eb"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </div>
    </figure>
  );
}
