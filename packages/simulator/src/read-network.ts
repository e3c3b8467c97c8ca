import { CountType, LinkType, NodeProperty, NodeType, type Project } from 'epanet-js';
import { type NetworkLink, type NetworkNode, type NodeKind } from './network-elements';
import { type UnitFactors } from './units';

const NODE_KINDS: Record<number, NodeKind> = {
  [NodeType.Junction]: 'junction',
  [NodeType.Reservoir]: 'reservoir',
  [NodeType.Tank]: 'tank',
};
const VALVE_TYPES: Record<number, string> = {
  [LinkType.PRV]: 'PRV',
  [LinkType.PSV]: 'PSV',
  [LinkType.PBV]: 'PBV',
  [LinkType.FCV]: 'FCV',
  [LinkType.TCV]: 'TCV',
  [LinkType.GPV]: 'GPV',
  9: 'PCV',
};

function coordinatesOf(project: Project, index: number): { x: number; y: number } {
  try {
    return project.getCoordinates(index);
  } catch {
    return { x: index, y: 0 };
  }
}

export function readNodes(
  project: Project,
  units: UnitFactors,
  districtOf: (index: number) => string | undefined,
): NetworkNode[] {
  const nodes: NetworkNode[] = [];
  for (let index = 1; index <= project.getCount(CountType.NodeCount); index += 1) {
    const kind = NODE_KINDS[project.getNodeType(index)] ?? 'junction';
    const { x, y } = coordinatesOf(project, index);
    const node: NetworkNode = {
      index,
      id: project.getNodeId(index),
      kind,
      x,
      y,
      elevationM: project.getNodeValue(index, NodeProperty.Elevation) * units.lengthToM,
    };
    const district = districtOf(index);
    if (district !== undefined) node.district = district;
    if (kind === 'tank') {
      node.minLevelM = project.getNodeValue(index, NodeProperty.MinLevel) * units.lengthToM;
      node.maxLevelM = project.getNodeValue(index, NodeProperty.MaxLevel) * units.lengthToM;
    }
    nodes.push(node);
  }
  return nodes;
}

function designFlowLps(project: Project, index: number, units: UnitFactors): number {
  const curveIndex = project.getHeadCurveIndex(index);
  if (curveIndex <= 0) return 1;
  const { x } = project.getCurve(curveIndex);
  const design = x.length === 1 ? x[0] : x[Math.floor(x.length / 2)];
  return design !== undefined && design > 0 ? design * units.flowToLps : 1;
}

export function readLinks(project: Project, units: UnitFactors): NetworkLink[] {
  const links: NetworkLink[] = [];
  for (let index = 1; index <= project.getCount(CountType.LinkCount); index += 1) {
    const type = project.getLinkType(index);
    const { node1, node2 } = project.getLinkNodes(index);
    const link: NetworkLink = {
      index,
      id: project.getLinkId(index),
      kind: type === LinkType.Pump ? 'pump' : type <= LinkType.Pipe ? 'pipe' : 'valve',
      fromId: project.getNodeId(node1),
      toId: project.getNodeId(node2),
    };
    const valveType = VALVE_TYPES[type];
    if (valveType !== undefined) link.valveType = valveType;
    if (type === LinkType.Pump) link.designFlowLps = designFlowLps(project, index, units);
    links.push(link);
  }
  return links;
}
