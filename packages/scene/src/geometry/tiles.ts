/**
 * Spatial tiles for the big shape classes (pipes, junctions, flow arrows). Thin instances are
 * culled all-or-nothing per mesh, so a large network is cut into a grid of meshes that the
 * camera frustum can drop separately; a small network stays one tile (fewest draw calls).
 */
export const INSTANCES_PER_TILE = 1200;

export interface TileGrid {
  readonly columns: number;
  readonly rows: number;
  /** Tile index of a scene point (x, z). */
  tileOf(x: number, z: number): number;
}

export function createTileGrid(width: number, depth: number, elementCount: number): TileGrid {
  const wanted = Math.max(1, Math.ceil(elementCount / INSTANCES_PER_TILE));
  const aspect = width > 1e-6 && depth > 1e-6 ? width / depth : 1;
  const columns = Math.min(wanted, Math.max(1, Math.round(Math.sqrt(wanted * aspect))));
  const rows = Math.max(1, Math.ceil(wanted / columns));
  const minX = -width / 2;
  const minZ = -depth / 2;
  const cellW = width / columns || 1;
  const cellD = depth / rows || 1;
  return {
    columns,
    rows,
    tileOf(x: number, z: number): number {
      const c = Math.min(columns - 1, Math.max(0, Math.floor((x - minX) / cellW)));
      const r = Math.min(rows - 1, Math.max(0, Math.floor((z - minZ) / cellD)));
      return r * columns + c;
    },
  };
}
