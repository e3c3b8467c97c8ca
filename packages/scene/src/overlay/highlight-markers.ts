import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import type { Scene } from '@babylonjs/core/scene';
import { hexToRgb } from '../colour/hex';
import type { AssetVisual } from '../geometry/asset-visual';
import { writeScaleRotateY } from '../geometry/matrices';
import { SCENE_SPAN, type Point3 } from '../layout/layout';
import type {
  AssetHighlight,
  AssetMatchReport,
  HighlightLegendEntry,
  HighlightRole,
} from '../scene-api';
import { emptyReport, noteUnknown } from '../state/match-report';
import { HIGHLIGHT_STYLE, highlightLegend, isAction } from './overlay-palette';

/** Smallest ring across, as a share of the network's extent: visible from the overview. */
const ACTION_RING_SHARE = 0.032;
const AFFECTED_RING_SHARE = 0.016;
/** Pin (a cone pointing down at the asset) height and width, shares of the extent. */
const PIN_HEIGHT_SHARE = 0.045;
const PIN_WIDTH_SHARE = 0.022;
/** Action rings breathe by ±PULSE_AMPLITUDE of their size, once per PULSE_MS. */
const PULSE_MS = 1200;
const PULSE_AMPLITUDE = 0.16;
/** Rendering group drawn after the network with a cleared depth buffer: never hidden. */
const ON_TOP_GROUP = 1;

interface Marker {
  readonly assetId: string;
  readonly role: HighlightRole;
  readonly centre: Point3;
  readonly ring: number;
}

/**
 * Rings (and pins for actions) around highlighted assets, coloured by role: two thin-instance
 * meshes at most (two draw calls), created when highlights are set and disposed when cleared.
 * Action rings pulse with the controller's clock.
 */
export class HighlightMarkers {
  private readonly material: StandardMaterial;
  private rings: Mesh | null = null;
  private pins: Mesh | null = null;
  private ringMatrices = new Float32Array(0);
  private requested: readonly AssetHighlight[] = [];
  private markers: Marker[] = [];
  private anyAction = false;

  constructor(private readonly scene: Scene) {
    this.material = new StandardMaterial('twinhelm-highlight', scene);
    this.material.disableLighting = true;
    this.material.diffuseColor = new Color3(0, 0, 0);
    this.material.specularColor = new Color3(0, 0, 0);
    this.material.emissiveColor = new Color3(1, 1, 1);
  }

  get count(): number {
    return this.markers.length;
  }

  /** Replace the highlights; unknown ids are skipped and reported, duplicates keep the first. */
  set(
    highlights: readonly AssetHighlight[],
    assets: ReadonlyMap<string, AssetVisual>,
  ): { report: AssetMatchReport; legend: HighlightLegendEntry[] } {
    this.requested = highlights.map((h) => ({ assetId: h.assetId, role: h.role }));
    return this.place(assets);
  }

  /** Put the same highlights on a rebuilt network (new positions); unknown ids drop out. */
  rebuild(assets: ReadonlyMap<string, AssetVisual>): HighlightLegendEntry[] {
    return this.place(assets).legend;
  }

  clear(): void {
    this.requested = [];
    this.disposeMeshes();
  }

  /** Breathe the action rings (called once per frame with the clock in ms). */
  pulse(nowMs: number): void {
    const rings = this.rings;
    if (!rings || !this.anyAction) return;
    const k = 1 + PULSE_AMPLITUDE * Math.sin((2 * Math.PI * nowMs) / PULSE_MS);
    this.markers.forEach((m, i) => {
      if (!isAction(m.role)) return;
      const size = m.ring * k;
      writeScaleRotateY(this.ringMatrices, i * 16, m.centre, size, size, 0);
    });
    rings.thinInstanceBufferUpdated('matrix');
  }

  /** Role of a highlighted asset (tests, inspection). */
  roleOf(assetId: string): HighlightRole | null {
    return this.markers.find((m) => m.assetId === assetId)?.role ?? null;
  }

  dispose(): void {
    this.clear();
    this.material.dispose();
  }

  private place(assets: ReadonlyMap<string, AssetVisual>): {
    report: AssetMatchReport;
    legend: HighlightLegendEntry[];
  } {
    this.disposeMeshes();
    const report = emptyReport();
    const seen = new Set<string>();
    const counts = new Map<HighlightRole, number>();
    for (const { assetId, role } of this.requested) {
      const visual = assets.get(assetId);
      if (!visual || !(role in HIGHLIGHT_STYLE)) {
        noteUnknown(report, assetId);
        continue;
      }
      if (seen.has(assetId)) continue;
      seen.add(assetId);
      report.matched++;
      counts.set(role, (counts.get(role) ?? 0) + 1);
      this.markers.push({ assetId, role, centre: visual.centre, ring: ringSize(visual, role) });
    }
    this.anyAction = this.markers.some((m) => isAction(m.role));
    if (this.markers.length > 0) this.createMeshes();
    return { report, legend: highlightLegend(counts) };
  }

  private createMeshes(): void {
    const markers = this.markers;
    const rings = CreateTorus(
      'twinhelm-highlight-rings',
      { diameter: 1, thickness: 0.14, tessellation: 40 },
      this.scene,
    );
    this.ringMatrices = new Float32Array(markers.length * 16);
    const ringColours = new Float32Array(markers.length * 4);
    markers.forEach((m, i) => {
      writeScaleRotateY(this.ringMatrices, i * 16, m.centre, m.ring, m.ring, 0);
      writeColour(ringColours, i, m.role);
    });
    this.setUp(rings, this.ringMatrices, ringColours, this.anyAction);
    this.rings = rings;

    const actions = markers.filter((m) => isAction(m.role));
    if (actions.length === 0) return;
    const pins = CreateCylinder(
      'twinhelm-highlight-pins',
      { diameterTop: 1, diameterBottom: 0, height: 1, tessellation: 12 },
      this.scene,
    );
    const pinMatrices = new Float32Array(actions.length * 16);
    const pinColours = new Float32Array(actions.length * 4);
    const height = SCENE_SPAN * PIN_HEIGHT_SHARE;
    const width = SCENE_SPAN * PIN_WIDTH_SHARE;
    actions.forEach((m, i) => {
      const at: Point3 = [m.centre[0], m.centre[1] + m.ring * 0.35 + height / 2, m.centre[2]];
      writeScaleRotateY(pinMatrices, i * 16, at, width, height, 0);
      writeColour(pinColours, i, m.role);
    });
    this.setUp(pins, pinMatrices, pinColours, false);
    this.pins = pins;
  }

  private setUp(mesh: Mesh, matrices: Float32Array, colours: Float32Array, dynamic: boolean) {
    mesh.material = this.material;
    mesh.isPickable = false;
    mesh.renderingGroupId = ON_TOP_GROUP;
    mesh.thinInstanceSetBuffer('matrix', matrices, 16, !dynamic);
    mesh.thinInstanceSetBuffer('color', colours, 4, true);
    mesh.thinInstanceRefreshBoundingInfo(false);
    if (dynamic) {
      // Pulsing grows rings by PULSE_AMPLITUDE: keep them inside the (frozen) bounds.
      const info = mesh.getBoundingInfo();
      const grow = SCENE_SPAN * ACTION_RING_SHARE * PULSE_AMPLITUDE * 8;
      const min = info.minimum.clone();
      const max = info.maximum.clone();
      min.set(min.x - grow, min.y - grow, min.z - grow);
      max.set(max.x + grow, max.y + grow, max.z + grow);
      info.reConstruct(min, max);
    }
    mesh.doNotSyncBoundingInfo = true;
    mesh.freezeWorldMatrix();
  }

  private disposeMeshes(): void {
    this.rings?.dispose(false, false);
    this.pins?.dispose(false, false);
    this.rings = null;
    this.pins = null;
    this.markers = [];
    this.anyAction = false;
  }
}

function ringSize(visual: AssetVisual, role: HighlightRole): number {
  const share = isAction(role) ? ACTION_RING_SHARE : AFFECTED_RING_SHARE;
  const own =
    visual.type === 'pipe'
      ? Math.min(visual.size * 0.5, SCENE_SPAN * 0.08)
      : visual.size * (isAction(role) ? 2.8 : 2);
  return Math.max(own, SCENE_SPAN * share);
}

function writeColour(out: Float32Array, index: number, role: HighlightRole): void {
  const [r, g, b] = hexToRgb(HIGHLIGHT_STYLE[role].color);
  out[index * 4] = r;
  out[index * 4 + 1] = g;
  out[index * 4 + 2] = b;
  out[index * 4 + 3] = 1;
}
