import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { SceneController, type SceneControllerOptions } from '../scene-controller';

/** A controller on a headless NullEngine with a manual clock: tests step frames themselves. */
export function createHarness(options: SceneControllerOptions = {}) {
  let time = 0;
  const engine = new NullEngine({
    renderWidth: 800,
    renderHeight: 600,
    textureSize: 256,
    deterministicLockstep: false,
    lockstepMaxSteps: 1,
  });
  const controller = new SceneController(engine, {
    clock: () => time,
    renderLoop: false,
    labels: false,
    ...options,
  });
  return {
    engine,
    controller,
    /** Advance the clock by ms, rendering one frame per 16 ms step. */
    advance(ms: number) {
      const end = time + ms;
      while (time < end) {
        time = Math.min(end, time + 16);
        controller.renderFrame();
      }
    },
    dispose() {
      controller.dispose();
      engine.dispose();
    },
  };
}
