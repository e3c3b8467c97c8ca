import { type ScenarioKpis } from '@twinhelm/contracts';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatNumber } from '../../lib/format-value';
import { useScenarioComparison } from '../api/scenario-queries';
import { useWhatIf } from '../whatif-context';

type Row = [label: string, read: (k: ScenarioKpis) => string];

const ROWS: Row[] = [
  [
    'Minimum pressure',
    (k) =>
      k.minPressure ? `${formatNumber(k.minPressure.valueM)} m (${k.minPressure.nodeId})` : '—',
  ],
  ['Nodes below service', (k) => String(k.belowService.nodes.length)],
  ['Unserved demand', (k) => `${formatNumber(k.unservedDemandM3)} m³`],
  ['Tanks emptying', (k) => String(k.tanks.filter((t) => t.timeToEmptyS !== null).length)],
  ['Tanks overflowing', (k) => String(k.tanks.filter((t) => t.timeToOverflowS !== null).length)],
  ['Energy', (k) => `${formatNumber(k.energy.totalKwh)} kWh`],
  [
    'Energy cost',
    (k) =>
      k.energy.cost === null ? '—' : `${formatNumber(k.energy.cost)} ${k.energy.currency ?? ''}`,
  ],
];

/** Key figures of several scenarios side by side. */
export function CompareTable({ ids }: { ids: readonly string[] }) {
  const { siteId } = useWhatIf();
  const compare = useScenarioComparison(siteId, ids);
  if (compare.isError) return <ErrorMessage error={compare.error} />;
  if (!compare.data) return <p className="whatif__dim">Comparing…</p>;
  const columns = compare.data.scenarios;
  return (
    <div className="whatif__table-wrap">
      <table className="whatif__table" aria-label="Scenario comparison">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            {columns.map((c) => (
              <th key={c.id} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Violations</th>
            {columns.map((c) => (
              <td key={c.id} className="num">
                {c.violationCount ?? '—'}
              </td>
            ))}
          </tr>
          {ROWS.map(([label, read]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map((c) => (
                <td key={c.id} className="num">
                  {c.kpis ? read(c.kpis) : c.status}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
