import {
  CountType,
  FlowUnits,
  LinkType,
  NodeProperty,
  NodeType,
  type Option,
  type Project,
  TimeParameter,
  type Workspace,
} from 'epanet-js';
import { normalizeModel } from './normalize-model';
import { districtOfPattern } from '../scenario/district-of-pattern';
import { type ModelCatalog } from '../scenario/model-catalog';

/** The engine every run uses, pinned in package.json and recorded with every result. */
export const EPANET_JS_VERSION = '0.9.0';

export function engineVersionOf(ws: Workspace): string {
  const v = ws.version;
  return `OWA-EPANET ${Math.floor(v / 10000)}.${Math.floor(v / 100) % 100}.${v % 100} (epanet-js ${EPANET_JS_VERSION})`;
}

/** A network open in the engine, in SI units (L/s, m), ready for repeated runs. */
export interface OpenModel {
  hash: string;
  project: Project;
  catalog: ModelCatalog;
  nodeIds: string[];
  linkIds: string[];
  /** 1-based engine index by id. */
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
  /** Whether tank levels were written back once (see normalizeTanks). */
  tanksNormalized: boolean;
  times: {
    durationS: number;
    hydraulicStepS: number;
    reportStepS: number;
    reportStartS: number;
    /** The file's START CLOCKTIME and PATTERN START, s. */
    startClockS: number;
    patternStartS: number;
  };
}

/** EN_PRESS_UNITS and EN_METERS (EPANET 2.3; not in epanet-js's Option enum). */
const PRESSURE_UNITS_OPTION = 25 as Option;
const PRESSURE_IN_METRES = 2;

const NODE_KIND: Record<NodeType, 'junction' | 'reservoir' | 'tank'> = {
  [NodeType.Junction]: 'junction',
  [NodeType.Reservoir]: 'reservoir',
  [NodeType.Tank]: 'tank',
};

function linkKind(type: LinkType): 'pipe' | 'pump' | 'valve' {
  if (type === LinkType.Pump) return 'pump';
  return type === LinkType.Pipe || type === LinkType.CVPipe ? 'pipe' : 'valve';
}

/**
 * Opens .inp text in a project of the workspace and switches it to SI units (LPS: flows L/s,
 * heads and pressures m). EPANET's own error message is thrown when the file does not open.
 */
export function openModel(ws: Workspace, project: Project, text: string, hash: string): OpenModel {
  const base = `m-${hash.slice(0, 16)}`;
  ws.writeFile(`${base}.inp`, text);
  project.open(`${base}.inp`, `${base}.rpt`, '');
  project.setFlowUnits(FlowUnits.LPS);
  project.setOption(PRESSURE_UNITS_OPTION, PRESSURE_IN_METRES);
  const nodeIds: string[] = [];
  const nodeIndex = new Map<string, number>();
  const nodes = new Map<string, 'junction' | 'reservoir' | 'tank'>();
  const tankLimits = new Map<string, { minLevelM: number; maxLevelM: number }>();
  const dmas = new Map<string, string[]>();
  for (let i = 1; i <= project.getCount(CountType.NodeCount); i++) {
    const id = project.getNodeId(i);
    const kind = NODE_KIND[project.getNodeType(i)];
    nodeIds.push(id);
    nodeIndex.set(id, i);
    nodes.set(id, kind);
    if (kind === 'tank') {
      tankLimits.set(id, {
        minLevelM: project.getNodeValue(i, NodeProperty.MinLevel),
        maxLevelM: project.getNodeValue(i, NodeProperty.MaxLevel),
      });
    }
    const dma = kind === 'junction' ? districtOf(project, i) : undefined;
    if (dma !== undefined) {
      const members = dmas.get(dma) ?? [];
      members.push(id);
      dmas.set(dma, members);
    }
  }
  const linkIds: string[] = [];
  const linkIndex = new Map<string, number>();
  const links = new Map<string, 'pipe' | 'pump' | 'valve'>();
  for (let i = 1; i <= project.getCount(CountType.LinkCount); i++) {
    const id = project.getLinkId(i);
    linkIds.push(id);
    linkIndex.set(id, i);
    links.set(id, linkKind(project.getLinkType(i)));
  }
  const times = {
    durationS: project.getTimeParameter(TimeParameter.Duration),
    hydraulicStepS: project.getTimeParameter(TimeParameter.HydStep),
    reportStepS: project.getTimeParameter(TimeParameter.ReportStep),
    reportStartS: project.getTimeParameter(TimeParameter.ReportStart),
    startClockS: project.getTimeParameter(TimeParameter.StartTime),
    patternStartS: project.getTimeParameter(TimeParameter.PatternStart),
  };
  normalizeModel(project, {
    nodes: nodeIds.map((id) => nodes.get(id) ?? 'junction'),
    links: linkIds.map((id) => links.get(id) ?? 'pipe'),
  });
  const catalog: ModelCatalog = {
    nodes,
    links,
    tankLimits,
    dmas,
    controlCount: project.getCount(CountType.ControlCount),
    durationS: times.durationS,
  };
  return {
    hash,
    project,
    catalog,
    nodeIds,
    linkIds,
    nodeIndex,
    linkIndex,
    tanksNormalized: false,
    times,
  };
}

/** The district of a junction: named after the pattern of its first demand category. */
function districtOf(project: Project, node: number): string | undefined {
  if (project.getNumberOfDemands(node) === 0) return undefined;
  const pattern = project.getDemandPattern(node, 1);
  const patternId = pattern > 0 ? project.getPatternId(pattern) : undefined;
  return districtOfPattern(patternId, project.getBaseDemand(node, 1));
}
