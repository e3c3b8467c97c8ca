import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder';
import { CreatePolyhedron } from '@babylonjs/core/Meshes/Builders/polyhedronBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import type { Scene } from '@babylonjs/core/scene';
import type { ValveKind } from '@twinhelm/contracts';

/**
 * Unit shapes every thin-instance batch is drawn from: about 1 unit across, the long axis on
 * local y from -0.5 to 0.5 (so matrices.ts can stretch them along a link). Low polygon counts:
 * SwiftShader draws them in software.
 */
export type ShapeKind =
  | 'pipe'
  | 'junction'
  | 'tankShell'
  | 'tankFill'
  | 'reservoir'
  | 'pump'
  | 'valvePressure'
  | 'valveFlow'
  | 'valveThrottle'
  | 'arrow';

export function createShape(kind: ShapeKind, scene: Scene, name: string): Mesh {
  switch (kind) {
    case 'pipe':
      return CreateCylinder(name, { diameter: 1, height: 1, tessellation: 8 }, scene);
    case 'junction':
      return CreateSphere(name, { diameter: 1, segments: 5 }, scene);
    case 'tankShell':
      return CreateCylinder(name, { diameter: 1, height: 1, tessellation: 24 }, scene);
    case 'tankFill':
      return CreateCylinder(name, { diameter: 0.92, height: 1, tessellation: 24 }, scene);
    case 'reservoir':
      return CreateCylinder(name, { diameter: 1, height: 1, tessellation: 6 }, scene);
    case 'pump':
      return createPumpShape(scene, name);
    case 'valvePressure':
      return CreatePolyhedron(name, { type: 1, size: 0.5 }, scene);
    case 'valveFlow':
      return CreateBox(name, { width: 0.8, height: 1, depth: 0.8 }, scene);
    case 'valveThrottle':
      return CreateCylinder(name, { diameter: 1, height: 1, tessellation: 3 }, scene);
    case 'arrow':
      return CreateCylinder(
        name,
        { diameterTop: 0, diameterBottom: 1, height: 1, tessellation: 6 },
        scene,
      );
  }
}

/** A hub with three blades: rotation about the vertical axis is visible from any side. */
function createPumpShape(scene: Scene, name: string): Mesh {
  const parts: Mesh[] = [CreateCylinder(`${name}-hub`, { diameter: 0.45, height: 0.7 }, scene)];
  for (let i = 0; i < 3; i++) {
    const blade = CreateBox(`${name}-blade${i}`, { width: 0.5, height: 0.5, depth: 0.12 }, scene);
    const angle = (i * 2 * Math.PI) / 3;
    blade.rotation.y = angle;
    blade.position.x = Math.cos(angle) * 0.3;
    blade.position.z = -Math.sin(angle) * 0.3;
    parts.push(blade);
  }
  const merged = Mesh.MergeMeshes(parts, true, true);
  if (!merged) throw new Error(`pump shape "${name}": Babylon could not merge its parts`);
  merged.name = name;
  return merged;
}

export function valveShape(kind: ValveKind): ShapeKind {
  switch (kind) {
    case 'FCV':
      return 'valveFlow';
    case 'TCV':
    case 'GPV':
      return 'valveThrottle';
    default:
      return 'valvePressure';
  }
}
