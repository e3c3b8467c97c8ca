import { alarmKeyOf, resolveSiteRules, SupplyGraph, type AssetRules } from '@twinhelm/alarms';
import { NetworkModelSchema, type AlarmRule } from '@twinhelm/contracts';
import { loadEffectiveRules } from '../alarm-rules/services/get-alarm-rules';
import { loadSiteAlarmAssets } from '../alarm-rules/site-alarm-assets';
import type { PrismaClient } from '../generated/prisma/client';
import { isHttpError } from '../http/http-error';
import type { Logger } from '../log';

/** What the engine runs a site with: its effective rules and its network as a supply graph. */
export interface SiteModel {
  siteId: string;
  /** The active network's sha-256. */
  hash: string;
  rules: AssetRules[];
  /** Rule by alarm key `<assetId>/<ruleId>` (enabled or not). */
  ruleByKey: Map<string, AlarmRule>;
  graph: SupplyGraph;
}

/** Supply graphs by network hash (building one for C-Town takes a few ms; keep the last few). */
export class GraphCache {
  private readonly graphs = new Map<string, SupplyGraph>();

  constructor(private readonly size = 8) {}

  get(hash: string): SupplyGraph | undefined {
    return this.graphs.get(hash);
  }

  set(hash: string, graph: SupplyGraph): void {
    this.graphs.set(hash, graph);
    if (this.graphs.size > this.size) {
      const oldest = this.graphs.keys().next().value;
      if (oldest !== undefined) this.graphs.delete(oldest);
    }
  }
}

/**
 * Loads a site's effective rules (alarm-rules' loadEffectiveRules: defaults + stored overrides)
 * and its active network. Stored overrides that no longer resolve are logged and the site
 * runs on its defaults rather than without alarms. Throws for a site without a network.
 */
export async function loadSiteModel(
  prisma: PrismaClient,
  siteId: string,
  graphs: GraphCache,
  log: Logger,
): Promise<SiteModel> {
  let rules: AssetRules[];
  try {
    rules = (await loadEffectiveRules({ prisma }, siteId)).assets;
  } catch (error) {
    if (isHttpError(error)) throw error;
    log('error', `${(error as Error).message}: running ${siteId} on the default rules`);
    const resolved = resolveSiteRules(await loadSiteAlarmAssets({ prisma }, siteId), []);
    if (!resolved.ok) throw new Error(`${siteId}: ${resolved.errors.join('; ')}`, { cause: error });
    rules = resolved.assets;
  }
  const network = await prisma.network.findFirst({
    where: { siteId, active: true },
    orderBy: { importedAt: 'desc' },
    select: { hash: true },
  });
  if (!network) throw new Error(`${siteId}: no active network`);
  let graph = graphs.get(network.hash);
  if (!graph) {
    const row = await prisma.network.findFirstOrThrow({
      where: { siteId, hash: network.hash },
      select: { model: true },
    });
    graph = new SupplyGraph(NetworkModelSchema.parse(row.model));
    graphs.set(network.hash, graph);
  }
  const ruleByKey = new Map<string, AlarmRule>();
  for (const asset of rules)
    for (const rule of asset.rules) ruleByKey.set(alarmKeyOf(asset.assetId, rule.id), rule);
  return { siteId, hash: network.hash, rules, ruleByKey, graph };
}
