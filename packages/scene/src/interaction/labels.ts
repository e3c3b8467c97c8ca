import type { Camera } from '@babylonjs/core/Cameras/camera';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import { AdvancedDynamicTexture } from '@babylonjs/gui/2D/advancedDynamicTexture';
import { TextBlock } from '@babylonjs/gui/2D/controls/textBlock';
import type { AssetVisual } from '../geometry/asset-visual';
import type { ViewInsets } from './framing';
import { declutter, estimateTextWidth, labelFontPx, type LabelBox } from './label-layout';

/** Labels are drawn for these asset types only (few per network, meaningful to operators). */
export function labelledAssets(list: readonly AssetVisual[], max = 200): AssetVisual[] {
  return list
    .filter((v) => v.type === 'tank' || v.type === 'pump' || v.type === 'reservoir')
    .slice(0, max);
}

const PRIORITY: Record<string, number> = { tank: 3, reservoir: 2, pump: 1 };
const SELECTED_PRIORITY = 10;

interface Label {
  readonly id: string;
  readonly priority: number;
  readonly anchor: Vector3;
  readonly text: TextBlock;
}

/**
 * Text labels on one full-screen GUI texture (a single draw call for all of them), each
 * placed above its asset. Their size follows the canvas's height (legible on a wall screen),
 * and labels that would overlap a more important one are hidden each frame (selected asset
 * first, then tanks, reservoirs, pumps). Needs a DOM canvas (not in Node/NullEngine).
 */
export class AssetLabels {
  private readonly texture: AdvancedDynamicTexture;
  private labels: Label[] = [];
  private fontPx = 0;
  private readonly projected = new Vector3();
  private readonly inView = new Vector3();

  constructor(private readonly scene: Scene) {
    this.texture = AdvancedDynamicTexture.CreateFullscreenUI('twinhelm-labels', true, scene);
  }

  /** The full-screen GUI texture, shared with other screen-space marks (one draw call). */
  get gui(): AdvancedDynamicTexture {
    return this.texture;
  }

  build(visuals: readonly AssetVisual[]): void {
    this.clear();
    for (const v of labelledAssets(visuals)) {
      const text = new TextBlock(`label-${v.id}`, v.id);
      text.color = '#e8eaed';
      text.outlineColor = '#1b1e22';
      text.resizeToFit = true;
      this.texture.addControl(text);
      const anchor = new Vector3(v.centre[0], v.centre[1] + v.size * 1.5, v.centre[2]);
      this.labels.push({ id: v.id, priority: PRIORITY[v.type] ?? 0, anchor, text });
    }
    this.fontPx = 0;
  }

  setText(assetId: string, value: string): void {
    const label = this.labels.find((l) => l.id === assetId);
    if (label && label.text.text !== value) label.text.text = value;
  }

  /** Size, place and declutter the labels for the camera's current view (once per frame). */
  /** Labels under the panels (`insets`) are hidden, never drawn through them. */
  layout(camera: Camera, selectedId: string | null, insets: ViewInsets): void {
    if (this.labels.length === 0) return;
    const engine = this.scene.getEngine();
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    this.resize(labelFontPx(width, height, engine.getHardwareScalingLevel()));
    const free = {
      left: insets.left * width,
      right: (1 - insets.right) * width,
      top: insets.top * height,
      bottom: (1 - insets.bottom) * height,
    };
    const transform = this.scene.getTransformMatrix();
    const view = camera.getViewMatrix();
    const viewport = camera.viewport.toGlobal(width, height);
    const boxes: LabelBox[] = this.labels.map((label) => {
      Vector3.TransformCoordinatesToRef(label.anchor, view, this.inView);
      Vector3.ProjectToRef(
        label.anchor,
        Matrix.IdentityReadOnly,
        transform,
        viewport,
        this.projected,
      );
      const x = this.projected.x;
      const bottom = this.projected.y - this.fontPx * 0.3;
      const w = estimateTextWidth(label.text.text, this.fontPx);
      const h = this.fontPx * 1.3;
      const onScreen =
        this.inView.z > camera.minZ &&
        x - w / 2 >= free.left &&
        x + w / 2 <= free.right &&
        bottom - h >= free.top &&
        bottom <= free.bottom;
      const priority = label.id === selectedId ? SELECTED_PRIORITY : label.priority;
      label.text.left = `${Math.round(x - width / 2)}px`;
      label.text.top = `${Math.round(bottom - h / 2 - height / 2)}px`;
      return { x, y: bottom, width: w, height: h, priority, onScreen };
    });
    const visible = declutter(boxes);
    this.labels.forEach((label, i) => {
      const show = visible[i] === true;
      if (label.text.isVisible !== show) label.text.isVisible = show;
    });
  }

  private resize(fontPx: number): void {
    if (fontPx === this.fontPx) return;
    this.fontPx = fontPx;
    for (const { text } of this.labels) {
      text.fontSize = fontPx;
      text.outlineWidth = Math.max(3, Math.round(fontPx / 4));
    }
  }

  private clear(): void {
    for (const { text } of this.labels) text.dispose();
    this.labels = [];
  }

  dispose(): void {
    this.clear();
    this.texture.dispose();
  }
}
