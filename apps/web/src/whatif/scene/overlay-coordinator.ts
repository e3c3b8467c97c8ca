import {
  type AssetHighlight,
  type SceneControllerApi,
  type SceneOverlay,
} from '../../scene/use-scene-controller';

/**
 * One owner for what the scene shows instead of live values: a scenario's prediction wins over
 * the modelled nowcast, and clearing the prediction brings the nowcast (or live) back. Also
 * owns the recommendation highlights, so leaving a result clears what it put on the scene.
 */
export class OverlayCoordinator {
  private prediction: SceneOverlay | null = null;
  private modelled: SceneOverlay | null = null;

  constructor(private readonly controller: SceneControllerApi | null) {}

  showPrediction(overlay: SceneOverlay): void {
    this.prediction = overlay;
    this.apply();
  }

  clearPrediction(): void {
    if (this.prediction === null) return;
    this.prediction = null;
    this.apply();
  }

  showModelled(overlay: SceneOverlay): void {
    this.modelled = overlay;
    if (this.prediction === null) this.apply();
  }

  clearModelled(): void {
    if (this.modelled === null) return;
    this.modelled = null;
    if (this.prediction === null) this.apply();
  }

  highlight(highlights: readonly AssetHighlight[], frame: readonly string[]): void {
    if (!this.controller) return;
    this.controller.highlightAssets(highlights);
    if (frame.length > 0) this.controller.focusAssets(frame);
  }

  clearHighlights(): void {
    this.controller?.clearHighlights();
  }

  /** Fly to one asset (a violation, a KPI's node); false when the scene does not have it. */
  focus(assetId: string): boolean {
    return this.controller?.focusAsset(assetId) ?? false;
  }

  private apply(): void {
    if (!this.controller) return;
    const overlay = this.prediction ?? this.modelled;
    if (overlay) this.controller.showOverlay(overlay);
    else this.controller.clearOverlay();
  }
}
