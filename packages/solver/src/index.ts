export { parseInp, KNOWN_SECTIONS, type ParseResult, type NetworkCounts } from './inp/parse-inp';
export { type InpError } from './inp/parse-context';
export { parseDurationSeconds } from './inp/parse-duration';
export { unitSystem, type FlowUnit, type UnitSystem } from './inp/units';
export { computeLayout, LINK_SPACING, type LayoutInput } from './layout/compute-layout';
export { checkWithEpanet, type CheckOptions } from './epanet/check-with-epanet';
export { type EpanetCheck, type EpanetError } from './epanet/check-result';
export { importNetwork, type ImportError, type ImportResult } from './import-network';
