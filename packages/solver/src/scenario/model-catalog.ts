/** What scenario and live-state validation need to know about a network: ids, kinds, limits. */
export interface ModelCatalog {
  nodes: ReadonlyMap<string, 'junction' | 'reservoir' | 'tank'>;
  links: ReadonlyMap<string, 'pipe' | 'pump' | 'valve'>;
  tankLimits: ReadonlyMap<string, { minLevelM: number; maxLevelM: number }>;
  /** Junction ids per district (DMA), named after their demand pattern (see districtOfPattern). */
  dmas: ReadonlyMap<string, readonly string[]>;
  /** Number of simple controls ([CONTROLS]) in the file. */
  controlCount: number;
  /** The file's own duration, s. */
  durationS: number;
}
