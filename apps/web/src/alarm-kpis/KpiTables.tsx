import Link from 'next/link';
import { type ReactNode } from 'react';
import { type ChatteringRow, type KpiAlarmRow, type StaleRow, type StandingRow } from './kpi-rows';

interface Column<Row> {
  title: string;
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
}

/** The alarm's asset and rule: one link (a touch target) to the console with the asset selected. */
function AlarmCell({ row }: { row: KpiAlarmRow }) {
  return (
    <Link href={row.href} className="kpi-alarm__link" title={`Open ${row.assetId} in the console`}>
      <span className="kpi-alarm__asset">{row.assetId}</span>
      {row.assetName ? <span className="kpi-alarm__name">{row.assetName}</span> : null}
      <span className="kpi-alarm__rule">{row.ruleId}</span>
    </Link>
  );
}

function AlarmTable<Row extends KpiAlarmRow>({
  id,
  title,
  note,
  empty,
  rows,
  columns,
}: {
  id: string;
  title: string;
  note: string;
  empty: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
}) {
  return (
    <section className="alarm-kpis__section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="alarm-kpis__count">{rows.length}</span>
      </h2>
      <p className="alarm-kpis__note">{note}</p>
      {rows.length === 0 ? (
        <p className="alarm-kpis__empty">{empty}</p>
      ) : (
        <div className="alarm-kpis__table-wrap">
          <table className="alarm-kpis__table">
            <thead>
              <tr>
                <th scope="col">Alarm</th>
                {columns.map((column) => (
                  <th key={column.title} scope="col" className={column.numeric ? 'num' : undefined}>
                    {column.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row" className="kpi-alarm">
                    <AlarmCell row={row} />
                  </th>
                  {columns.map((column) => (
                    <td key={column.title} className={column.numeric ? 'num' : undefined}>
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ChatteringTable({ rows }: { rows: readonly ChatteringRow[] }) {
  return (
    <AlarmTable
      id="kpi-chattering"
      title="Chattering alarms"
      note="Top 10 by activations; chattering: 3 or more activations within one minute."
      empty="No chattering alarms in this period."
      rows={rows}
      columns={[
        { title: 'Activations', numeric: true, cell: (r) => r.activations },
        { title: 'Most per minute', numeric: true, cell: (r) => r.mostPerMinute },
      ]}
    />
  );
}

export function StaleTable({ rows }: { rows: readonly StaleRow[] }) {
  return (
    <AlarmTable
      id="kpi-stale"
      title="Stale data"
      note="Top 10 stale-data alarms by time active in the period."
      empty="No stale-data alarms in this period."
      rows={rows}
      columns={[
        { title: 'Time active', numeric: true, cell: (r) => r.active },
        { title: 'Activations', numeric: true, cell: (r) => r.activations },
        { title: 'At the end', cell: (r) => r.status },
      ]}
    />
  );
}

export function StandingTable({ rows }: { rows: readonly StandingRow[] }) {
  return (
    <AlarmTable
      id="kpi-standing"
      title="Standing alarms"
      note="Activations longer than 24 h, longest first."
      empty="No standing alarms in this period."
      rows={rows}
      columns={[
        { title: 'Since', cell: (r) => r.since },
        { title: 'Active for', numeric: true, cell: (r) => r.active },
        {
          title: 'At the end',
          cell: (r) => (
            <span className={r.ongoing ? 'kpi-status kpi-status--ongoing' : 'kpi-status'}>
              {r.status}
            </span>
          ),
        },
      ]}
    />
  );
}
