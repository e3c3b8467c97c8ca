import type { Scene } from '@babylonjs/core/scene';
import type { AdvancedDynamicTexture } from '@babylonjs/gui/2D/advancedDynamicTexture';
import { Control } from '@babylonjs/gui/2D/controls/control';
import { Rectangle } from '@babylonjs/gui/2D/controls/rectangle';
import { TextBlock } from '@babylonjs/gui/2D/controls/textBlock';
import type { ViewInsets } from '../interaction/framing';
import { labelFontPx } from '../interaction/label-layout';
import type { OverlayKind } from '../scene-api';
import { OVERLAY_LOOK } from './overlay-palette';

/**
 * Inside the canvas, on the labels' GUI texture (no extra draw call): a border around the area
 * the panels leave free and a tag at its top, "PREDICTION · +45 min", in the overlay's accent.
 * Part of the rendered image, so screenshots and wall screens carry it too.
 */
export class OverlayBanner {
  private readonly border = new Rectangle('twinhelm-overlay-border');
  private readonly tag = new Rectangle('twinhelm-overlay-tag');
  private readonly text = new TextBlock('twinhelm-overlay-text', '');
  private shown = false;
  private placed = '';

  constructor(
    private readonly scene: Scene,
    texture: AdvancedDynamicTexture,
  ) {
    for (const c of [this.border, this.tag, this.text]) {
      c.isHitTestVisible = false;
      c.isPointerBlocker = false;
    }
    for (const c of [this.border, this.tag]) {
      c.verticalAlignment = Control.VERTICAL_ALIGNMENT_TOP;
      c.isVisible = false;
    }
    this.border.horizontalAlignment = Control.HORIZONTAL_ALIGNMENT_LEFT;
    this.tag.horizontalAlignment = Control.HORIZONTAL_ALIGNMENT_CENTER;
    this.border.background = '';
    this.tag.adaptWidthToChildren = true;
    this.tag.cornerRadius = 4;
    this.tag.thickness = 0;
    this.text.color = '#101214';
    this.text.resizeToFit = true;
    this.tag.addControl(this.text);
    texture.addControl(this.border);
    texture.addControl(this.tag);
  }

  show(kind: OverlayKind, label: string): void {
    const look = OVERLAY_LOOK[kind];
    this.border.color = look.accent;
    this.tag.background = look.accent;
    const text = label.trim() === '' ? look.title : `${look.title} · ${label}`;
    if (this.text.text !== text) this.text.text = text;
    this.border.isVisible = true;
    this.tag.isVisible = true;
    this.shown = true;
    this.placed = '';
  }

  hide(): void {
    this.border.isVisible = false;
    this.tag.isVisible = false;
    this.shown = false;
  }

  /** Fit the border to the free area (once per frame; only writes when something moved). */
  layout(insets: ViewInsets): void {
    if (!this.shown) return;
    const engine = this.scene.getEngine();
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    const left = Math.round(insets.left * width);
    const top = Math.round(insets.top * height);
    const w = Math.round((1 - insets.left - insets.right) * width);
    const h = Math.round((1 - insets.top - insets.bottom) * height);
    const key = `${left},${top},${w},${h},${this.text.text}`;
    if (key === this.placed) return;
    this.placed = key;
    const font = Math.round(labelFontPx(width, height, engine.getHardwareScalingLevel()) * 1.15);
    const line = Math.max(3, Math.round(font / 4));
    this.border.thickness = line;
    this.border.left = `${left}px`;
    this.border.top = `${top}px`;
    this.border.width = `${w}px`;
    this.border.height = `${h}px`;
    this.text.fontSize = font;
    this.text.fontWeight = 'bold';
    this.text.paddingLeft = `${font * 0.6}px`;
    this.text.paddingRight = `${font * 0.6}px`;
    this.tag.height = `${Math.round(font * 1.7)}px`;
    this.tag.left = `${Math.round(left + w / 2 - width / 2)}px`;
    this.tag.top = `${top + line}px`;
  }

  dispose(): void {
    this.border.dispose();
    this.text.dispose();
    this.tag.dispose();
  }
}
