import '@babylonjs/core/Culling/ray';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Scene } from '@babylonjs/core/scene';
import type { BatchMetadata } from '../geometry/instance-batch';

function batchOf(mesh: AbstractMesh): BatchMetadata['batch'] | null {
  const metadata = mesh.metadata as Partial<BatchMetadata> | null;
  return metadata?.batch ?? null;
}

/** The asset under a screen point (render-target pixels), or null. */
export function pickAssetAt(scene: Scene, x: number, y: number): string | null {
  const hit = scene.pick(
    x,
    y,
    (mesh) => mesh.isPickable && mesh.isEnabled() && batchOf(mesh) !== null,
  );
  if (!hit.hit || !hit.pickedMesh) return null;
  const batch = batchOf(hit.pickedMesh);
  const index = hit.thinInstanceIndex;
  if (!batch || index < 0) return null;
  return batch.assetIds[index] ?? null;
}
