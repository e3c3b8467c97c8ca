import {
  COLOR_BY_OPTIONS,
  type ColorBy,
  type SceneControllerApi,
  type SceneViewState,
} from '../scene/use-scene-controller';

/** Colour-by and elevation exaggeration: intents sent to the controller, state read back from it. */
export function SceneControls({
  controller,
  view,
}: {
  controller: SceneControllerApi;
  view: SceneViewState;
}) {
  return (
    <section className="card" aria-label="View controls">
      <button type="button" className="button card__action" onClick={() => controller.resetView()}>
        Whole network
      </button>
      <fieldset className="segmented">
        <legend>Colour by</legend>
        {COLOR_BY_OPTIONS.map((option) => (
          <label key={option.value}>
            <input
              type="radio"
              name="colour-by"
              value={option.value}
              checked={view.colorBy === option.value}
              onChange={() => controller.setColorBy(option.value satisfies ColorBy)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      <div className="slider">
        <label className="slider__label" htmlFor="elevation-exaggeration">
          <span>Elevation exaggeration</span>
          <output htmlFor="elevation-exaggeration" className="num">
            ×{view.elevationExaggeration}
          </output>
        </label>
        <input
          id="elevation-exaggeration"
          type="range"
          min={1}
          max={20}
          step={0.5}
          value={view.elevationExaggeration}
          aria-valuetext={`${view.elevationExaggeration} times`}
          onChange={(event) =>
            controller.setElevationExaggeration(Number(event.currentTarget.value))
          }
        />
      </div>
    </section>
  );
}
