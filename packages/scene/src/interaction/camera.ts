import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import '@babylonjs/core/Cameras/Inputs/arcRotateCameraPointersInput';
import '@babylonjs/core/Cameras/Inputs/arcRotateCameraMouseWheelInput';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { Layout, Point3 } from '../layout/layout';
import { SCENE_SPAN } from '../layout/layout';

export const FLIGHT_MS = 700;

export function createCamera(scene: Scene): ArcRotateCamera {
  const camera = new ArcRotateCamera(
    'twinhelm-camera',
    -Math.PI / 2,
    0.9,
    SCENE_SPAN * 1.2,
    Vector3.Zero(),
    scene,
  );
  camera.minZ = 0.5;
  camera.maxZ = SCENE_SPAN * 20;
  camera.lowerRadiusLimit = 2;
  camera.upperRadiusLimit = SCENE_SPAN * 5;
  camera.upperBetaLimit = Math.PI / 2 - 0.05;
  camera.wheelDeltaPercentage = 0.02;
  camera.panningSensibility = 2;
  return camera;
}

/** Frame the whole network. */
export function frameNetwork(camera: ArcRotateCamera, layout: Layout): void {
  camera.target = new Vector3(0, 0, 0);
  camera.radius = Math.max(layout.width, layout.depth, 50) * 1.2;
}

/**
 * An eased flight of the camera's target and radius, stepped by the controller's frame loop
 * with its injected clock (no timers of its own).
 */
export class CameraFlight {
  private from: { target: Vector3; radius: number } | null = null;
  private to: { target: Vector3; radius: number } | null = null;
  private startedAt = 0;

  constructor(
    private readonly camera: ArcRotateCamera,
    private readonly now: () => number,
  ) {}

  get active(): boolean {
    return this.to !== null;
  }

  start(target: Point3, radius: number): void {
    this.from = { target: this.camera.target.clone(), radius: this.camera.radius };
    this.to = { target: new Vector3(target[0], target[1], target[2]), radius };
    this.startedAt = this.now();
  }

  /** Advance the flight to the clock's time; ends exactly on the destination. */
  step(): void {
    if (!this.from || !this.to) return;
    const t = Math.min(1, (this.now() - this.startedAt) / FLIGHT_MS);
    const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    this.camera.target = Vector3.Lerp(this.from.target, this.to.target, e);
    this.camera.radius = this.from.radius + (this.to.radius - this.from.radius) * e;
    if (t >= 1) {
      this.from = null;
      this.to = null;
    }
  }

  cancel(): void {
    this.from = null;
    this.to = null;
  }
}
