import { useState } from 'react';
import { type ScenarioBands, type Violation } from '@twinhelm/contracts';
import { formatNumber } from '../../lib/format-value';
import { useWhatIf } from '../whatif-context';
import { clockLabel, offsetLabel } from './time-labels';

const KIND_LABEL: Record<Violation['kind'], string> = {
  'low-pressure': 'Low pressure',
  'tank-empty': 'Tank empty',
  'tank-overflow': 'Tank overflow',
};

const FIRST_ROWS = 12;

interface Props {
  violations: readonly Violation[];
  probabilities: ScenarioBands['violationProbability'] | null;
  startClockS: number;
}

/** Where and when limits are broken; an asset flies the camera to it. */
export function ViolationsTable({ violations, probabilities, startClockS }: Props) {
  const { coordinator } = useWhatIf();
  const [all, setAll] = useState(false);
  if (violations.length === 0) {
    return (
      <section className="whatif__section" aria-label="Violations">
        <h3>Violations</h3>
        <p className="whatif__ok">
          No violations: every node keeps service pressure and every tank stays within its levels.
        </p>
      </section>
    );
  }
  const rows = violations.toSorted((a, b) => a.startS - b.startS || a.worst - b.worst);
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  const probability = (v: Violation) =>
    probabilities?.find((p) => p.kind === v.kind && p.assetId === v.assetId)?.probability;
  const when = (s: number) => (
    <>
      {offsetLabel(s)}
      <small>{clockLabel(startClockS, s)}</small>
    </>
  );
  return (
    <section className="whatif__section" aria-label="Violations">
      <h3>Violations ({violations.length})</h3>
      <div className="whatif__table-wrap">
        <table className="whatif__table">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Asset</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">Worst</th>
              {probabilities ? <th scope="col">Prob.</th> : null}
            </tr>
          </thead>
          <tbody>
            {shown.map((v, i) => {
              const p = probability(v);
              return (
                <tr key={`${v.kind}-${v.assetId}-${v.startS}-${i}`}>
                  <td>{KIND_LABEL[v.kind]}</td>
                  <td>
                    <button
                      type="button"
                      className="whatif__link"
                      title={`Show ${v.assetId} in 3D`}
                      onClick={() => coordinator.focus(v.assetId)}
                    >
                      {v.assetId}
                    </button>
                  </td>
                  <td className="num">{when(v.startS)}</td>
                  <td className="num">{when(v.endS)}</td>
                  <td className="num">{formatNumber(v.worst)} m</td>
                  {probabilities ? (
                    <td className="num">{p === undefined ? '—' : `${Math.round(p * 100)} %`}</td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST_ROWS ? (
        <button type="button" className="button button--ghost" onClick={() => setAll((x) => !x)}>
          {all ? `Show the first ${FIRST_ROWS}` : `Show all ${rows.length}`}
        </button>
      ) : null}
    </section>
  );
}
