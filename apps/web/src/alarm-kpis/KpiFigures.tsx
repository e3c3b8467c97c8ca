import { type KpiFigure } from './kpi-benchmarks';

/** The headline figures, each with its benchmark beside it and coloured by its band. */
export function KpiFigures({ figures }: { figures: readonly KpiFigure[] }) {
  return (
    <ul className="alarm-kpis__figures" aria-label="Headline figures">
      {figures.map((figure) => (
        <li key={figure.id} className={`kpi-figure kpi-band--${figure.band}`}>
          <h2 className="kpi-figure__label">{figure.label}</h2>
          <p
            className={
              figure.value.length > 6
                ? 'kpi-figure__value kpi-figure__value--long'
                : 'kpi-figure__value'
            }
          >
            <span className="num">{figure.value}</span>
            {figure.unit ? <span className="kpi-figure__unit"> {figure.unit}</span> : null}
            {figure.verdict ? <span className="kpi-figure__verdict">{figure.verdict}</span> : null}
          </p>
          <p className="kpi-figure__benchmark">{figure.benchmark}</p>
          {figure.detail ? <p className="kpi-figure__detail">{figure.detail}</p> : null}
        </li>
      ))}
    </ul>
  );
}
