'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { PredictionPlayer, type PlayerState } from '../scene/prediction-player';
import { useWhatIf } from '../whatif-context';

const STILL: PlayerState = { index: 0, playing: false, visible: true };
const noSubscription = () => () => undefined;
const still = () => STILL;

/**
 * The results' PredictionPlayer: created with the scenario's report times, painting through
 * the overlay coordinator, disposed (scene back to live) when the results unmount.
 */
export function usePredictionPlayer(
  times: readonly number[],
  scenarioName: string,
): PredictionPlayer | null {
  const { coordinator } = useWhatIf();
  const [player, setPlayer] = useState<PredictionPlayer | null>(null);
  useEffect(() => {
    const created = new PredictionPlayer({
      times,
      scenarioName,
      show: (overlay) => coordinator.showPrediction(overlay),
      clear: () => coordinator.clearPrediction(),
    });
    setPlayer(created);
    return () => {
      created.dispose();
      setPlayer(null);
    };
  }, [coordinator, times, scenarioName]);
  return player;
}

/** The player's { index, playing, visible } for React (a still state before it exists). */
export function usePlayerState(player: PredictionPlayer | null): PlayerState {
  return useSyncExternalStore(
    player?.subscribe ?? noSubscription,
    player?.getState ?? still,
    still,
  );
}
