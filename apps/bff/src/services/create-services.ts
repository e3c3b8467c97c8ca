import type { Principal } from '@twinhelm/contracts';
import { createToken, listTokens, revokeToken } from './api-tokens';
import { ensureDemoData } from './ensure-demo-data';
import { ensureInitialAdmin } from './ensure-initial-admin';
import { getAsset } from './get-asset';
import { getNetwork } from './get-network';
import { getSite } from './get-site';
import { health } from './health';
import { importNetwork } from './import-network';
import { listAssets } from './list-assets';
import { listAudit } from './list-audit';
import { listRejected } from './list-rejected';
import { listSites } from './list-sites';
import { me } from './me';
import { queryTelemetry } from './query-telemetry';
import type { ServiceDeps } from './service-deps';
import { cancelScenario } from '../scenarios/services/cancel-scenario';
import { compareScenarios } from '../scenarios/services/compare-scenarios';
import { createScenario } from '../scenarios/services/create-scenario';
import { decideRecommendation } from '../scenarios/services/decide-recommendation';
import { getScenario } from '../scenarios/services/get-scenario';
import { getScenarioFrames } from '../scenarios/services/get-scenario-frames';
import { getScenarioResult } from '../scenarios/services/get-scenario-result';
import { getScenarioSeries } from '../scenarios/services/get-scenario-series';
import { listScenarios } from '../scenarios/services/list-scenarios';
import { getAlarmRuleHistory } from '../alarm-rules/services/get-alarm-rule-history';
import { getAlarmRules } from '../alarm-rules/services/get-alarm-rules';
import { putAlarmRule } from '../alarm-rules/services/put-alarm-rule';
import { revertAlarmRule } from '../alarm-rules/services/revert-alarm-rule';

type Bound<F> = F extends (deps: ServiceDeps, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;
const bind =
  <A extends unknown[], R>(deps: ServiceDeps, f: (deps: ServiceDeps, ...args: A) => R) =>
  (...args: A): R =>
    f(deps, ...args);

/** Every use case with its dependencies bound: what AppContext.services holds. */
export interface Services {
  me: (principal: Principal) => ReturnType<typeof me>;
  listSites: Bound<typeof listSites>;
  getSite: Bound<typeof getSite>;
  getNetwork: Bound<typeof getNetwork>;
  importNetwork: Bound<typeof importNetwork>;
  listAssets: Bound<typeof listAssets>;
  getAsset: Bound<typeof getAsset>;
  queryTelemetry: Bound<typeof queryTelemetry>;
  listRejected: Bound<typeof listRejected>;
  listAudit: Bound<typeof listAudit>;
  createToken: Bound<typeof createToken>;
  listTokens: Bound<typeof listTokens>;
  revokeToken: Bound<typeof revokeToken>;
  health: Bound<typeof health>;
  ensureDemoData: Bound<typeof ensureDemoData>;
  ensureInitialAdmin: Bound<typeof ensureInitialAdmin>;
  createScenario: Bound<typeof createScenario>;
  getScenario: Bound<typeof getScenario>;
  getScenarioResult: Bound<typeof getScenarioResult>;
  getScenarioSeries: Bound<typeof getScenarioSeries>;
  getScenarioFrames: Bound<typeof getScenarioFrames>;
  listScenarios: Bound<typeof listScenarios>;
  compareScenarios: Bound<typeof compareScenarios>;
  cancelScenario: Bound<typeof cancelScenario>;
  decideRecommendation: Bound<typeof decideRecommendation>;
  getAlarmRules: Bound<typeof getAlarmRules>;
  putAlarmRule: Bound<typeof putAlarmRule>;
  revertAlarmRule: Bound<typeof revertAlarmRule>;
  getAlarmRuleHistory: Bound<typeof getAlarmRuleHistory>;
}

export function createServices(deps: ServiceDeps): Services {
  return {
    me,
    listSites: bind(deps, listSites),
    getSite: bind(deps, getSite),
    getNetwork: bind(deps, getNetwork),
    importNetwork: bind(deps, importNetwork),
    listAssets: bind(deps, listAssets),
    getAsset: bind(deps, getAsset),
    queryTelemetry: bind(deps, queryTelemetry),
    listRejected: bind(deps, listRejected),
    listAudit: bind(deps, listAudit),
    createToken: bind(deps, createToken),
    listTokens: bind(deps, listTokens),
    revokeToken: bind(deps, revokeToken),
    health: bind(deps, health),
    ensureDemoData: bind(deps, ensureDemoData),
    ensureInitialAdmin: bind(deps, ensureInitialAdmin),
    createScenario: bind(deps, createScenario),
    getScenario: bind(deps, getScenario),
    getScenarioResult: bind(deps, getScenarioResult),
    getScenarioSeries: bind(deps, getScenarioSeries),
    getScenarioFrames: bind(deps, getScenarioFrames),
    listScenarios: bind(deps, listScenarios),
    compareScenarios: bind(deps, compareScenarios),
    cancelScenario: bind(deps, cancelScenario),
    decideRecommendation: bind(deps, decideRecommendation),
    getAlarmRules: bind(deps, getAlarmRules),
    putAlarmRule: bind(deps, putAlarmRule),
    revertAlarmRule: bind(deps, revertAlarmRule),
    getAlarmRuleHistory: bind(deps, getAlarmRuleHistory),
  };
}
