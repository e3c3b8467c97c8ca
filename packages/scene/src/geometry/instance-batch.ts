import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { rgbToHex } from '../colour/hex';

export type MatrixWriter = (out: Float32Array, offset: number) => void;

/** What a picked mesh carries so a thin instance index maps back to an asset id. */
export interface BatchMetadata {
  batch: InstanceBatch;
}

/**
 * One mesh drawn with thin instances (one draw call): its matrix and colour buffers live here
 * and are written in place; dirty buffers are uploaded once per frame by flush().
 */
export class InstanceBatch {
  matrices = new Float32Array(0);
  colors = new Float32Array(0);
  readonly assetIds: string[] = [];
  private writers: MatrixWriter[] = [];
  private colorDirty = false;
  private matrixDirty = false;

  constructor(
    readonly mesh: Mesh,
    private readonly options: { dynamicMatrices: boolean; pickable: boolean },
  ) {
    const metadata: BatchMetadata = { batch: this };
    mesh.metadata = metadata;
    mesh.isPickable = options.pickable;
    mesh.thinInstanceEnablePicking = options.pickable;
  }

  get count(): number {
    return this.assetIds.length;
  }

  /**
   * Reserve one instance for an asset; `write` fills its matrix once finish() has allocated
   * the buffers. Returns the instance index.
   */
  reserve(assetId: string, write: MatrixWriter): number {
    this.assetIds.push(assetId);
    this.writers.push(write);
    return this.assetIds.length - 1;
  }

  /**
   * Allocate the buffers, write every matrix, hand them to Babylon, fit the bounding box to
   * the instances and freeze the mesh's own world matrix.
   */
  finish(): void {
    this.matrices = new Float32Array(this.count * 16);
    this.colors = new Float32Array(this.count * 4).fill(1);
    this.writers.forEach((write, i) => write(this.matrices, i * 16));
    this.writers = [];
    const mesh = this.mesh;
    mesh.thinInstanceSetBuffer('matrix', this.matrices, 16, !this.options.dynamicMatrices);
    mesh.thinInstanceSetBuffer('color', this.colors, 4, false);
    mesh.thinInstanceRefreshBoundingInfo(false);
    mesh.doNotSyncBoundingInfo = true;
    mesh.freezeWorldMatrix();
  }

  setColor(index: number, rgb: readonly [number, number, number], alpha = 1): void {
    const o = index * 4;
    const c = this.colors;
    if (c[o] === rgb[0] && c[o + 1] === rgb[1] && c[o + 2] === rgb[2] && c[o + 3] === alpha) {
      return;
    }
    c[o] = rgb[0];
    c[o + 1] = rgb[1];
    c[o + 2] = rgb[2];
    c[o + 3] = alpha;
    this.colorDirty = true;
  }

  colorHex(index: number): string {
    const o = index * 4;
    return rgbToHex(this.colors[o] ?? 0, this.colors[o + 1] ?? 0, this.colors[o + 2] ?? 0);
  }

  markMatrixDirty(): void {
    this.matrixDirty = true;
  }

  /** Upload what changed since the last frame. */
  flush(): void {
    if (this.colorDirty) this.mesh.thinInstanceBufferUpdated('color');
    if (this.matrixDirty) this.mesh.thinInstanceBufferUpdated('matrix');
    this.colorDirty = false;
    this.matrixDirty = false;
  }

  dispose(): void {
    this.mesh.dispose(false, true);
  }
}

/** Where one asset's instance sits. */
export interface InstanceRef {
  batch: InstanceBatch;
  index: number;
}
