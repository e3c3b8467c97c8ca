import { useMemo } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useScenarioSeries } from '../api/scenario-queries';
import { type PredictionPlayer } from '../scene/prediction-player';
import { AssetBandChart } from './AssetBandChart';
import { assetCharts } from './band-series';
import { usePlayerState } from './use-prediction-player';

interface Props {
  scenarioId: string;
  assetIds: readonly string[];
  /** The scrubber's player: its time is marked on every chart. */
  player: PredictionPlayer | null;
  times: readonly number[];
  startClockS: number;
  onRemove: (assetId: string) => void;
}

/** Time series of the chosen assets (the perturbed ones and the worst violators first). */
export function ScenarioCharts({
  scenarioId,
  assetIds,
  player,
  times,
  startClockS,
  onRemove,
}: Props) {
  const { index, visible } = usePlayerState(player);
  const cursorT = visible ? (times[index] ?? null) : null;
  const series = useScenarioSeries(scenarioId, assetIds, true);
  const charts = useMemo(
    () => (series.data ? assetCharts(series.data, assetIds) : []),
    [series.data, assetIds],
  );
  const missing = series.data ? assetIds.filter((id) => !series.data.assets[id]) : [];
  return (
    <section className="whatif__section" aria-label="Predicted time series">
      <h3>Time series</h3>
      <p className="whatif__dim">Click an asset in 3D to add its chart.</p>
      {series.isError ? (
        <ErrorMessage error={series.error} onRetry={() => void series.refetch()} />
      ) : null}
      {series.isPending && assetIds.length > 0 ? (
        <p className="whatif__dim">Loading series…</p>
      ) : null}
      {charts.map((chart) => (
        <AssetBandChart
          key={chart.assetId}
          chart={chart}
          cursorT={cursorT}
          startClockS={startClockS}
          onRemove={() => onRemove(chart.assetId)}
        />
      ))}
      {missing.length > 0 ? (
        <p className="whatif__dim">No predicted series for {missing.join(', ')}.</p>
      ) : null}
    </section>
  );
}
