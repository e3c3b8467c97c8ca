import {
  AssetIdSchema,
  type ImportWarning,
  type NetworkLink,
  type NetworkModel,
} from '@twinhelm/contracts';
import { badRequest } from '../http/http-error';

export interface RenamedLink {
  /** The link's EPANET id (as in the .inp file). */
  epanetId: string;
  /** Its asset id: `<type>:<id>`, unique in the site. */
  assetId: string;
  type: NetworkLink['type'];
}

export interface SiteUniqueIds {
  model: NetworkModel;
  renamed: RenamedLink[];
  warnings: ImportWarning[];
}

/**
 * EPANET keeps node and link ids in two namespaces (Net1 has junction 10 and pipe 10), but a
 * site's assets, telemetry topics and twin state share one. Nodes keep their ids; a link whose
 * id is also a node id becomes `<type>:<id>` (pipe:10) in the model and the assets, with a
 * warning. The stored .inp text keeps EPANET's ids; `renamed` maps them back.
 */
export function siteUniqueIds(model: NetworkModel): SiteUniqueIds {
  const nodeIds = new Set(model.nodes.map((n) => n.id));
  const linkIds = new Set(model.links.map((l) => l.id));
  const renamed: RenamedLink[] = [];
  const links = model.links.map((l) => {
    if (!nodeIds.has(l.id)) return l;
    const assetId = `${l.type}:${l.id}`;
    if (!AssetIdSchema.safeParse(assetId).success || nodeIds.has(assetId) || linkIds.has(assetId)) {
      throw badRequest(
        `${l.type} ${l.id} has the id of a node, and its site-unique name ${assetId} is taken or longer than 31 characters: rename the ${l.type} in the .inp file and import again`,
      );
    }
    renamed.push({ epanetId: l.id, assetId, type: l.type });
    return { ...l, id: assetId };
  });
  if (renamed.length === 0) return { model, renamed, warnings: [] };
  const examples = renamed
    .slice(0, 3)
    .map((r) => `${r.type} ${r.epanetId} → ${r.assetId}`)
    .join(', ');
  return {
    model: { ...model, links },
    renamed,
    warnings: [
      {
        code: 'asset-id-renamed',
        message: `${renamed.length} link id${renamed.length === 1 ? ' is' : 's are'} also node ids (${examples}${renamed.length > 3 ? ', …' : ''}): those links are named <type>:<id> in this site (telemetry topics, the twin); their assets keep the EPANET id in props.epanetId`,
      },
    ],
  };
}
