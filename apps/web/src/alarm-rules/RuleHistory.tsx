'use client';

import type { AlarmRule, AssetEffectiveRules, EffectiveAlarmRule } from '@twinhelm/contracts';
import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import {
  useAlarmRuleHistory,
  useRevertAlarmRule,
  useSaveAlarmRule,
} from './api/alarm-rule-queries';
import { overrideBody, sameContent } from './form/rule-from-draft';
import { ruleChanges } from './form/rule-summary';
import { refusalOf } from './form/server-refusal';
import { formatWhen } from './format-when';

/**
 * Every stored version of the rule, newest first, with what changed in each; "Restore" stores
 * an older version's content as a new version, "Revert to default" stores the type's default
 * (both audited by the server; nothing is ever deleted).
 */
export function RuleHistory({
  siteId,
  asset,
  effective,
  canManage,
}: {
  siteId: string;
  asset: AssetEffectiveRules;
  effective: EffectiveAlarmRule;
  canManage: boolean;
}) {
  const ruleId = effective.rule.id;
  const history = useAlarmRuleHistory(siteId, asset.assetId, ruleId);
  const revert = useRevertAlarmRule(siteId);
  const restore = useSaveAlarmRule(siteId);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const busy = revert.isPending || restore.isPending;

  const fail = (error: unknown) => setOutcome({ ok: false, text: refusalOf(error).message });
  const doRevert = () => {
    setConfirming(false);
    revert.mutate(
      { assetId: asset.assetId, ruleId },
      {
        onSuccess: (c) =>
          setOutcome({ ok: true, text: `Reverted to the default (stored version #${c.version}).` }),
        onError: fail,
      },
    );
  };
  const doRestore = (rule: AlarmRule, version: number) =>
    restore.mutate(overrideBody(asset.assetId, { ...rule, version: effective.rule.version }), {
      onSuccess: (c) =>
        setOutcome({
          ok: true,
          text: `Restored the content of #${version} as stored version #${c.version}.`,
        }),
      onError: fail,
    });

  const versions = history.data ? [...history.data.versions].reverse() : [];
  return (
    <section className="alarm-rules__section" aria-labelledby="rule-history">
      <div className="alarm-rules__head">
        <h2 id="rule-history">History of {ruleId}</h2>
        {canManage && effective.source === 'override' && history.data?.default ? (
          confirming ? (
            <span className="alarm-rules__actions">
              <button type="button" className="button button--primary" onClick={doRevert}>
                Confirm: back to the default
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Revert to default
            </button>
          )
        ) : null}
      </div>
      {outcome ? (
        <p className={outcome.ok ? 'message' : 'message message--error'} role="status">
          {outcome.text}
        </p>
      ) : null}
      {history.isPending ? <p aria-busy="true">Loading versions…</p> : null}
      {history.isError ? (
        <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />
      ) : null}
      {history.data && versions.length === 0 ? (
        <p className="alarm-rules__hint">Never changed: the {asset.assetType} default applies.</p>
      ) : null}
      <ol className="alarm-rules__versions">
        {versions.map((v, i) => {
          const previous = versions[i + 1]?.rule ?? history.data?.default ?? null;
          const current = i === 0;
          const canRestore =
            canManage && !current && v.rule !== null && !sameContent(v.rule, effective.rule);
          return (
            <li key={v.version}>
              <div className="alarm-rules__version-head">
                <strong className="num">#{v.version}</strong>
                {v.rule ? <span className="num">rule v{v.rule.version}</span> : null}
                {v.reverted ? <span className="badge">reverted to default</span> : null}
                {current ? <span className="badge badge--stale">in force</span> : null}
                <span>
                  {v.changedBy} · {formatWhen(v.changedAt)}
                </span>
                {canRestore && v.rule ? (
                  <button
                    type="button"
                    className="button button--ghost"
                    disabled={busy}
                    onClick={() => v.rule && doRestore(v.rule, v.version)}
                  >
                    Restore
                  </button>
                ) : null}
              </div>
              <ul className="alarm-rules__changes">
                {ruleChanges(previous, v.rule).map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
