import {
  ScenarioFramesSchema,
  ScenarioResultSchema,
  ScenarioSeriesSchema,
  type CreateScenarioRequestInput,
} from '@twinhelm/contracts';
import { CreateScenarioRequestSchema } from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GET as listRoute,
  POST as createRoute,
} from '../../app/api/sites/[siteId]/scenarios/route';
import { GET as seriesRoute } from '../../app/api/scenarios/[id]/series/route';
import { principal, refusal } from '../services/testing/test-context';
import { callRoute, useRouteContext } from './testing/call-route';
import {
  createScenarioTestContext,
  terminal,
  type ScenarioTestContext,
} from './testing/scenario-test-context';

const operator = principal('operator');
const viewer = principal('viewer');
const DAY = { horizonS: 86_400, reportStepS: 900 };
const request = (input: CreateScenarioRequestInput) => CreateScenarioRequestSchema.parse(input);

describe('what-if scenarios against PostgreSQL and the solver pool (C-Town)', () => {
  let t: ScenarioTestContext;
  beforeAll(async () => {
    t = await createScenarioTestContext();
    useRouteContext(t.context);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  async function run(input: CreateScenarioRequestInput) {
    const { id } = await t.services.createScenario(operator, {
      siteId: 'ctown',
      request: request(input),
    });
    const end = await t.until(id, terminal);
    return { id, end };
  }

  const stored = async () => ({
    scenarios: await t.db.prisma.scenario.count(),
    audit: await t.db.prisma.auditLog.count({ where: { action: 'scenario.create' } }),
  });

  it('runs a 24 h what-if to completion: detail with KPIs, result, series, frames, list', async () => {
    const { id, end } = await run({
      name: 'PU1 out 6-12 h',
      scenario: {
        ...DAY,
        perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 21_600, endS: 43_200 }],
      },
      bindLiveState: false,
    });
    expect(end.status).toBe('succeeded');
    const detail = await t.services.getScenario(viewer, { id });
    expect(detail).toMatchObject({
      id,
      siteId: 'ctown',
      name: 'PU1 out 6-12 h',
      status: 'succeeded',
      progress: 1,
      createdBy: 'operator',
      members: 1,
      liveState: null,
      error: null,
      recommendations: null,
    });
    expect(detail.engineVersion).toMatch(/OWA-EPANET/);
    expect(detail.kpis?.minPressure).not.toBeNull();
    expect(detail.times).toHaveLength(97);
    expect(detail.violationCount).toBe(detail.violations?.length);

    const result = ScenarioResultSchema.parse(
      JSON.parse((await t.services.getScenarioResult(viewer, { id })).rawJson),
    );
    expect(Object.keys(result.nodes)).toHaveLength(396);
    expect(result.kpis).toEqual(detail.kpis);
    expect(result.links.PU1?.flow.slice(25, 48).every((q) => Math.abs(q) < 1e-6)).toBe(true);

    const series = ScenarioSeriesSchema.parse(
      JSON.parse(
        (await t.services.getScenarioSeries(viewer, { id, assets: ['J511', 'T1', 'PU1', 'nope'] }))
          .rawJson,
      ),
    );
    expect(Object.keys(series.assets).sort()).toEqual(['J511', 'PU1', 'T1']);
    expect(series.assets.T1?.kind).toBe('tank');
    expect(series.assets.T1?.series.level).toEqual(result.tanks.T1?.level);
    expect(series.assets.PU1?.kind).toBe('pump');
    expect(Object.keys(series.assets.PU1?.series ?? {}).sort()).toEqual([
      'flow',
      'power',
      'velocity',
    ]);
    expect(series.assets.J511?.series.pressure).toEqual(result.nodes.J511?.pressure);

    const frames = ScenarioFramesSchema.parse(
      JSON.parse((await t.services.getScenarioFrames(viewer, { id, metric: 'pressure' })).rawJson),
    );
    expect(Object.keys(frames.values)).toHaveLength(396);
    expect(frames.values.J511).toEqual(result.nodes.J511?.pressure);
    const levels = ScenarioFramesSchema.parse(
      JSON.parse((await t.services.getScenarioFrames(viewer, { id, metric: 'level' })).rawJson),
    );
    expect(Object.keys(levels.values)).toHaveLength(7);

    const audit = await t.services.listAudit(principal('admin'), {
      action: 'scenario.create',
      limit: 5,
    });
    expect(audit.entries[0]).toMatchObject({ actor: 'operator', target: id });

    const response = await callRoute(seriesRoute, {
      role: 'viewer',
      params: { id },
      query: 'assets=T1',
    });
    expect(response.status).toBe(200);
    expect(ScenarioSeriesSchema.parse(await response.json()).assets.T1?.kind).toBe('tank');
  });

  it('binds the twin’s live state: the tank starts at its measured level', async () => {
    t.twin.apply('ctown', { T1: { level: { v: 1.25, ts: t.now.value - 5_000 } } });
    const bound = await run({ scenario: DAY, bindLiveState: true });
    const unbound = await run({ scenario: DAY, bindLiveState: false });
    expect([bound.end.status, unbound.end.status]).toEqual(['succeeded', 'succeeded']);
    const detail = await t.services.getScenario(viewer, { id: bound.id });
    expect(detail.liveState?.tanks.T1).toEqual({ levelM: 1.25 });
    expect(detail.liveState?.timeOfDayS).toBe(12 * 3600);
    const level = async (id: string) =>
      ScenarioResultSchema.parse(
        JSON.parse((await t.services.getScenarioResult(viewer, { id })).rawJson),
      ).tanks.T1?.level[0];
    expect(await level(bound.id)).toBeCloseTo(1.25, 2);
    expect(await level(unbound.id)).toBeCloseTo(3, 2);
  });

  it('refuses bad requests with specific messages and details, storing nothing', async () => {
    const before = await stored();
    const post = (body: unknown) =>
      callRoute(createRoute, { role: 'operator', params: { siteId: 'ctown' }, body });
    const answer = async (body: unknown) => {
      const response = await post(body);
      return {
        status: response.status,
        ...((await response.json()) as {
          error: { message: string; details?: { path: string; message: string }[] };
        }),
      };
    };
    const unknown = await answer({
      scenario: {
        ...DAY,
        perturbations: [
          {
            type: 'burst',
            assetId: 'J5111',
            size: { kind: 'coefficient', lpsPerSqrtM: 1 },
            startS: 0,
            endS: 3600,
          },
        ],
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.error.message).toMatch(
      /J5111: unknown junction in this network \(did you mean .*J511/,
    );
    expect(unknown.error.details?.[0]?.path).toBe('scenario.perturbations.0');

    const late = await answer({
      scenario: {
        ...DAY,
        perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 90_000 }],
      },
    });
    expect(late.status).toBe(400);
    expect(late.error.message).toMatch(/ends after the horizon \(86400 s\)/);

    const overfull = await answer({
      scenario: {
        ...DAY,
        perturbations: [{ type: 'tank-level', assetId: 'T1', levelM: 9, startS: 0, endS: 3600 }],
      },
    });
    expect(overfull.error.message).toMatch(/T1: level 9 m is above the tank's maximum 6.5 m/);

    const members = await answer({ scenario: { ...DAY, ensemble: { members: 201 } } });
    expect(members.status).toBe(400);
    expect(members.error.details).toContainEqual({
      path: 'scenario.ensemble.members',
      message: 'ensemble.members: at most 200',
    });

    const types = await answer({ scenario: { horizonS: '1 day' }, recommend: 'yes' });
    expect(types.status).toBe(400);
    expect(types.error.details?.map((d) => d.path).sort()).toEqual([
      'recommend',
      'scenario.horizonS',
    ]);

    expect((await post('{not json')).status).toBe(400);
    const steps = await answer({ scenario: { horizonS: 400 * 86_400 } });
    expect(steps.error.message).toMatch(/SCENARIO_MAX_STEPS/);
    expect(await stored()).toEqual(before);
  });

  it('answers unknown sites with 404 and roles without scenario:run with 403', async () => {
    const site = await refusal(
      t.services.createScenario(operator, { siteId: 'ctwn', request: request({ scenario: DAY }) }),
    );
    expect(site).toMatchObject({
      status: 404,
      message: 'ctwn: unknown site (did you mean ctown?)',
    });
    const response = await callRoute(createRoute, {
      role: 'viewer',
      params: { siteId: 'ctown' },
      body: { scenario: DAY },
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/lacks permission scenario:run/);
    const missing = await refusal(
      t.services.getScenario(viewer, { id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(missing.status).toBe(404);
    expect((await refusal(t.services.getScenario(viewer, { id: 'x' }))).status).toBe(404);
  });

  it('lists newest first with a limit, and compares KPIs side by side', async () => {
    const response = await callRoute(listRoute, {
      role: 'viewer',
      params: { siteId: 'ctown' },
      query: 'limit=2',
    });
    const { scenarios } = (await response.json()) as {
      scenarios: { id: string; createdAt: number }[];
    };
    expect(scenarios).toHaveLength(2);
    expect(scenarios[0]?.createdAt).toBeGreaterThanOrEqual(scenarios[1]?.createdAt ?? 0);
    const ids = scenarios.map((s) => s.id);
    const compared = await t.services.compareScenarios(viewer, { siteId: 'ctown', ids });
    expect(compared.scenarios.map((s) => s.id)).toEqual(ids);
    expect(compared.scenarios.every((s) => s.kpis !== null)).toBe(true);
    const wrong = await refusal(
      t.services.compareScenarios(viewer, {
        siteId: 'ctown',
        ids: [...ids, '00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(wrong.status).toBe(400);
  });
});
