import {
  AlarmRuleSchema,
  findRuleConflicts,
  type AlarmRule,
  type AlarmRuleOverride,
} from '@twinhelm/contracts';
import { numberFieldsOf, type DraftField, type RuleDraft } from './rule-draft';

/** Messages by draft field; 'form' for what belongs to no single field. */
export type RuleFieldErrors = Partial<Record<DraftField | 'form', string>>;

export type DraftResult =
  { ok: true; rule: AlarmRule } | { ok: false; errors: RuleFieldErrors; problems: string[] };

/**
 * Reads a number the way people type it: trimmed, a decimal comma accepted ("0,5"). Blank is
 * null; anything else that is not a finite number is an error naming the field and the input.
 */
export function readNumber(
  field: string,
  input: string,
): { ok: true; value: number | null } | { ok: false; error: string } {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || !/^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(trimmed)) {
    return { ok: false, error: `${field}: "${trimmed}" is not a number (e.g. 20 or 0.5)` };
  }
  return { ok: true, value };
}

/** The fields of the draft's kind as the contract names them (numbers parsed, blanks omitted). */
function candidateOf(draft: RuleDraft, errors: RuleFieldErrors): Record<string, unknown> {
  const candidate: Record<string, unknown> = {
    id: draft.id.trim(),
    version: draft.version,
    kind: draft.kind,
    priority: draft.priority,
    enabled: draft.enabled,
    latched: draft.latched,
    consequence: draft.consequence,
    response: draft.response,
  };
  for (const { field, optional } of numberFieldsOf(draft.kind)) {
    const read = readNumber(field, draft[field] as string);
    if (!read.ok) errors[field] = read.error;
    else if (read.value !== null) candidate[field] = read.value;
    else if (!optional) errors[field] = `${field}: required`;
  }
  switch (draft.kind) {
    case 'threshold':
      return { ...candidate, metric: draft.metric, limit: draft.limit };
    case 'rate':
      return { ...candidate, metric: draft.metric, direction: draft.direction };
    case 'stale':
      return draft.metric.trim() === '' ? candidate : { ...candidate, metric: draft.metric };
    case 'mismatch':
      return {
        ...candidate,
        commandMetric: draft.commandMetric,
        feedbackMetric: draft.feedbackMetric,
      };
    case 'residual':
    case 'prediction':
      return { ...candidate, metric: draft.metric };
  }
}

/**
 * The rule the draft describes, checked with the contract's own schema (AlarmRuleSchema: the
 * server parses the body with it, so its messages are the server's), or the messages by field.
 */
export function ruleFromDraft(draft: RuleDraft): DraftResult {
  const errors: RuleFieldErrors = {};
  const candidate = candidateOf(draft, errors);
  const parsed = AlarmRuleSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      const field = typeof key === 'string' && key in draft ? (key as DraftField) : 'form';
      errors[field] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors, problems: [] };
  return { ok: true, rule: parsed.data };
}

/**
 * Problems of the asset's rules with this one in place (same id replaced, new id added), worded
 * as the server words them ("J2: pressure: the low limit (30, rule …) must be below …").
 */
export function ruleSetProblems(
  assetId: string,
  rule: AlarmRule,
  siblings: readonly AlarmRule[],
): string[] {
  const set = [...siblings.filter((r) => r.id !== rule.id), rule];
  return findRuleConflicts(set).map((problem) => `${assetId}: ${problem}`);
}

/**
 * The draft checked as the server will check it: the rule (schema) and then the asset's whole
 * set (findRuleConflicts). `problems` are whole-set sentences; they refuse the save.
 */
export function checkDraft(
  assetId: string,
  draft: RuleDraft,
  siblings: readonly AlarmRule[],
): DraftResult {
  const result = ruleFromDraft(draft);
  if (!result.ok) return result;
  const problems = ruleSetProblems(assetId, result.rule, siblings);
  return problems.length > 0 ? { ok: false, errors: {}, problems } : result;
}

/** A rule's content without who/when/version: equal contents mean "nothing changed". */
export function sameContent(a: AlarmRule, b: AlarmRule): boolean {
  const strip = ({ version: _v, changedBy: _b, changedAt: _a, ...rest }: AlarmRule) => rest;
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}

function sortKeys(value: object): [string, unknown][] {
  return Object.entries(value).sort(([x], [y]) => x.localeCompare(y));
}

/** The PUT body: the rule without who/when (the server stamps them and the next version). */
export function overrideBody(assetId: string, rule: AlarmRule): AlarmRuleOverride {
  const { changedBy: _by, changedAt: _at, ...content } = rule;
  return { assetId, rule: content };
}
