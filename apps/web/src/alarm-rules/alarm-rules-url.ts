import {
  AlarmRuleIdSchema,
  AssetIdSchema,
  AssetTypeSchema,
  SiteIdSchema,
  type AssetType,
} from '@twinhelm/contracts';

/** What /alarm-rules shows, all of it in the URL so a link or a reload opens the same rule. */
export interface AlarmRulesView {
  siteId: string | null;
  assetId: string | null;
  /** Filter of the asset list by type (null: all types). */
  assetType: AssetType | null;
  /** The rule open in the editor. */
  ruleId: string | null;
}

export type AlarmRulesParams = { ok: true; view: AlarmRulesView } | { ok: false; error: string };

/**
 * Reads ?site=<id>[&asset=<id>][&type=<asset type>][&rule=<rule id>]. No site: the page offers
 * the site list. A malformed site id is an error that says what a site id looks like; a
 * malformed asset, type or rule is dropped (the page then shows less, never fails).
 */
export function parseAlarmRulesParams(params: Pick<URLSearchParams, 'get'>): AlarmRulesParams {
  const site = params.get('site');
  if (site !== null && site !== '' && !SiteIdSchema.safeParse(site).success) {
    return {
      ok: false,
      error: `"${site}" is not a site id (lower-case letters, digits, "_" and "-"). Pick a site from the list.`,
    };
  }
  const valid = <T>(
    schema: { safeParse(v: unknown): { success: boolean } },
    value: string | null,
  ) => (value !== null && value !== '' && schema.safeParse(value).success ? (value as T) : null);
  const assetId = valid<string>(AssetIdSchema, params.get('asset'));
  return {
    ok: true,
    view: {
      siteId: site === null || site === '' ? null : site,
      assetId,
      assetType: valid<AssetType>(AssetTypeSchema, params.get('type')),
      ruleId: assetId === null ? null : valid<string>(AlarmRuleIdSchema, params.get('rule')),
    },
  };
}

/** /alarm-rules?site=…&type=…&asset=…&rule=… (empty parts left out). */
export function alarmRulesHref(view: Partial<AlarmRulesView>): string {
  const params = new URLSearchParams();
  if (view.siteId) params.set('site', view.siteId);
  if (view.assetType) params.set('type', view.assetType);
  if (view.assetId) params.set('asset', view.assetId);
  if (view.assetId && view.ruleId) params.set('rule', view.ruleId);
  const query = params.toString();
  return query === '' ? '/alarm-rules' : `/alarm-rules?${query}`;
}
