import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import type { Scene } from '@babylonjs/core/scene';
import type { AssetVisual } from '../geometry/asset-visual';
import type { SceneMaterials } from '../geometry/materials';

/**
 * A thin, light-grey flat ring around the selected asset (one draw call, hidden when nothing is
 * selected): a neutral highlight, so colour keeps meaning "abnormal".
 */
export class SelectionMarker {
  private readonly ring: Mesh;

  constructor(scene: Scene, materials: SceneMaterials) {
    this.ring = CreateTorus(
      'twinhelm-selection',
      { diameter: 1, thickness: 0.025, tessellation: 48 },
      scene,
    );
    this.ring.material = materials.marker;
    this.ring.isPickable = false;
    this.ring.setEnabled(false);
  }

  show(visual: AssetVisual | null): void {
    if (!visual) {
      this.ring.setEnabled(false);
      return;
    }
    const size = Math.max(visual.type === 'pipe' ? visual.size * 0.5 : visual.size * 2.2, 3);
    this.ring.position.set(visual.centre[0], visual.centre[1], visual.centre[2]);
    this.ring.scaling.set(size, size, size);
    this.ring.setEnabled(true);
  }

  dispose(): void {
    this.ring.dispose();
  }
}
