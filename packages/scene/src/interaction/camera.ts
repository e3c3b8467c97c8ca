import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import '@babylonjs/core/Cameras/Inputs/arcRotateCameraPointersInput';
import '@babylonjs/core/Cameras/Inputs/arcRotateCameraMouseWheelInput';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import type { Point3 } from '../layout/layout';
import { SCENE_SPAN } from '../layout/layout';
import { centreOf, fitRadius, type Bounds, type Lens, type ViewInsets } from './framing';

export const FLIGHT_MS = 700;
/** Tilt of the overview from the vertical (radians): a plan view leaning toward the viewer. */
export const OVERVIEW_BETA = 0.8;
/** The overview looks north (map y away from the viewer). */
export const OVERVIEW_ALPHA = -Math.PI / 2;

export function createCamera(scene: Scene): ArcRotateCamera {
  const camera = new ArcRotateCamera(
    'twinhelm-camera',
    OVERVIEW_ALPHA,
    OVERVIEW_BETA,
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

/** The camera's lens as the framing maths needs it (vertical fov, canvas aspect). */
export function lensOf(camera: ArcRotateCamera): Lens {
  const engine = camera.getEngine();
  const aspect = engine.getAspectRatio(camera);
  return {
    tanV: Math.tan(camera.fov / 2),
    aspect: Number.isFinite(aspect) && aspect > 0 ? aspect : 1,
  };
}

/** Where the overview stands: the whole network's box fitted into the free area, tilted. */
export function overviewOf(
  camera: ArcRotateCamera,
  bounds: Bounds,
  insets: ViewInsets,
): { target: Point3; radius: number; alpha: number; beta: number } {
  const radius = fitRadius(bounds, OVERVIEW_ALPHA, OVERVIEW_BETA, lensOf(camera), insets);
  return {
    target: centreOf(bounds),
    radius: Math.max(radius, 10),
    alpha: OVERVIEW_ALPHA,
    beta: OVERVIEW_BETA,
  };
}

interface Pose {
  target: Vector3;
  radius: number;
  alpha: number;
  beta: number;
}

/** `to` shifted by whole turns so that turning from `from` takes the short way round. */
function nearestAngle(from: number, to: number): number {
  const turn = 2 * Math.PI;
  return to + Math.round((from - to) / turn) * turn;
}

/**
 * An eased flight of the camera's target and radius, stepped by the controller's frame loop
 * with its injected clock (no timers of its own).
 */
export class CameraFlight {
  private from: Pose | null = null;
  private to: Pose | null = null;
  private startedAt = 0;

  constructor(
    private readonly camera: ArcRotateCamera,
    private readonly now: () => number,
  ) {}

  get active(): boolean {
    return this.to !== null;
  }

  start(target: Point3, radius: number, angles?: { alpha: number; beta: number }): void {
    this.from = {
      target: this.camera.target.clone(),
      radius: this.camera.radius,
      alpha: this.camera.alpha,
      beta: this.camera.beta,
    };
    const alpha = angles ? nearestAngle(this.camera.alpha, angles.alpha) : this.camera.alpha;
    const beta = angles?.beta ?? this.camera.beta;
    this.to = { target: new Vector3(target[0], target[1], target[2]), radius, alpha, beta };
    this.startedAt = this.now();
  }

  /** Advance the flight to the clock's time; ends exactly on the destination. */
  step(): void {
    if (!this.from || !this.to) return;
    const t = Math.min(1, (this.now() - this.startedAt) / FLIGHT_MS);
    const e = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
    this.camera.target = Vector3.Lerp(this.from.target, this.to.target, e);
    this.camera.radius = this.from.radius + (this.to.radius - this.from.radius) * e;
    this.camera.alpha = this.from.alpha + (this.to.alpha - this.from.alpha) * e;
    this.camera.beta = this.from.beta + (this.to.beta - this.from.beta) * e;
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
