import { type PriorityBar } from './kpi-rows';

/** Announcements per priority: a bar per priority (its share), with the count and percentage. */
export function PriorityBars({ bars }: { bars: readonly PriorityBar[] }) {
  return (
    <section className="alarm-kpis__section" aria-labelledby="kpi-priority">
      <h2 id="kpi-priority">By priority</h2>
      <table className="alarm-kpis__table kpi-priority">
        <thead>
          <tr>
            <th scope="col">Priority</th>
            <th scope="col">
              <span className="visually-hidden">Share</span>
            </th>
            <th scope="col" className="num">
              Alarms
            </th>
            <th scope="col" className="num">
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.priority} className={`alarm-prio--${bar.priority}`}>
              <th scope="row">{bar.label}</th>
              <td className="kpi-priority__bar-cell" aria-hidden="true">
                <span className="kpi-priority__bar" style={{ width: `${bar.share * 100}%` }} />
              </td>
              <td className="num">{bar.count}</td>
              <td className="num">{bar.shareText}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="alarm-kpis__note">
        EEMUA 191 aims at about 5 % high, 15 % medium and 80 % low; critical the rarest.
      </p>
    </section>
  );
}
