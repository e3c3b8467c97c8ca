import { type Legend as LegendData } from '../scene/use-scene-controller';

/** The colour key of the scene, as the scene controller describes it. */
export function Legend({ legend }: { legend: LegendData }) {
  const entries = [...legend.entries, legend.unmeasured];
  return (
    <section className="card" aria-labelledby="legend-title">
      <h2 id="legend-title">
        {legend.title}
        {legend.unit ? ` (${legend.unit})` : ''}
      </h2>
      <ul className="legend">
        {entries.map((entry) => (
          <li key={`${entry.label}-${entry.color}`}>
            <span
              className="legend__swatch"
              style={{ background: entry.color }}
              aria-hidden="true"
            />
            <span className="num">{entry.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
