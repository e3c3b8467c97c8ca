/** What scenario validation needs to know about a network: its ids, kinds and limits. */
export interface ModelCatalog {
  nodes: ReadonlyMap<string, 'junction' | 'reservoir' | 'tank'>;
  links: ReadonlyMap<string, 'pipe' | 'pump' | 'valve'>;
  tankLimits: ReadonlyMap<string, { minLevelM: number; maxLevelM: number }>;
  /** Number of simple controls ([CONTROLS]) in the file. */
  controlCount: number;
  /** The file's own duration, s. */
  durationS: number;
}
