import {
  CreateScenarioRequestSchema,
  type Recommendation,
  type ScenarioDetail,
} from '@twinhelm/contracts';
import { isHttpError } from '../http/http-error';
import { createScenario } from '../scenarios/services/create-scenario';
import { getScenario } from '../scenarios/services/get-scenario';
import { sqlOf, type AlarmAdviceDeps } from './advice-deps';
import {
  adviceById,
  claimEffects,
  endAdvice,
  setEffectScenarios,
  setStatus,
  type AdviceRow,
  type EffectScenario,
} from './advice-store';
import { readEffects } from './read-effects';

export interface AdviceAdvancer {
  /** Moves one advice on as far as its runs allow (idempotent; never throws). */
  advance(id: string): Promise<void>;
}

const TERMINAL = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * The advice's progress, driven by its scenarios' ends (hub events), reads and the check loop:
 * baseline running → (succeeded with recommendations) one run per recommendation, queued with
 * the baseline's perturbations plus the recommendation's actions, the same live state and
 * ensemble → all ended → the quantity's effects read and stored, done. A baseline that failed
 * or was cancelled fails the advice with its reason; one without recommendations ends done
 * with the solver's note.
 */
export function createAdviceAdvancer(deps: AlarmAdviceDeps): AdviceAdvancer {
  const sql = sqlOf(deps);
  /** Advances in flight, and whether another was asked for meanwhile (then it runs again). */
  const inFlight = new Map<string, boolean>();

  const finish = async (row: AdviceRow, end: Parameters<typeof endAdvice>[2]): Promise<void> => {
    if (!(await endAdvice(sql, row.id, end))) return;
    deps.notify({
      siteId: row.site_id,
      adviceId: row.id,
      alarmKey: row.alarm_key,
      status: end.status,
    });
  };

  async function queueEffects(row: AdviceRow, base: ScenarioDetail): Promise<void> {
    const recommendations = base.recommendations?.recommendations ?? [];
    const effects: EffectScenario[] = [];
    for (const recommendation of recommendations) {
      const id = await queueEffect(row, base, recommendation).catch((error: unknown) => {
        deps.log(
          'warn',
          `advice ${row.id}: rank ${recommendation.rank} not queued: ${messageOf(error)}`,
        );
        return undefined;
      });
      if (id !== undefined) effects.push({ rank: recommendation.rank, scenarioId: id });
    }
    await setEffectScenarios(sql, row.id, effects);
  }

  async function queueEffect(
    row: AdviceRow,
    base: ScenarioDetail,
    recommendation: Recommendation,
  ): Promise<string> {
    const { scenario } = base.request;
    const request = CreateScenarioRequestSchema.parse({
      name: `Advice for ${row.alarm_key}: #${recommendation.rank} ${recommendation.title}`.slice(
        0,
        200,
      ),
      scenario: {
        ...scenario,
        perturbations: [
          ...scenario.perturbations,
          ...recommendation.actions.flatMap((a) => a.perturbations),
        ],
      },
      bindLiveState: base.request.bindLiveState,
      recommend: false,
    });
    const created = await createScenario(deps.services, row.principal, {
      siteId: row.site_id,
      request,
      ...(base.liveState ? { liveState: base.liveState } : {}),
    });
    return created.id;
  }

  async function step(id: string): Promise<void> {
    const row = await adviceById(sql, id);
    if (!row || row.stage === 'done' || row.stage === 'failed') return;
    if (row.stage === 'baseline') {
      const base = await getScenario(deps.services, row.principal, { id: row.scenario_id }).catch(
        (error: unknown) => {
          if (isHttpError(error) && error.status === 404) return undefined;
          throw error;
        },
      );
      if (!base) {
        await finish(row, { status: 'failed', error: 'its what-if no longer exists: ask again' });
        return;
      }
      if (base.status === 'queued' || base.status === 'running') {
        if (row.status !== base.status) await setStatus(sql, id, base.status);
        return;
      }
      if (base.status !== 'succeeded') {
        await finish(row, {
          status: 'failed',
          error: `the what-if ${base.status}${base.error ? `: ${base.error.message}` : ''}: ask for advice again`,
        });
        return;
      }
      if ((base.recommendations?.recommendations.length ?? 0) === 0) {
        await finish(row, {
          status: 'done',
          note:
            base.recommendations?.note ??
            'the what-if shows no violation within the horizon: there is nothing to mitigate',
          effects: await readEffects(deps, { ...row, effect_scenarios: [] }),
        });
        return;
      }
      if (!(await claimEffects(sql, id))) return;
      await queueEffects(row, base);
      return;
    }
    if (row.effect_scenarios === null) {
      // Claimed by a process that stopped before queuing the runs: queue them now.
      const base = await getScenario(deps.services, row.principal, { id: row.scenario_id });
      await queueEffects(row, base);
      return;
    }
    const ids = row.effect_scenarios.map((e) => e.scenarioId);
    const { rows } = await sql.query<{ status: string }>(
      `SELECT status FROM scenario WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.some((r) => !TERMINAL.has(r.status))) return;
    await finish(row, { status: 'done', note: null, effects: await readEffects(deps, row) });
  }

  return {
    async advance(id) {
      if (inFlight.has(id)) {
        inFlight.set(id, true);
        return;
      }
      inFlight.set(id, false);
      try {
        do {
          inFlight.set(id, false);
          await step(id);
        } while (inFlight.get(id) === true);
      } catch (error) {
        deps.log('warn', `advice ${id}: ${messageOf(error)}`);
      } finally {
        inFlight.delete(id);
      }
    },
  };
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
