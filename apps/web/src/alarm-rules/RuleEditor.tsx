'use client';

import {
  AlarmRuleKindSchema,
  type AlarmRuleKind,
  type AssetEffectiveRules,
  type EffectiveAlarmRule,
} from '@twinhelm/contracts';
import { useState, type FormEvent } from 'react';
import { useSaveAlarmRule } from './api/alarm-rule-queries';
import {
  blankDraft,
  draftFromRule,
  withKind,
  type DraftField,
  type RuleDraft,
} from './form/rule-draft';
import { checkDraft, overrideBody, sameContent } from './form/rule-from-draft';
import { refusalOf, type ServerRefusal } from './form/server-refusal';
import { BehaviourFields, IdentityFields, KindFields, type FieldsProps } from './RuleFields';

/**
 * One rule in a form of its kind. Every change is checked as the server will check it (the
 * contract's schema, then the asset's whole set) so a low limit above its high limit is refused
 * with the server's own sentence before anything is sent; a refusal from the server (400 with
 * its details, 409 when someone else saved first) lands in the same places.
 */
export function RuleEditor({
  siteId,
  asset,
  effective,
  newKind,
  canManage,
  onSaved,
  onClose,
}: {
  siteId: string;
  asset: AssetEffectiveRules;
  effective: EffectiveAlarmRule | null;
  newKind: AlarmRuleKind | null;
  canManage: boolean;
  onSaved: (ruleId: string, message: string) => void;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<RuleDraft>(() =>
    effective
      ? draftFromRule(effective.rule, asset.assetType)
      : blankDraft(newKind ?? 'threshold', asset.assetType),
  );
  const [attempted, setAttempted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [refusal, setRefusal] = useState<ServerRefusal | null>(null);
  const save = useSaveAlarmRule(siteId);
  const isNew = effective === null;
  const check = checkDraft(
    asset.assetId,
    draft,
    asset.rules.map((r) => r.rule),
  );
  const unchanged = check.ok && effective !== null && sameContent(check.rule, effective.rule);
  const problems = [
    ...new Set([...(check.ok ? [] : check.problems), ...(refusal?.problems ?? [])]),
  ];

  const update = (patch: Partial<RuleDraft>) => {
    const kind = AlarmRuleKindSchema.safeParse(patch.kind);
    setDraft((d) => (kind.success ? withKind(d, kind.data, asset.assetType) : { ...d, ...patch }));
    setRefusal(null);
  };
  const errorOf = (field: DraftField): string | undefined =>
    refusal?.fields[field] ??
    (!check.ok && (attempted || touched.has(field)) ? check.errors[field] : undefined);
  const props: FieldsProps = { draft, assetType: asset.assetType, isNew, update, errorOf };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAttempted(true);
    if (!check.ok) {
      const invalid = new Set(Object.keys(check.errors));
      const first = [...event.currentTarget.elements].find((el) =>
        invalid.has((el as HTMLInputElement).name),
      );
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    if (unchanged) return;
    // mutateAsync, not mutate's callbacks: the refetch after a save gives the rule a new version,
    // which remounts this editor, and React Query drops mutate's callbacks of an unmounted one.
    save.mutateAsync(overrideBody(asset.assetId, check.rule)).then(
      (change) =>
        onSaved(
          change.ruleId,
          `Saved: ${change.assetId} rule "${change.ruleId}" is now version ${change.after?.version ?? change.version}. The alarms use it from now on.`,
        ),
      (error: unknown) => setRefusal(refusalOf(error)),
    );
  }

  const title = isNew ? `New ${draft.kind} rule` : `${draft.id} · v${draft.version}`;
  return (
    <section className="alarm-rules__section alarm-rules__editor" aria-labelledby="rule-editor">
      <div className="alarm-rules__head">
        <h2 id="rule-editor">{title}</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </div>
      {effective ? (
        <p className="alarm-rules__hint">
          {effective.source === 'override'
            ? `Changed from the ${asset.assetType} default.`
            : `The ${asset.assetType} default${effective.source === 'reverted' ? ' (reverted)' : ''}: saving stores an override for ${asset.assetId} only.`}
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={submit}
        onBlur={(e) => {
          const name = (e.target as { name?: unknown }).name;
          if (typeof name === 'string' && name !== '' && !touched.has(name)) {
            setTouched(new Set([...touched, name]));
          }
        }}
      >
        <fieldset className="alarm-rules__fieldset" disabled={!canManage || save.isPending}>
          <legend className="visually-hidden">{title}</legend>
          <IdentityFields {...props} />
          <KindFields {...props} />
          <BehaviourFields {...props} />
        </fieldset>
        {refusal ? (
          <div className="message message--error" role="alert">
            <p>{refusal.message}</p>
            {refusal.reload ? (
              <p>
                Close the rule and open it again to see the newest version, then redo your change.
              </p>
            ) : null}
          </div>
        ) : null}
        {problems.length > 0 ? (
          <div
            className="message message--error"
            role="alert"
            aria-label="Problems with the rule set"
          >
            <p>Not saved, the asset&apos;s rules would conflict:</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {canManage ? (
          <div className="alarm-rules__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={save.isPending || unchanged}
            >
              {save.isPending
                ? 'Saving…'
                : isNew
                  ? 'Add rule'
                  : `Save as version ${draft.version + 1}`}
            </button>
            {unchanged ? <span className="alarm-rules__hint">Nothing changed yet.</span> : null}
          </div>
        ) : null}
      </form>
    </section>
  );
}
