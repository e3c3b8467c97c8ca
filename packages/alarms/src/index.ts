export {
  defaultRulesFor,
  DEFAULT_EXPECTED_INTERVAL_S,
  JUNCTION_PRESSURE_LOW_M,
  JUNCTION_PRESSURE_LOW_LOW_M,
  PUMP_BEARING_TEMP_HIGH_C,
  PUMP_SUCTION_PRESSURE_LOW_M,
  PUMP_VIBRATION_HIGH_MM_S,
  type AlarmAsset,
} from './rules/default-rules';
export { alarmAssetsFromNetwork, type AlarmNetwork } from './rules/network-assets';
export {
  resolveSiteRules,
  reviseRule,
  type AssetRules,
  type ResolveRulesResult,
  type ReviseRuleResult,
} from './rules/resolve-rules';
export { alarmKeyOf } from './evaluate/condition-handlers';
export {
  createRuleEvaluator,
  type AlarmSample,
  type EvaluatorStats,
  type RuleEvaluator,
  type RuleEvaluatorOptions,
} from './evaluate/rule-evaluator';
export {
  conditionEvent,
  createAlarm,
  isAnnounced,
  OVERLAY_STATES,
  type AlarmEvent,
} from './lifecycle/create-alarm';
export {
  applyAlarmEvent,
  SYSTEM_ACTOR,
  type AlarmEventResult,
} from './lifecycle/apply-alarm-event';
export {
  groupAlarmsByRootCause,
  isSupplySymptom,
  type GroupableAlarm,
  type GroupingOptions,
  type GroupingResult,
  type RootCause,
  type RootCauseGroup,
  type RootCauseKind,
} from './grouping/root-cause';
export { SupplyGraph, type AlarmGraph } from './grouping/supply-graph';
export {
  createFloodDetector,
  FLOOD_DEFAULTS,
  type FloodDetector,
  type FloodOptions,
  type FloodState,
} from './flood/flood-detector';
export { computeAlarmKpis, type AlarmKpiOptions } from './kpis/alarm-kpis';
export {
  createAlarmBook,
  type AlarmBook,
  type AlarmBookOptions,
  type BookUpdate,
} from './lifecycle/alarm-book';
