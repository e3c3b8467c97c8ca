export {
  recommendActions,
  type RecommendOptions,
  type RecommendRequest,
} from './recommend-actions';
export { isolationSegment, pipeEndSegment, valveSegment, type Segment } from './valve-segments';
export { buildGraph, type NetworkGraph } from './network-graph';
export { topologyOf, type Topology } from './topology';
