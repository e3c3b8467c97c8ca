import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Scene } from '@babylonjs/core/scene';
import { AdvancedDynamicTexture } from '@babylonjs/gui/2D/advancedDynamicTexture';
import { TextBlock } from '@babylonjs/gui/2D/controls/textBlock';
import type { AssetVisual } from '../geometry/asset-visual';

/** Labels are drawn for these asset types only (few per network, meaningful to operators). */
export function labelledAssets(list: readonly AssetVisual[], max = 200): AssetVisual[] {
  return list
    .filter((v) => v.type === 'tank' || v.type === 'pump' || v.type === 'reservoir')
    .slice(0, max);
}

/**
 * Text labels on one full-screen GUI texture (a single draw call for all of them), each
 * anchored to an invisible node above its asset. Needs a DOM canvas (not in Node/NullEngine).
 */
export class AssetLabels {
  private readonly texture: AdvancedDynamicTexture;
  private readonly anchors: TransformNode[] = [];
  private readonly texts = new Map<string, TextBlock>();

  constructor(private readonly scene: Scene) {
    this.texture = AdvancedDynamicTexture.CreateFullscreenUI('twinhelm-labels', true, scene);
  }

  build(visuals: readonly AssetVisual[]): void {
    this.clear();
    for (const v of labelledAssets(visuals)) {
      const anchor = new TransformNode(`twinhelm-label-${v.id}`, this.scene);
      anchor.position.set(v.centre[0], v.centre[1] + v.size * 0.8, v.centre[2]);
      const text = new TextBlock(`label-${v.id}`, v.id);
      text.color = '#e8eaed';
      text.fontSize = 12;
      text.outlineWidth = 3;
      text.outlineColor = '#1b1e22';
      text.resizeToFit = true;
      this.texture.addControl(text);
      text.linkWithMesh(anchor);
      text.linkOffsetY = -10;
      this.anchors.push(anchor);
      this.texts.set(v.id, text);
    }
  }

  setText(assetId: string, value: string): void {
    const text = this.texts.get(assetId);
    if (text && text.text !== value) text.text = value;
  }

  private clear(): void {
    for (const text of this.texts.values()) text.dispose();
    for (const anchor of this.anchors) anchor.dispose();
    this.texts.clear();
    this.anchors.length = 0;
  }

  dispose(): void {
    this.clear();
    this.texture.dispose();
  }
}
