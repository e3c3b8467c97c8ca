'use client';

import {
  ALARM_RULE_KINDS,
  AlarmRuleKindSchema,
  type AlarmRuleKind,
  type AssetEffectiveRules,
  type EffectiveAlarmRule,
} from '@twinhelm/contracts';
import { useState } from 'react';
import { PriorityChip } from '../alarms/PriorityChip';
import { ruleSummary } from './form/rule-summary';
import { formatWhen } from './format-when';

const SOURCE_LABEL: Record<EffectiveAlarmRule['source'], string> = {
  default: 'default',
  override: 'changed',
  reverted: 'default (reverted)',
};

/** The rules in force on one asset: default or changed, version, who and when; a row opens it. */
export function AssetRulesTable({
  asset,
  name,
  selectedRuleId,
  canManage,
  onRule,
  onAdd,
}: {
  asset: AssetEffectiveRules;
  name: string | null;
  selectedRuleId: string | null;
  canManage: boolean;
  onRule: (ruleId: string) => void;
  onAdd: (kind: AlarmRuleKind) => void;
}) {
  const [kind, setKind] = useState<AlarmRuleKind>('threshold');
  return (
    <section className="alarm-rules__section" aria-labelledby="alarm-rules-asset">
      <h2 id="alarm-rules-asset">
        {asset.assetId} {name ? <span className="search__name">{name}</span> : null}{' '}
        <span className="badge">{asset.assetType}</span>
      </h2>
      {asset.rules.length === 0 ? <p>No rules apply to this asset.</p> : null}
      <div className="alarm-rules__table-wrap">
        <table className="alarm-rules__table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Priority</th>
              <th scope="col">Condition</th>
              <th scope="col">Source</th>
              <th scope="col">Version</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {asset.rules.map(({ rule, source, override }) => (
              <tr
                key={rule.id}
                aria-current={rule.id === selectedRuleId ? 'true' : undefined}
                className={rule.enabled ? undefined : 'alarm-rules__row--off'}
              >
                <td>
                  <button
                    type="button"
                    className="alarm-rules__link"
                    onClick={() => onRule(rule.id)}
                  >
                    {rule.id}
                  </button>
                  <small>
                    {rule.kind}
                    {rule.enabled ? '' : ' · off'}
                    {rule.latched ? ' · latched' : ''}
                  </small>
                </td>
                <td>
                  <PriorityChip priority={rule.priority} />
                </td>
                <td>{ruleSummary(rule)}</td>
                <td>
                  <span className={source === 'override' ? 'badge badge--stale' : 'badge'}>
                    {SOURCE_LABEL[source]}
                  </span>
                </td>
                <td className="num">v{rule.version}</td>
                <td>
                  {override ? (
                    <>
                      {override.changedBy}
                      <small>{formatWhen(override.changedAt)}</small>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <div className="alarm-rules__add">
          <label htmlFor="alarm-rules-add-kind">Add a rule of kind</label>
          <select
            id="alarm-rules-add-kind"
            className="input"
            value={kind}
            onChange={(event) => {
              const parsed = AlarmRuleKindSchema.safeParse(event.currentTarget.value);
              if (parsed.success) setKind(parsed.data);
            }}
          >
            {ALARM_RULE_KINDS.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => onAdd(kind)}>
            Add rule
          </button>
        </div>
      ) : null}
    </section>
  );
}
