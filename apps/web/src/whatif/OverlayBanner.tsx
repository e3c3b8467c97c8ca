import { type SceneViewState } from '../scene/use-scene-controller';

/**
 * The unmistakable notice that the scene is not showing live values: a prediction of a
 * scenario, or modelled values from the nowcast. In the scene's overlay accent colour.
 */
export function OverlayBanner({
  overlay,
  beside,
}: {
  overlay: NonNullable<SceneViewState['overlay']>;
  /** The panel open on the right, so the banner centres in the scene left free. */
  beside: 'whatif' | 'panel' | 'none';
}) {
  const headline =
    overlay.kind === 'prediction' ? 'PREDICTION — not live' : 'MODELLED — not measured';
  return (
    <div
      className={`overlay-banner overlay-banner--${overlay.kind} overlay-banner--beside-${beside}`}
      role="status"
      style={{ borderColor: overlay.accent, color: overlay.accent }}
    >
      <strong>{headline}</strong>
      <span className="overlay-banner__label">{overlay.label}</span>
    </div>
  );
}
