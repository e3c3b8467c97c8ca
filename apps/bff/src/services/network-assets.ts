import type { NetworkLink, NetworkModel, NetworkNode } from '@twinhelm/contracts';
import type { Prisma } from '../generated/prisma/client';

/**
 * The asset rows of a network model: nodes at their position (z = elevation), links at the
 * midpoint of their end nodes, with the type-specific properties in `props` (SI units).
 */
export function networkAssets(siteId: string, model: NetworkModel): Prisma.AssetCreateManyInput[] {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  return [
    ...model.nodes.map((n) => ({
      siteId,
      id: n.id,
      type: n.type,
      x: n.x,
      y: n.y,
      z: n.elevation,
      props: nodeProps(n),
    })),
    ...model.links.map((l) => {
      const a = nodes.get(l.from);
      const b = nodes.get(l.to);
      if (!a || !b)
        throw new Error(`link ${l.id}: end node ${a ? l.to : l.from} is not in the model`);
      return {
        siteId,
        id: l.id,
        type: l.type,
        valveKind: l.type === 'valve' ? l.valveKind : null,
        x: (a.x + b.x) / 2,
        y: (a.y + b.y) / 2,
        z: (a.elevation + b.elevation) / 2,
        fromId: l.from,
        toId: l.to,
        props: linkProps(l),
      };
    }),
  ];
}

function nodeProps(n: NetworkNode): Prisma.InputJsonObject {
  switch (n.type) {
    case 'junction':
      return { baseDemand: n.baseDemand };
    case 'reservoir':
      return {};
    case 'tank':
      return {
        initLevel: n.initLevel,
        minLevel: n.minLevel,
        maxLevel: n.maxLevel,
        diameter: n.diameter,
      };
  }
}

function linkProps(l: NetworkLink): Prisma.InputJsonObject {
  const status = l.initialStatus ? { initialStatus: l.initialStatus } : {};
  switch (l.type) {
    case 'pipe':
      return { ...status, length: l.length, diameter: l.diameter, roughness: l.roughness };
    case 'pump':
      return {
        ...status,
        ...(l.curve ? { curve: l.curve.map((p) => ({ flow: p.flow, head: p.head })) } : {}),
        ...(l.power !== undefined ? { power: l.power } : {}),
        ...(l.speed !== undefined ? { speed: l.speed } : {}),
      };
    case 'valve':
      return { ...status, diameter: l.diameter, setting: l.setting };
  }
}
