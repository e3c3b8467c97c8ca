import type { Scene } from '@babylonjs/core/scene';
import type { BuiltNetwork } from '../geometry/build-network';
import { boundsOf, type ViewInsets } from '../interaction/framing';
import type { AssetMatchReport, OverlayViewState, SceneOverlay } from '../scene-api';
import { OverlayValues } from '../state/overlay-values';
import type { ValueSource } from '../state/value-store';
import type { OverlayBanner } from './overlay-banner';
import { OverlayLook } from './overlay-look';
import { overlayViewState } from './overlay-palette';

/**
 * Everything an overlay changes: the values painting reads (overlay over live), the scene's
 * look (tint, dashed frame) and the in-canvas banner. Values buffers are kept between calls.
 */
export class OverlayPresenter {
  private values: OverlayValues | null = null;
  private view: OverlayViewState | null = null;
  private readonly look: OverlayLook;

  constructor(
    scene: Scene,
    private readonly banner: OverlayBanner | null,
  ) {
    this.look = new OverlayLook(scene);
  }

  /** The coarse state for the view store (null: live). */
  get state(): OverlayViewState | null {
    return this.view;
  }

  /** Live changes are held back (not painted) while an overlay replaces every value. */
  get holdsLive(): boolean {
    return this.view !== null && this.view.fill === 'all';
  }

  /** What painting reads: the overlay over `live` while shown, else `live`. */
  source(live: ValueSource): ValueSource {
    return this.view && this.values ? this.values : live;
  }

  show(overlay: SceneOverlay, built: BuiltNetwork, live: ValueSource): AssetMatchReport {
    const size = built.list.length;
    if (!this.values || this.values.size !== size || this.values.live !== live) {
      this.values = new OverlayValues(size, live);
    }
    const report = this.values.set(overlay, built.assets);
    const previous = this.view;
    const next = overlayViewState(overlay.kind, overlay.label, this.values.fill);
    if (
      !previous ||
      previous.kind !== next.kind ||
      previous.label !== next.label ||
      previous.fill !== next.fill
    ) {
      this.view = next;
      this.look.show(next.kind, ...frameOf(built));
      this.banner?.show(next.kind, next.label);
    }
    return report;
  }

  /** Back to live; returns false when nothing was shown. */
  clear(): boolean {
    if (!this.view) return false;
    this.view = null;
    this.look.hide();
    this.banner?.hide();
    return true;
  }

  /** The network was rebuilt (same assets, new positions): move the frame. */
  refit(built: BuiltNetwork): void {
    this.look.refit(...frameOf(built));
  }

  /** Per frame: keep the banner around the free area. */
  layout(insets: ViewInsets): void {
    this.banner?.layout(insets);
  }

  dispose(): void {
    this.clear();
    this.look.dispose();
    this.banner?.dispose();
    this.values = null;
  }
}

/** The network's box and the height of the frame (just above the ground plane). */
function frameOf(built: BuiltNetwork): [ReturnType<typeof boundsOf>, number] {
  const bounds = boundsOf(built.list.map((v) => v.centre));
  return [bounds, built.ground.position.y + built.layout.unit * 0.05];
}
