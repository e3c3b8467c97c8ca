import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import type { Scene } from '@babylonjs/core/scene';
import { BACKGROUND_COLOUR } from '../colour/palette';
import { writeAlong } from '../geometry/matrices';
import type { Bounds } from '../interaction/framing';
import { SCENE_SPAN, type Point3 } from '../layout/layout';
import type { OverlayKind } from '../scene-api';
import { OVERLAY_LOOK } from './overlay-palette';

/** Dash period, dash length and ribbon width of the frame, shares of the network's extent. */
const DASH_PERIOD = 0.03;
const DASH_LENGTH = 0.018;
const DASH_WIDTH = 0.006;
/** Air between the outermost assets and the frame, share of the extent. */
const FRAME_MARGIN = 0.04;

/**
 * The scene-side sign that values are not live: a tinted background and a dashed frame around
 * the network in the overlay's accent (one thin-instance mesh, one draw call). The frame mesh
 * exists only while an overlay is shown.
 */
export class OverlayLook {
  private readonly material: StandardMaterial;
  private frame: Mesh | null = null;
  private kind: OverlayKind | null = null;

  constructor(private readonly scene: Scene) {
    this.material = new StandardMaterial('twinhelm-overlay-frame', scene);
    this.material.disableLighting = true;
    this.material.diffuseColor = new Color3(0, 0, 0);
    this.material.specularColor = new Color3(0, 0, 0);
  }

  get shownKind(): OverlayKind | null {
    return this.kind;
  }

  /** Tint the background and frame `bounds` (the network's box; y = the frame's height). */
  show(kind: OverlayKind, bounds: Bounds | null, y: number): void {
    const look = OVERLAY_LOOK[kind];
    this.scene.clearColor = Color4.FromHexString(`${look.background}ff`);
    this.material.emissiveColor = Color3.FromHexString(look.accent);
    if (this.kind === null || !this.frame) this.placeFrame(bounds, y);
    this.kind = kind;
  }

  /** Re-place the frame after the network was rebuilt (no-op while hidden). */
  refit(bounds: Bounds | null, y: number): void {
    if (this.kind !== null) this.placeFrame(bounds, y);
  }

  hide(): void {
    this.scene.clearColor = Color4.FromHexString(`${BACKGROUND_COLOUR}ff`);
    this.frame?.dispose(false, false);
    this.frame = null;
    this.kind = null;
  }

  dispose(): void {
    this.hide();
    this.material.dispose();
  }

  private placeFrame(bounds: Bounds | null, y: number): void {
    this.frame?.dispose(false, false);
    this.frame = null;
    if (!bounds) return;
    const m = SCENE_SPAN * FRAME_MARGIN;
    const x0 = bounds.min[0] - m;
    const x1 = bounds.max[0] + m;
    const z0 = bounds.min[2] - m;
    const z1 = bounds.max[2] + m;
    const corners: Point3[] = [
      [x0, y, z0],
      [x1, y, z0],
      [x1, y, z1],
      [x0, y, z1],
    ];
    const dashes: [Point3, Point3][] = [];
    const period = SCENE_SPAN * DASH_PERIOD;
    const dash = SCENE_SPAN * DASH_LENGTH;
    corners.forEach((a, i) => {
      const b = corners[(i + 1) % 4] as Point3;
      const length = Math.hypot(b[0] - a[0], b[2] - a[2]);
      const n = Math.max(1, Math.round(length / period));
      for (let k = 0; k < n; k++) {
        const s = k / n;
        const e = Math.min(1, s + dash / length);
        dashes.push([lerp(a, b, s), lerp(a, b, e)]);
      }
    });
    const matrices = new Float32Array(dashes.length * 16);
    const width = SCENE_SPAN * DASH_WIDTH;
    dashes.forEach(([a, b], i) => writeAlong(matrices, i * 16, a, b, width, null));
    const frame = CreateBox('twinhelm-overlay-frame', { size: 1 }, this.scene);
    frame.material = this.material;
    frame.isPickable = false;
    frame.thinInstanceSetBuffer('matrix', matrices, 16, true);
    frame.thinInstanceRefreshBoundingInfo(false);
    frame.doNotSyncBoundingInfo = true;
    frame.freezeWorldMatrix();
    this.frame = frame;
  }
}

function lerp(a: Point3, b: Point3, t: number): Point3 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}
