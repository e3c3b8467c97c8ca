'use client';

import { useEffect } from 'react';
import { type ScenarioFrames } from '@twinhelm/contracts';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useScenarioFrames } from '../api/scenario-queries';
import { type PredictionPlayer } from '../scene/prediction-player';
import { useWhatIf } from '../whatif-context';
import { clockLabel, offsetLabel } from './time-labels';
import { usePlayerState } from './use-prediction-player';

interface Props {
  scenarioId: string;
  player: PredictionPlayer | null;
  times: readonly number[];
  startClockS: number;
}

/**
 * Slider and play button over the run's report times: paints the predicted state onto the 3D
 * scene through a PredictionPlayer (frames never pass through React state). Unmounting gives
 * the scene back to live values.
 */
export function TimeScrubber({ scenarioId, player, times, startClockS }: Props) {
  const { colorBy } = useWhatIf();
  const metrics = [...new Set(['pressure', 'flow', 'level', colorBy])];
  const frames = useScenarioFrames(scenarioId, metrics, true);
  const loaded = frames.flatMap((f) => (f.data ? [f.data] : []));
  const failed = frames.find((f) => f.isError);
  const loadedKey = loaded.map((f) => f.metric).join(',');

  useEffect(() => {
    if (player && loaded.length > 0) player.setFrames(loaded satisfies ScenarioFrames[]);
    // `loaded` is rebuilt every render; the metrics that arrived are what matter.
  }, [player, loadedKey]);

  const state = usePlayerState(player);
  const t = times[state.index] ?? 0;
  const at = `${offsetLabel(t)} · ${clockLabel(startClockS, t)}`;
  const ready = loaded.length > 0;

  return (
    <section className="whatif__scrubber" aria-label="Prediction time">
      <div className="whatif__scrubber-head">
        <h3>Prediction in 3D</h3>
        <label className="whatif__check whatif__check--inline">
          <input
            type="checkbox"
            checked={state.visible}
            disabled={!player}
            onChange={(e) => player?.setVisible(e.currentTarget.checked)}
          />
          <span>Show on the scene</span>
        </label>
      </div>
      {failed ? <ErrorMessage error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      <div className="whatif__scrubber-row">
        <button
          type="button"
          className="button"
          disabled={!player || !ready || !state.visible}
          aria-label={state.playing ? 'Pause' : 'Play'}
          onClick={() => (state.playing ? player?.pause() : player?.play())}
        >
          {state.playing ? '❚❚' : '▶'}
        </button>
        <input
          type="range"
          className="whatif__range"
          min={0}
          max={Math.max(0, times.length - 1)}
          step={1}
          value={state.index}
          disabled={!player || !state.visible}
          aria-label="Simulated time"
          aria-valuetext={at}
          onChange={(e) => player?.seek(Number(e.currentTarget.value))}
        />
        <output className="whatif__time num" aria-live="off">
          {at}
        </output>
      </div>
      {!ready && !failed ? <p className="whatif__dim">Loading the predicted states…</p> : null}
    </section>
  );
}
