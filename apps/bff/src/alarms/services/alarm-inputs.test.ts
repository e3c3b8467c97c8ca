import {
  AlarmEventsQuerySchema,
  AlarmKpisQuerySchema,
  MAX_SHELVE_MS,
  ROLES,
  roleHas,
  type AlarmAction,
  type Principal,
  type Role,
} from '@twinhelm/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHttpError } from '../../http/http-error';
import { ACTION_PERMISSIONS, checkAction } from './action-policy';
import { kpiPeriod, MAX_KPI_PERIOD_MS } from './get-alarm-kpis';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const HOUR = 3_600_000;
const as = (role: Role): Principal => ({ kind: 'user', id: 'u', name: role, role });

function refusal(run: () => void): { status: number; message: string } | null {
  try {
    run();
    return null;
  } catch (e) {
    if (isHttpError(e)) return { status: e.status, message: e.message };
    throw e;
  }
}

const ACTIONS: AlarmAction[] = [
  { type: 'acknowledge' },
  { type: 'shelve', until: NOW + HOUR, reason: 'maintenance' },
  { type: 'unshelve' },
  { type: 'comment', text: 'looking' },
  { type: 'assign', to: 'ada' },
  { type: 'reset' },
  { type: 'remove_from_service', reason: 'sensor replaced' },
  { type: 'return_to_service' },
  { type: 'suppress', reason: 'by design' },
  { type: 'unsuppress' },
];

describe('who may act on an alarm', () => {
  it('allows exactly the roles with the permission of each action; suppression never', () => {
    for (const role of ROLES)
      for (const action of ACTIONS) {
        const needed = ACTION_PERMISSIONS[action.type];
        const refused = refusal(() => checkAction(as(role), action, NOW));
        const allowed = needed !== 'system' && roleHas(role, needed);
        expect(refused === null, `${role} ${action.type}`).toBe(allowed);
        if (refused) expect(refused.status).toBe(403);
      }
  });

  it('says why: a viewer cannot acknowledge, an operator cannot take out of service', () => {
    expect(refusal(() => checkAction(as('viewer'), { type: 'acknowledge' }, NOW))).toEqual({
      status: 403,
      message:
        'role viewer lacks permission alarm:act needed to acknowledge an alarm: ask an operator or an administrator',
    });
    expect(
      refusal(() => checkAction(as('operator'), { type: 'remove_from_service', reason: 'x' }, NOW))
        ?.message,
    ).toBe(
      'role operator lacks permission alarm:service needed to take an alarm out of service: ask an administrator to take it out of service, or shelve it (at most 24 h)',
    );
    expect(refusal(() => checkAction(as('admin'), { type: 'unsuppress' }, NOW))?.message).toMatch(
      /^unsuppress is done by the system only/,
    );
  });

  it('accepts a shelf strictly after now and at most 24 h away, refusing others with 400', () => {
    const shelve = (until: number) =>
      refusal(() => checkAction(as('operator'), { type: 'shelve', until, reason: 'r' }, NOW));
    fc.assert(
      fc.property(fc.integer({ min: -2 * MAX_SHELVE_MS, max: 3 * MAX_SHELVE_MS }), (offset) => {
        const refused = shelve(NOW + offset);
        const ok = offset > 0 && offset <= MAX_SHELVE_MS;
        expect(refused === null).toBe(ok);
        if (refused) expect(refused.status).toBe(400);
      }),
    );
    expect(shelve(NOW - HOUR)?.message).toBe(
      'shelve: until (2026-11-22T11:00:00.000Z) is not in the future (now 2026-11-22T12:00:00.000Z): give a time after now, at most 24 h ahead (epoch ms)',
    );
    expect(shelve(NOW + 30 * HOUR)?.message).toBe(
      'shelve: until (2026-11-23T18:00:00.000Z) is 30 h away; a shelf lasts at most 24 h: shelve for less, or ask an administrator to take the alarm out of service',
    );
  });
});

describe('alarm query strings', () => {
  it('reads any epoch ms or ISO-8601 time the same, and never throws on other text', () => {
    const minMs = Date.parse('1971-01-01T00:00:00Z');
    const maxMs = Date.parse('2199-12-31T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: minMs, max: maxMs }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(AlarmKpisQuerySchema.parse({ from: String(ms), to: iso })).toEqual({
          from: ms,
          to: ms,
          operators: 1,
        });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const parsed = AlarmEventsQuerySchema.safeParse({ from: text, limit: text });
        if (!parsed.success) expect(parsed.error.issues.length).toBeGreaterThan(0);
      }),
    );
  });

  it('says which value is wrong and what form it should take', () => {
    const issues = (query: Record<string, string>) =>
      AlarmEventsQuerySchema.safeParse(query).error?.issues.map(
        (i) => `${i.path.join('.')}: ${i.message}`,
      );
    expect(issues({ from: 'yesterday' })).toEqual([
      'from: "yesterday" is not a time: give epoch milliseconds (e.g. 1795867200000) or ISO-8601 with an offset (e.g. 2026-11-22T12:00:00Z)',
    ]);
    expect(issues({ limit: 'ten' })).toEqual(['limit: expected a whole number from 1 to 500']);
    expect(issues({ limit: '501' })).toEqual(['limit: at most 500 per page (page on with before)']);
    expect(issues({ key: 'J511' })).toEqual([
      'key: expected <assetId>/<ruleId>, e.g. J511/pressure-low',
    ]);
    expect(issues({ before: 'abc' })).toEqual([
      'before: expected the `next` value of the previous page (an event id)',
    ]);
    expect(
      AlarmKpisQuerySchema.safeParse({ operators: '0' }).error?.issues.map((i) => i.message),
    ).toEqual(['expected the number of operator positions, > 0 (e.g. 2)']);
  });
});

describe('the KPI period', () => {
  it('defaults to the 24 h before now and refuses empty or too long periods', () => {
    expect(kpiPeriod({ operators: 1 }, NOW)).toEqual({ from: NOW - 24 * HOUR, to: NOW });
    expect(kpiPeriod({ operators: 1, to: NOW - HOUR }, NOW)).toEqual({
      from: NOW - 25 * HOUR,
      to: NOW - HOUR,
    });
    expect(refusal(() => kpiPeriod({ operators: 1, from: NOW + HOUR }, NOW))?.message).toBe(
      'from (2026-11-22T13:00:00.000Z) must be before to (2026-11-22T12:00:00.000Z) (to defaults to now): give an earlier from',
    );
    expect(kpiPeriod({ operators: 1, from: NOW - MAX_KPI_PERIOD_MS }, NOW).from).toBe(
      NOW - MAX_KPI_PERIOD_MS,
    );
    expect(
      refusal(() => kpiPeriod({ operators: 1, from: NOW - MAX_KPI_PERIOD_MS - 1 }, NOW)),
    ).toEqual({
      status: 400,
      message:
        'the period 2026-10-22T11:59:59.999Z – 2026-11-22T12:00:00.000Z is 32 days long; KPIs cover at most 31 days: ask for a shorter period (one call per month)',
    });
  });
});
