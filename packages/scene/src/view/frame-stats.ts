import type { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { ExtendedSceneStats } from '../controller-types';

const WINDOW = 60;

/** Mean JS time per frame over the last WINDOW frames, measured with the injected clock. */
export class FrameTimer {
  private readonly samples = new Float64Array(WINDOW);
  private count = 0;
  private next = 0;

  record(ms: number): void {
    this.samples[this.next] = ms;
    this.next = (this.next + 1) % WINDOW;
    this.count = Math.min(this.count + 1, WINDOW);
  }

  mean(): number {
    if (this.count === 0) return 0;
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.samples[i] ?? 0;
    return sum / this.count;
  }
}

/**
 * Draw calls the last frame would issue, counted from the active mesh list: one per sub-mesh
 * of each active mesh that has something to draw (thin-instance meshes with zero instances
 * draw nothing), plus one per visible layer (the GUI labels) and one per sprite manager with a
 * visible sprite (the alarm badges). Used where the engine counts nothing (NullEngine) and as a
 * cross-check in the browser.
 */
export function estimateDrawCalls(scene: Scene): number {
  const active = scene.getActiveMeshes();
  let calls = 0;
  for (let i = 0; i < active.length; i++) {
    const mesh = active.data[i] as AbstractMesh;
    if (
      mesh.hasThinInstances &&
      (mesh as AbstractMesh & { thinInstanceCount: number }).thinInstanceCount === 0
    )
      continue;
    calls += mesh.subMeshes?.length ?? 1;
  }
  for (const layer of scene.layers) if (layer.isEnabled) calls += 1;
  for (const manager of scene.spriteManagers ?? []) {
    if (manager.sprites.some((sprite) => sprite.isVisible)) calls += 1;
  }
  return calls;
}

/** The controller's stats: the engine's draw-call counter when it counts (WebGL), else the estimate. */
export function sceneStats(
  scene: Scene,
  engineDrawCalls: number,
  frameTimeMs: number,
  counts: Pick<
    ExtendedSceneStats,
    'unknownAssetUpdates' | 'instanceCount' | 'alarmBadges' | 'unknownBadgeAssets'
  >,
): ExtendedSceneStats {
  return {
    drawCalls: engineDrawCalls > 0 ? engineDrawCalls : estimateDrawCalls(scene),
    drawCallSource: engineDrawCalls > 0 ? 'engine' : 'estimate',
    activeMeshes: scene.getActiveMeshes().length,
    totalMeshes: scene.meshes.length,
    frameTimeMs,
    ...counts,
  };
}
