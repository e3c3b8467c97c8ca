import { type ScenarioFrames } from '@twinhelm/contracts';
import { predictionLabel } from '../results/time-labels';
import { type OverlayMetric, type SceneOverlay } from '../../scene/use-scene-controller';

const OVERLAY_METRICS: readonly string[] = [
  'pressure',
  'head',
  'demand',
  'flow',
  'velocity',
  'level',
  'power',
  'status',
] satisfies readonly OverlayMetric[];

const isOverlayMetric = (m: string): m is OverlayMetric => OVERLAY_METRICS.includes(m);

/** Every asset's values at one report time, from frames of several metrics. */
export function frameValues(
  frames: readonly ScenarioFrames[],
  index: number,
): Record<string, Partial<Record<OverlayMetric, number>>> {
  const values: Record<string, Partial<Record<OverlayMetric, number>>> = {};
  for (const frame of frames) {
    const metric = frame.metric;
    if (!isOverlayMetric(metric)) continue;
    for (const [assetId, series] of Object.entries(frame.values)) {
      const v = series[index];
      if (v === undefined || !Number.isFinite(v)) continue;
      (values[assetId] ??= {})[metric] = v;
    }
  }
  return values;
}

export interface PlayerState {
  index: number;
  playing: boolean;
  /** Painting onto the scene (false: the scene shows live values). */
  visible: boolean;
}

export interface PredictionPlayerOptions {
  times: readonly number[];
  scenarioName: string;
  /** Paints one frame (the overlay coordinator's showPrediction). */
  show: (overlay: SceneOverlay) => void;
  /** Clears it when the player is disposed. */
  clear: () => void;
  stepMs?: number;
  schedule?: (fn: () => void, ms: number) => () => void;
}

const defaultSchedule = (fn: () => void, ms: number): (() => void) => {
  const handle = setInterval(fn, ms);
  return () => clearInterval(handle);
};

/**
 * The time scrubber's engine: holds the frames (never React state), paints the chosen report
 * time onto the scene, and plays through the times on its own timer. React reads only
 * { index, playing } through subscribe/getState.
 */
export class PredictionPlayer {
  private state: PlayerState = { index: 0, playing: false, visible: true };
  private frames: readonly ScenarioFrames[] = [];
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;
  private disposed = false;

  constructor(private readonly options: PredictionPlayerOptions) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PlayerState => this.state;

  get count(): number {
    return this.options.times.length;
  }

  /** New frames (another metric arrived): repaint the current time. */
  setFrames(frames: readonly ScenarioFrames[]): void {
    this.frames = frames;
    this.paint();
  }

  seek(index: number): void {
    const clamped = Math.min(Math.max(0, Math.round(index)), Math.max(0, this.count - 1));
    this.set({ index: clamped });
    this.paint();
  }

  play(): void {
    if (this.state.playing || this.count < 2) return;
    if (this.state.index >= this.count - 1) this.seek(0);
    this.set({ playing: true });
    const schedule = this.options.schedule ?? defaultSchedule;
    this.stop = schedule(() => {
      if (this.state.index >= this.count - 1) this.pause();
      else this.seek(this.state.index + 1);
    }, this.options.stepMs ?? 400);
  }

  pause(): void {
    this.stop?.();
    this.stop = null;
    if (this.state.playing) this.set({ playing: false });
  }

  /** Paint the prediction (true) or give the scene back to live values (false). */
  setVisible(visible: boolean): void {
    if (visible === this.state.visible) return;
    this.set({ visible });
    if (visible) this.paint();
    else {
      this.pause();
      this.options.clear();
    }
  }

  dispose(): void {
    this.pause();
    this.disposed = true;
    this.listeners.clear();
    this.options.clear();
  }

  private paint(): void {
    if (this.disposed || !this.state.visible || this.frames.length === 0) return;
    const t = this.options.times[this.state.index] ?? 0;
    this.options.show({
      kind: 'prediction',
      label: predictionLabel(t, this.options.scenarioName),
      values: frameValues(this.frames, this.state.index),
      fill: 'all',
    });
  }

  private set(patch: Partial<PlayerState>): void {
    if (this.disposed) return;
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
