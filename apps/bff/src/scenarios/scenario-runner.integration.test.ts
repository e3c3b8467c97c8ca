import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateScenarioRequestSchema,
  type ClientToServerEvents,
  type CreateScenarioRequestInput,
  type JoinSiteAck,
  type ScenarioProgressEvent,
  ScenarioSeriesSchema,
  type ServerToClientEvents,
} from '@twinhelm/contracts';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachRealtime, type TwinServer } from '../realtime/attach-realtime';
import { forwardScenarioProgress } from '../realtime/scenario-progress';
import { principal, refusal } from '../services/testing/test-context';
import { INTERRUPTED_MESSAGE } from './scenario-runner';
import {
  createScenarioTestContext,
  terminal,
  type ScenarioTestContext,
} from './testing/scenario-test-context';

const operator = principal('operator');
const DAY = { horizonS: 86_400, reportStepS: 900 };
const request = (input: CreateScenarioRequestInput) => CreateScenarioRequestSchema.parse(input);

describe('the scenario runner: cancel, recommendations, progress events, restarts', () => {
  let t: ScenarioTestContext;
  beforeAll(async () => {
    t = await createScenarioTestContext();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const create = async (input: CreateScenarioRequestInput, who = operator) =>
    (await t.services.createScenario(who, { siteId: 'ctown', request: request(input) })).id;

  it('cancels a running ensemble (creator or admin only) through its AbortSignal', async () => {
    const id = await create({
      scenario: { ...DAY, ensemble: { members: 200 } },
      bindLiveState: false,
    });
    await t.until(id, ['running']);
    const other = { ...principal('operator'), name: 'someone-else' };
    const refused = await refusal(t.services.cancelScenario(other, { id }));
    expect(refused).toMatchObject({ status: 403 });
    expect(refused.message).toMatch(/only they or an administrator/);
    const answer = await t.services.cancelScenario(operator, { id });
    expect(answer.status).toBe('running');
    const end = await t.until(id, terminal);
    expect(end.status).toBe('cancelled');
    const detail = await t.services.getScenario(principal('viewer'), { id });
    expect(detail.error).toEqual({ kind: 'cancelled', message: 'cancelled by operator' });
    expect(detail.kpis).toBeNull();
    expect((await refusal(t.services.cancelScenario(operator, { id }))).status).toBe(409);
    expect((await refusal(t.services.getScenarioResult(principal('viewer'), { id }))).status).toBe(
      409,
    );
  }, 120_000);

  it('recommends actions for a scenario with violations; a decision is stored and audited', async () => {
    const id = await create({
      scenario: {
        ...DAY,
        perturbations: [{ type: 'asset-outage', assetId: 'PU1', startS: 0, endS: 86_400 }],
      },
      bindLiveState: false,
      recommend: true,
    });
    const end = await t.until(id, terminal);
    expect(end.status).toBe('succeeded');
    const detail = await t.services.getScenario(operator, { id });
    expect(detail.violationCount).toBeGreaterThan(0);
    const set = detail.recommendations;
    expect(set).not.toBeNull();
    expect(detail.recommendationCount).toBe(set?.recommendations.length);
    const best = set?.recommendations[0];
    if (!best) return;
    await t.services.decideRecommendation(operator, {
      id,
      rank: best.rank,
      body: { decision: 'approved', comment: 'start the standby pump' },
    });
    const after = await t.services.getScenario(operator, { id });
    expect(after.approvals).toEqual([
      expect.objectContaining({
        rank: best.rank,
        decision: 'approved',
        by: 'operator',
        comment: 'start the standby pump',
      }),
    ]);
    const audit = await t.services.listAudit(principal('admin'), {
      action: 'recommendation.approve',
      limit: 5,
    });
    expect(audit.entries[0]).toMatchObject({
      actor: 'operator',
      target: id,
      detail: { scenarioId: id, rank: best.rank, actions: best.actions, deltas: best.deltas },
    });
    const missing = await refusal(
      t.services.decideRecommendation(operator, { id, rank: 99, body: { decision: 'rejected' } }),
    );
    expect(missing.status).toBe(404);
    expect(
      (
        await refusal(
          t.services.decideRecommendation(principal('viewer'), {
            id,
            rank: best.rank,
            body: { decision: 'rejected' },
          }),
        )
      ).status,
    ).toBe(403);
  }, 300_000);

  it('streams scenario:progress to socket.io clients in the site room', async () => {
    const server = createServer();
    const io: TwinServer = new Server(server);
    const realtime = attachRealtime(io, {
      twin: t.twin,
      auth: {
        nextAuthOptions: { providers: [] },
        authenticate: () => Promise.resolve(principal('viewer')),
      },
      services: t.services,
    });
    const stop = forwardScenarioProgress(io, t.hub);
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const client: Socket<ServerToClientEvents, ClientToServerEvents> = connect(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      { transports: ['websocket'], reconnection: false, forceNew: true },
    );
    try {
      const joined = await new Promise<JoinSiteAck>((done) =>
        client.emit('site:join', { siteId: 'ctown' }, done),
      );
      expect(joined.ok).toBe(true);
      const events: ScenarioProgressEvent[] = [];
      const ended = new Promise<void>((done) =>
        client.on('scenario:progress', (e) => {
          events.push(e);
          if (e.status === 'succeeded' || e.status === 'failed') done();
        }),
      );
      const id = await create({
        scenario: { ...DAY, ensemble: { members: 8 } },
        bindLiveState: false,
      });
      await ended;
      expect(events.every((e) => e.id === id && e.siteId === 'ctown')).toBe(true);
      expect(events[0]?.status).toBe('queued');
      expect(events.some((e) => e.status === 'running')).toBe(true);
      expect(events.at(-1)).toMatchObject({ status: 'succeeded', progress: 1, phase: null });
      expect(events.some((e) => e.phase?.startsWith('ensemble member'))).toBe(true);
      const series = ScenarioSeriesSchema.parse(
        JSON.parse(
          (
            await t.services.getScenarioSeries(principal('viewer'), {
              id,
              assets: ['J511', 'T1', 'PU1'],
            })
          ).rawJson,
        ),
      );
      expect(series.assets.J511?.bands.pressure?.p95).toHaveLength(97);
      expect(series.assets.T1?.bands.level?.p5).toHaveLength(97);
      expect(Object.keys(series.assets.J511?.bands ?? {}).sort()).toEqual([
        'demand',
        'head',
        'pressure',
        'requested',
      ]);
      expect(series.assets.PU1?.kind).toBe('pump');
      const detail = await t.services.getScenario(principal('viewer'), { id });
      expect(detail.ensemble).toMatchObject({ members: 8, failedMembers: 0 });
      expect(detail.ensemble?.kpis.energyKwh.p5).toBeLessThanOrEqual(
        detail.ensemble?.kpis.energyKwh.p95 ?? NaN,
      );
      expect(Object.keys(series.assets.PU1?.bands ?? {}).sort()).toEqual([
        'flow',
        'power',
        'velocity',
      ]);
    } finally {
      client.disconnect();
      stop();
      realtime.close();
      await io.close();
    }
  }, 120_000);

  it('after a restart, fails runs that were running and runs the queued ones', async () => {
    await t.runner.close();
    const base = {
      siteId: 'ctown',
      name: 'left over',
      request: request({ scenario: DAY, bindLiveState: false }),
      modelHash: (await t.scenarios.networks.of('ctown'))?.hash ?? '',
      seed: 0,
      createdBy: 'operator',
    };
    const running = await t.db.prisma.scenario.create({ data: { ...base, status: 'running' } });
    const queued = await t.db.prisma.scenario.create({ data: { ...base, status: 'queued' } });
    t.runner = t.newRunner();
    expect(await t.runner.start()).toEqual({ interrupted: 1 });
    await t.until(queued.id, terminal);
    await t.runner.idle();
    const viewer = principal('viewer');
    const interrupted = await t.services.getScenario(viewer, { id: running.id });
    expect(interrupted).toMatchObject({
      status: 'failed',
      error: { kind: 'interrupted', message: INTERRUPTED_MESSAGE },
    });
    expect((await t.services.getScenario(viewer, { id: queued.id })).status).toBe('succeeded');
  }, 120_000);
});
