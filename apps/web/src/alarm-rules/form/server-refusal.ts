import { ApiRequestError } from '../../api/api-error';
import type { DraftField, RuleDraft } from './rule-draft';
import type { RuleFieldErrors } from './rule-from-draft';

/** A refused save or revert, shaped for the editor: a headline, field messages, whole-set problems. */
export interface ServerRefusal {
  /** The server's message (it says what was wrong and what to do). */
  message: string;
  fields: RuleFieldErrors;
  /** Whole-set sentences ("J2: pressure: the low limit … must be below …"). */
  problems: string[];
  /** 409: someone else changed the rule meanwhile; reload before trying again. */
  reload: boolean;
}

const DRAFT_FIELDS: ReadonlySet<string> = new Set<keyof RuleDraft>([
  'id',
  'kind',
  'priority',
  'enabled',
  'latched',
  'consequence',
  'response',
  'onDelayS',
  'offDelayS',
  'metric',
  'limit',
  'setpoint',
  'deadband',
  'maxPerMin',
  'direction',
  'windowS',
  'missedIntervals',
  'expectedIntervalS',
  'commandMetric',
  'feedbackMetric',
  'feedbackMin',
  'band',
  'maxModelAgeS',
  'withinH',
]);

/**
 * Where each detail of a 400 goes: `rule.<field>` (the body's schema) next to that field;
 * `rule` (the whole-set check, "nothing changed", a rename) into the problems list.
 */
export function refusalOf(error: unknown): ServerRefusal {
  if (!(error instanceof ApiRequestError)) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      message: `The server could not be reached (${reason}). Nothing was saved: check the network and try again.`,
      fields: {},
      problems: [],
      reload: false,
    };
  }
  const fields: RuleFieldErrors = {};
  const problems: string[] = [];
  for (const detail of error.details) {
    const field = /^rule\.(\w+)/.exec(detail.path)?.[1];
    if (field !== undefined && DRAFT_FIELDS.has(field)) {
      const key = field as DraftField;
      fields[key] = fields[key] ? `${fields[key]}; ${detail.message}` : detail.message;
    } else if (!problems.includes(detail.message)) {
      problems.push(detail.message);
    }
  }
  return { message: error.message, fields, problems, reload: error.status === 409 };
}
