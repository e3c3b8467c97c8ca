'use client';

import { roleHas, type AlarmRuleKind } from '@twinhelm/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { useAssets, useMe, useSites } from '../api/queries';
import { ErrorMessage } from '../components/ErrorMessage';
import { consoleHref } from '../lib/url-state';
import { alarmRulesHref, type AlarmRulesView } from './alarm-rules-url';
import { useSiteAlarmRules } from './api/alarm-rule-queries';
import { AssetChooser } from './AssetChooser';
import { AssetRulesTable } from './AssetRulesTable';
import { RuleHistory } from './RuleHistory';
import { RuleEditor } from './RuleEditor';

type Go = (next: Partial<AlarmRulesView>) => void;

/** The alarm rules screen: who may read or change them, then the site's rules (or a site list). */
export function AlarmRulesScreen({ view }: { view: AlarmRulesView }) {
  const router = useRouter();
  const me = useMe();
  const go = useCallback<Go>(
    (next) => router.replace(alarmRulesHref({ ...view, ...next }), { scroll: false }),
    [router, view],
  );
  if (me.isPending) return <main className="page" aria-busy="true" />;
  if (me.isError) {
    return (
      <main className="page">
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  const role = me.data.role;
  if (!roleHas(role, 'alarm-rules:read')) {
    return (
      <main className="page">
        <p className="message">
          Your role ({role}) cannot see alarm rules. Ask an administrator for access.
        </p>
      </main>
    );
  }
  if (view.siteId === null) return <SitePicker />;
  return (
    <SiteRules
      siteId={view.siteId}
      view={view}
      go={go}
      canManage={roleHas(role, 'alarm-rules:manage')}
      role={role}
    />
  );
}

function SitePicker() {
  const sites = useSites();
  return (
    <main className="page">
      <h1>Alarm rules</h1>
      {sites.isPending ? <p aria-busy="true">Loading sites…</p> : null}
      {sites.isError ? (
        <ErrorMessage error={sites.error} onRetry={() => void sites.refetch()} />
      ) : null}
      {sites.data ? (
        <ul className="alarm-rules__sites">
          {sites.data.sites.map((site) => (
            <li key={site.id}>
              <Link className="button" href={alarmRulesHref({ siteId: site.id })}>
                {site.name} <span className="search__id">{site.id}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}

function SiteRules({
  siteId,
  view,
  go,
  canManage,
  role,
}: {
  siteId: string;
  view: AlarmRulesView;
  go: Go;
  canManage: boolean;
  role: string;
}) {
  const rules = useSiteAlarmRules(siteId);
  const assets = useAssets(siteId);
  const [adding, setAdding] = useState<AlarmRuleKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useMemo(
    () => new Map((assets.data?.assets ?? []).flatMap((a) => (a.name ? [[a.id, a.name]] : []))),
    [assets.data],
  );
  const asset = rules.data?.assets.find((a) => a.assetId === view.assetId) ?? null;
  const effective = asset?.rules.find((r) => r.rule.id === view.ruleId) ?? null;
  const choose: Go = (next) => {
    setAdding(null);
    setNotice(null);
    go(next);
  };

  return (
    <main className="page alarm-rules">
      <div className="alarm-rules__head">
        <h1>
          Alarm rules <span className="search__id">{siteId}</span>
        </h1>
        <Link className="button" href={consoleHref(siteId, view.assetId)}>
          Open the console
        </Link>
      </div>
      {canManage ? null : (
        <p className="message">
          Read-only: your role ({role}) can read the rules in force; planners and administrators
          change them.
        </p>
      )}
      {rules.isPending ? <p aria-busy="true">Loading the rules in force…</p> : null}
      {rules.isError ? (
        <ErrorMessage error={rules.error} onRetry={() => void rules.refetch()} />
      ) : null}
      {rules.data ? (
        <div className="alarm-rules__layout">
          <AssetChooser
            siteRules={rules.data.assets}
            assets={assets.data?.assets ?? []}
            names={names}
            assetType={view.assetType}
            selectedAssetId={view.assetId}
            onType={(assetType) => choose({ assetType })}
            onAsset={(assetId) => choose({ assetId, ruleId: null })}
          />
          <div className="alarm-rules__main">
            {view.assetId !== null && !asset ? (
              <p className="message message--warning" role="status">
                {view.assetId} is not an asset of {siteId}: search for it by id or name.
              </p>
            ) : null}
            {asset ? (
              <AssetRulesTable
                asset={asset}
                name={names.get(asset.assetId) ?? null}
                selectedRuleId={adding ? null : view.ruleId}
                canManage={canManage}
                onRule={(ruleId) => choose({ ruleId })}
                onAdd={(kind) => {
                  setAdding(kind);
                  setNotice(null);
                  go({ ruleId: null });
                }}
              />
            ) : (
              <p className="alarm-rules__hint">
                Pick an asset (search, or filter by type) to see the rules in force on it.
              </p>
            )}
            {asset && view.ruleId !== null && !effective && !adding ? (
              <p className="message message--warning" role="status">
                {asset.assetId} has no rule &quot;{view.ruleId}&quot;: pick one from the table.
              </p>
            ) : null}
            {notice ? (
              <p className="message" role="status">
                {notice}
              </p>
            ) : null}
            {asset && (effective || adding) ? (
              <RuleEditor
                key={`${asset.assetId}/${effective?.rule.id ?? `new-${adding}`}/${effective?.rule.version ?? 0}`}
                siteId={siteId}
                asset={asset}
                effective={adding ? null : effective}
                newKind={adding}
                canManage={canManage}
                onSaved={(ruleId, message) => {
                  choose({ ruleId });
                  setNotice(message);
                }}
                onClose={() => choose({ ruleId: null })}
              />
            ) : null}
            {asset && effective && !adding ? (
              <RuleHistory
                siteId={siteId}
                asset={asset}
                effective={effective}
                canManage={canManage}
              />
            ) : null}
          </div>
        </div>
      ) : null}
    </main>
  );
}
