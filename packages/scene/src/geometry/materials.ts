import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Scene } from '@babylonjs/core/scene';
import { GROUND_COLOUR, SELECTED_COLOUR } from '../colour/palette';

/** The few materials the whole scene shares; instance colours carry the data. */
export interface SceneMaterials {
  /** White diffuse, tinted per thin instance. */
  solid: StandardMaterial;
  /** Translucent tank shells. */
  glass: StandardMaterial;
  ground: StandardMaterial;
  marker: StandardMaterial;
  all: StandardMaterial[];
}

export function createMaterials(scene: Scene): SceneMaterials {
  const solid = new StandardMaterial('twinhelm-solid', scene);
  solid.diffuseColor = new Color3(1, 1, 1);
  solid.specularColor = new Color3(0.08, 0.08, 0.08);

  const glass = new StandardMaterial('twinhelm-glass', scene);
  glass.diffuseColor = new Color3(1, 1, 1);
  glass.specularColor = new Color3(0.2, 0.2, 0.2);
  glass.alpha = 0.28;
  glass.backFaceCulling = false;

  const ground = new StandardMaterial('twinhelm-ground', scene);
  ground.diffuseColor = Color3.FromHexString(GROUND_COLOUR);
  ground.specularColor = new Color3(0, 0, 0);

  const marker = new StandardMaterial('twinhelm-marker', scene);
  marker.disableLighting = true;
  marker.emissiveColor = Color3.FromHexString(SELECTED_COLOUR);

  return { solid, glass, ground, marker, all: [solid, glass, ground, marker] };
}

/** Freeze once the first frame has compiled the effects (instance colour defines included). */
export function freezeMaterials(materials: SceneMaterials): void {
  for (const m of materials.all) m.freeze();
}
