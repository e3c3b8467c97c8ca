export { generateGridNetwork, type GridNetworkOptions } from './generate-grid-network';
export { stripSection } from './strip-section';
export { seededRandom } from './seeded-random';
