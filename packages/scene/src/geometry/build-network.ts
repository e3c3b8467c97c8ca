import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import type { Scene } from '@babylonjs/core/scene';
import type { NetworkLink, NetworkModel } from '@twinhelm/contracts';
import { computeLayout, project, clamp, type Layout, type Point3 } from '../layout/layout';
import type { AssetVisual } from './asset-visual';
import { InstanceBatch, type InstanceRef, type MatrixWriter } from './instance-batch';
import type { SceneMaterials } from './materials';
import { writeAlong, writeScaleRotateY, writeScaledAt } from './matrices';
import { createShape, valveShape, type ShapeKind } from './shapes';
import { createTileGrid } from './tiles';
import { hiddenArrow } from './flow-arrows';

export interface BuiltNetwork {
  readonly layout: Layout;
  readonly assets: Map<string, AssetVisual>;
  readonly list: AssetVisual[];
  readonly batches: InstanceBatch[];
  readonly ground: Mesh;
  /** Elements that could not be drawn, with the reason (coarse, for the view state). */
  readonly warnings: string[];
}

const TILED: ReadonlySet<ShapeKind> = new Set(['pipe', 'junction', 'arrow']);
const DYNAMIC: ReadonlySet<ShapeKind> = new Set(['arrow', 'tankFill', 'pump']);

/** Build every mesh of a network: one thin-instance batch per shape class (and tile). */
export function buildNetwork(
  network: NetworkModel,
  scene: Scene,
  materials: SceneMaterials,
  exaggeration: number,
): BuiltNetwork {
  const layout = computeLayout(network, exaggeration);
  const unit = layout.unit;
  const warnings: string[] = [];
  const grid = createTileGrid(
    layout.width,
    layout.depth,
    network.nodes.length + network.links.length,
  );
  const batchByKey = new Map<string, InstanceBatch>();
  const batches: InstanceBatch[] = [];
  const batch = (kind: ShapeKind, at: Point3): InstanceBatch => {
    const tile = TILED.has(kind) ? grid.tileOf(at[0], at[2]) : 0;
    const key = `${kind}:${tile}`;
    let found = batchByKey.get(key);
    if (!found) {
      const mesh = createShape(kind, scene, `twinhelm-${key}`);
      mesh.material = kind === 'tankShell' ? materials.glass : materials.solid;
      found = new InstanceBatch(mesh, {
        dynamicMatrices: DYNAMIC.has(kind),
        pickable: kind !== 'arrow',
      });
      batchByKey.set(key, found);
      batches.push(found);
    }
    return found;
  };
  const place = (kind: ShapeKind, id: string, at: Point3, write: MatrixWriter): InstanceRef => {
    const b = batch(kind, at);
    return { batch: b, index: b.reserve(id, write) };
  };

  const assets = new Map<string, AssetVisual>();
  const positions = new Map<string, Point3>();
  const add = (visual: AssetVisual) => {
    assets.set(visual.id, visual);
  };

  for (const node of network.nodes) {
    if (assets.has(node.id)) {
      warnings.push(`${node.id}: duplicate node id, drawn once (rename one in the .inp file)`);
      continue;
    }
    if (![node.x, node.y, node.elevation].every(Number.isFinite)) {
      warnings.push(
        `${node.id}: coordinates or elevation not finite, not drawn (check [COORDINATES])`,
      );
      continue;
    }
    const p = project(layout, node.x, node.y, node.elevation, [0, 0, 0]);
    positions.set(node.id, p);
    const slot = assets.size;
    if (node.type === 'junction') {
      const d = unit * 1.4;
      add({
        id: node.id,
        type: 'junction',
        slot,
        centre: p,
        size: d,
        parts: [place('junction', node.id, p, (o, i) => writeScaledAt(o, i, p, d))],
      });
    } else if (node.type === 'reservoir') {
      const w = unit * 3.5;
      const h = unit * 1.5;
      const c: Point3 = [p[0], p[1] + h / 2, p[2]];
      add({
        id: node.id,
        type: 'reservoir',
        slot,
        centre: c,
        size: w,
        parts: [place('reservoir', node.id, c, (o, i) => writeScaleRotateY(o, i, c, w, h, 0))],
      });
    } else {
      const diameter = unit * clamp(1.5 + node.diameter * 0.08, 1.5, 5);
      const height = Math.max(node.maxLevel * layout.verticalScale, unit * 3);
      const c: Point3 = [p[0], p[1] + height / 2, p[2]];
      const shell = place('tankShell', node.id, c, (o, i) =>
        writeScaleRotateY(o, i, c, diameter, height, 0),
      );
      const fill = place('tankFill', node.id, c, (o, i) =>
        writeScaleRotateY(o, i, c, diameter, height, 0),
      );
      add({
        id: node.id,
        type: 'tank',
        slot,
        centre: c,
        size: Math.max(diameter, height),
        parts: [shell],
        tank: { fill, base: p, diameter, height, maxLevel: node.maxLevel },
      });
    }
  }

  for (const link of network.links) {
    if (assets.has(link.id)) {
      warnings.push(
        `${link.id}: id already used by another element, not drawn (ids must be unique)`,
      );
      continue;
    }
    const a = positions.get(link.from);
    const b = positions.get(link.to);
    if (!a || !b) {
      const missing = a ? link.to : link.from;
      warnings.push(
        `${link.id}: end node ${missing} is not in the network, link not drawn (check its [PIPES]/[PUMPS]/[VALVES] line)`,
      );
      continue;
    }
    const slot = assets.size;
    const mid: Point3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
    if (link.type === 'pipe') add(buildPipe(link, slot, polyline(link, a, b, layout), unit, place));
    else if (link.type === 'pump') {
      const size = unit * 2.2;
      const at: Point3 = [mid[0], mid[1] + size * 0.4, mid[2]];
      const ref = place('pump', link.id, at, (o, i) => writeScaledAt(o, i, at, size));
      add({
        id: link.id,
        type: 'pump',
        slot,
        centre: at,
        size,
        parts: [ref],
        pump: { at, size, angle: 0 },
      });
    } else {
      const size = unit * 1.6;
      const ref = place(valveShape(link.valveKind), link.id, mid, (o, i) =>
        writeAlong(o, i, a, b, size, size),
      );
      add({ id: link.id, type: 'valve', slot, centre: mid, size, parts: [ref] });
    }
  }

  for (const b of batches) b.finish();
  const ground = createGround(scene, materials, layout);
  return { layout, assets, list: [...assets.values()], batches, ground, warnings };
}

type Place = (kind: ShapeKind, id: string, at: Point3, write: MatrixWriter) => InstanceRef;

function buildPipe(
  link: Extract<NetworkLink, { type: 'pipe' }>,
  slot: number,
  points: Point3[],
  unit: number,
  place: Place,
): AssetVisual {
  const radius = unit * clamp(0.15 + 0.35 * link.diameter, 0.15, 0.6);
  const first = points[0] as Point3;
  const last = points[points.length - 1] as Point3;
  const tileAt: Point3 = [
    (first[0] + last[0]) / 2,
    (first[1] + last[1]) / 2,
    (first[2] + last[2]) / 2,
  ];
  const parts: InstanceRef[] = [];
  let longest = 0;
  let arrowA = first;
  let arrowB = last;
  for (let s = 0; s + 1 < points.length; s++) {
    const a = points[s] as Point3;
    const b = points[s + 1] as Point3;
    parts.push(place('pipe', link.id, tileAt, (o, i) => writeAlong(o, i, a, b, radius * 2, null)));
    const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
    if (len > longest) {
      longest = len;
      arrowA = a;
      arrowB = b;
    }
  }
  const width = Math.max(radius * 2 * 2.2, unit * 0.9);
  const arrow = { a: arrowA, b: arrowB, width, length: Math.min(width * 1.6, longest * 0.8) };
  const ref = place('arrow', link.id, tileAt, (o, i) => hiddenArrow(o, i, arrow));
  const centre: Point3 = [
    (arrowA[0] + arrowB[0]) / 2,
    (arrowA[1] + arrowB[1]) / 2,
    (arrowA[2] + arrowB[2]) / 2,
  ];
  return {
    id: link.id,
    type: 'pipe',
    slot,
    centre,
    size: Math.max(longest, unit * 4),
    parts,
    arrow: { ...arrow, ref },
  };
}

/** The pipe's points: end nodes plus [VERTICES], elevation interpolated along the length. */
function polyline(link: NetworkLink, a: Point3, b: Point3, layout: Layout): Point3[] {
  const inner = link.vertices
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .map(([x, y]) => project(layout, x, y, layout.minElevation, [0, 0, 0]));
  const points = [a, ...inner, b];
  const lengths = [0];
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point3;
    const q = points[i - 1] as Point3;
    lengths.push((lengths[i - 1] as number) + Math.hypot(p[0] - q[0], p[2] - q[2]));
  }
  const total = lengths[lengths.length - 1] || 1;
  for (let i = 1; i < points.length - 1; i++) {
    (points[i] as Point3)[1] = a[1] + ((b[1] - a[1]) * (lengths[i] as number)) / total;
  }
  return points;
}

function createGround(scene: Scene, materials: SceneMaterials, layout: Layout): Mesh {
  const size = Math.max(layout.width, layout.depth, 1) * 1.3;
  const ground = CreateGround('twinhelm-ground', { width: size, height: size }, scene);
  ground.position.y = -layout.unit * 0.8;
  ground.material = materials.ground;
  ground.isPickable = false;
  ground.freezeWorldMatrix();
  return ground;
}
