'use client';

import { useEffect, useRef, useState } from 'react';
import { type ScenarioDetail } from '@twinhelm/contracts';
import { useWhatIf } from '../whatif-context';
import { defaultChartAssets, perturbedAssets } from './default-chart-assets';
import { KpiCards } from './KpiCards';
import { RecommendationList } from './RecommendationList';
import { ScenarioCharts } from './ScenarioCharts';
import { TimeScrubber } from './TimeScrubber';
import { usePredictionPlayer } from './use-prediction-player';
import { ViolationsTable } from './ViolationsTable';

const MAX_CHARTS = 8;
const NO_TIMES: number[] = [];

/** A finished scenario: KPIs, the prediction on the scene, violations, recommendations, charts. */
export function ResultsView({ scenario }: { scenario: ScenarioDetail }) {
  const { coordinator, selectedAssetId } = useWhatIf();
  const perturbations = scenario.request.scenario.perturbations;
  const violations = scenario.violations ?? [];
  const [chartAssets, setChartAssets] = useState(() =>
    defaultChartAssets(perturbations, violations),
  );

  // An asset picked in 3D while the results are open joins the charts.
  const lastSelected = useRef(selectedAssetId);
  useEffect(() => {
    if (selectedAssetId === lastSelected.current) return;
    lastSelected.current = selectedAssetId;
    if (selectedAssetId === null) return;
    setChartAssets((ids) =>
      ids.includes(selectedAssetId) ? ids : [selectedAssetId, ...ids].slice(0, MAX_CHARTS),
    );
  }, [selectedAssetId]);

  useEffect(() => () => coordinator.clearHighlights(), [coordinator]);

  const times = scenario.times ?? NO_TIMES;
  const startClockS = scenario.startClockS ?? 0;
  const player = usePredictionPlayer(times, scenario.name);
  return (
    <div className="whatif__results">
      {scenario.kpis ? (
        <KpiCards kpis={scenario.kpis} ensemble={scenario.ensemble} />
      ) : (
        <p className="whatif__dim">This run stored no KPIs.</p>
      )}
      {times.length > 0 ? (
        <TimeScrubber
          scenarioId={scenario.id}
          player={player}
          times={times}
          startClockS={startClockS}
        />
      ) : null}
      <ViolationsTable
        violations={violations}
        probabilities={scenario.ensemble?.violationProbability ?? null}
        startClockS={startClockS}
      />
      {scenario.recommendations ? (
        <RecommendationList scenario={scenario} affected={perturbations.flatMap(perturbedAssets)} />
      ) : scenario.request.recommend ? (
        <p className="whatif__dim">
          {violations.length === 0
            ? 'No violations, so no mitigating actions were searched.'
            : 'This run stored no recommendations.'}
        </p>
      ) : null}
      <ScenarioCharts
        scenarioId={scenario.id}
        assetIds={chartAssets}
        player={player}
        times={times}
        startClockS={startClockS}
        onRemove={(id) => setChartAssets((ids) => ids.filter((x) => x !== id))}
      />
    </div>
  );
}
