import { LinkProperty, NodeProperty, type Project } from 'epanet-js';
import { type OpenModel } from './open-model';

/** The report-time series of one run, in the engine's order (SI: m, L/s, m/s, kW). */
export interface CollectedSeries {
  times: number[];
  pressure: number[][];
  head: number[][];
  demand: number[][];
  deficit: number[][];
  flow: number[][];
  velocity: number[][];
  /** Pump power (kW), one column per pump, in pumpIds order. */
  power: number[][];
  pumpIds: string[];
}

export function emptySeries(model: OpenModel): CollectedSeries {
  const pumpIds = model.linkIds.filter((id) => model.catalog.links.get(id) === 'pump');
  return {
    times: [],
    pressure: [],
    head: [],
    demand: [],
    deficit: [],
    flow: [],
    velocity: [],
    power: [],
    pumpIds,
  };
}

/** Reads every node and link at the current hydraulic time (bulk getters). */
export function collectAt(
  project: Project,
  model: OpenModel,
  series: CollectedSeries,
  t: number,
): void {
  series.times.push(t);
  series.pressure.push(project.getNodeValues(NodeProperty.Pressure));
  series.head.push(project.getNodeValues(NodeProperty.Head));
  series.demand.push(project.getNodeValues(NodeProperty.Demand));
  series.deficit.push(project.getNodeValues(NodeProperty.DemandDeficit));
  series.flow.push(project.getLinkValues(LinkProperty.Flow));
  series.velocity.push(project.getLinkValues(LinkProperty.Velocity));
  series.power.push(
    series.pumpIds.map((id) =>
      project.getLinkValue(model.linkIndex.get(id) ?? 0, LinkProperty.Energy),
    ),
  );
}
