import type { AssetType } from '@twinhelm/contracts';
import type { Point3 } from '../layout/layout';
import type { InstanceRef } from './instance-batch';

/** Everything the live updates need to know about one drawn asset. */
export interface AssetVisual {
  readonly id: string;
  readonly type: AssetType;
  /** Index into the ValueStore. */
  readonly slot: number;
  /** Scene point the camera flies to and the selection marker sits on. */
  readonly centre: Point3;
  /** Rough size in scene units (camera distance, marker size). */
  readonly size: number;
  /** Instances tinted by the colour-by quantity (pipe segments, the node's shape…). */
  readonly parts: InstanceRef[];
  readonly tank?: TankVisual;
  readonly pump?: PumpVisual;
  readonly arrow?: ArrowVisual;
}

export interface TankVisual {
  readonly fill: InstanceRef;
  readonly base: Point3;
  readonly diameter: number;
  readonly height: number;
  readonly maxLevel: number;
}

export interface PumpVisual {
  readonly at: Point3;
  readonly size: number;
  angle: number;
}

export interface ArrowVisual {
  readonly ref: InstanceRef;
  readonly a: Point3;
  readonly b: Point3;
  readonly width: number;
  readonly length: number;
}
