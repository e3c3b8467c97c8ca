export { parseInp, KNOWN_SECTIONS, type ParseResult, type NetworkCounts } from './inp/parse-inp';
export { type InpError } from './inp/parse-context';
export { parseDurationSeconds } from './inp/parse-duration';
export { unitSystem, type FlowUnit, type UnitSystem } from './inp/units';
export { computeLayout, LINK_SPACING, type LayoutInput } from './layout/compute-layout';
export { checkWithEpanet, type CheckOptions } from './epanet/check-with-epanet';
export { type EpanetCheck, type EpanetError } from './epanet/check-result';
export { importNetwork, type ImportError, type ImportResult } from './import-network';
export { runScenario, type RunBinding, type RunBudget } from './engine/run-scenario';
export { openModel, engineVersionOf, EPANET_JS_VERSION, type OpenModel } from './engine/open-model';
export {
  createLocalEngine,
  modelHash,
  type LocalEngine,
  type RunOptions,
} from './engine/local-engine';
export {
  createSolverPool,
  type PoolOptions,
  type RunRequest,
  type SolverPool,
} from './engine/solver-pool';
export { type RunOutcome } from './engine/worker-protocol';
export { RunError, toFailure, type RunFailure, type RunFailureKind } from './engine/run-errors';
export { evaluateKpis, type KpiInput } from './scenario/evaluate-kpis';
export { validateScenario, horizonOf } from './scenario/validate-scenario';
export { type ModelCatalog } from './scenario/model-catalog';
export { districtOfPattern } from './scenario/district-of-pattern';
export { nearestIds } from './scenario/nearest-ids';
export { validateLiveState } from './state/validate-live-state';
export { liveStateFromTwin, type LiveStateOptions } from './state/live-state-from-twin';
export { recommendActions, type RecommendOptions, type RecommendRequest } from './recommend';
export { runEnsemble, type EnsembleOptions, type EnsembleRequest } from './ensemble/run-ensemble';
export { readEnsembleNetwork, type EnsembleNetwork } from './ensemble/ensemble-network';
export { type CompactTarget } from './ensemble/compact-member';
export {
  estimateDemandMultipliers,
  MULTIPLIER_RANGE,
  type DemandEstimateInput,
} from './state/estimate-demand-multipliers';
