import type { AssetType } from '@twinhelm/contracts';
import type { AlarmAsset } from './default-rules';

/** The network fields the defaults read; a contracts NetworkModel fits as is. */
export interface AlarmNetwork {
  nodes: readonly (
    | { id: string; type: 'junction' | 'reservoir' }
    | { id: string; type: 'tank'; minLevel: number; maxLevel: number }
  )[];
  links: readonly { id: string; type: 'pipe' | 'pump' | 'valve'; from: string }[];
}

/**
 * Every node and link of a network as an alarm asset: tanks with their level range, pump
 * suction junctions marked, the reporting interval applied to all (or per asset).
 */
export function alarmAssetsFromNetwork(
  network: AlarmNetwork,
  expectedIntervalS?: number | ((id: string, type: AssetType) => number | undefined),
): AlarmAsset[] {
  const interval = (id: string, type: AssetType) =>
    typeof expectedIntervalS === 'function' ? expectedIntervalS(id, type) : expectedIntervalS;
  const withInterval = (asset: AlarmAsset): AlarmAsset => {
    const s = interval(asset.id, asset.type);
    return s === undefined ? asset : { ...asset, expectedIntervalS: s };
  };
  const suction = new Set(network.links.filter((l) => l.type === 'pump').map((l) => l.from));
  const nodes = network.nodes.map((node) =>
    withInterval(
      node.type === 'tank'
        ? { id: node.id, type: 'tank', minLevel: node.minLevel, maxLevel: node.maxLevel }
        : node.type === 'junction' && suction.has(node.id)
          ? { id: node.id, type: 'junction', pumpSuction: true }
          : { id: node.id, type: node.type },
    ),
  );
  const links = network.links.map((link) => withInterval({ id: link.id, type: link.type }));
  return [...nodes, ...links];
}
