import { legendFor } from '../colour/palette';
import type { SceneViewState } from '../scene-api';

/** Coarse state for React (useSyncExternalStore): each change publishes a new frozen object. */
export class ViewStore {
  private state: SceneViewState;
  private readonly listeners = new Set<() => void>();

  constructor(exaggeration: number) {
    this.state = Object.freeze({
      status: 'empty',
      selectedAssetId: null,
      colorBy: 'pressure',
      elevationExaggeration: exaggeration,
      legend: legendFor('pressure'),
      overlay: null,
      highlightLegend: [],
    });
  }

  get(): SceneViewState {
    return this.state;
  }

  update(patch: Partial<SceneViewState>): void {
    const next: SceneViewState = { ...this.state, ...patch };
    if (!('error' in patch) && next.status !== 'error') delete next.error;
    this.state = Object.freeze(next);
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  clearListeners(): void {
    this.listeners.clear();
  }
}
