import {
  SimulatorFaultsResponseSchema,
  type InjectFaultRequest,
  type SimulatorFault,
} from '@twinhelm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as clearRoute } from '../../app/api/sites/[siteId]/simulator/faults/[assetId]/route';
import {
  GET as listRoute,
  POST as injectRoute,
} from '../../app/api/sites/[siteId]/simulator/faults/route';
import { setAppContext } from '../app-context';
import { hashPassword } from '../auth/passwords';
import {
  createTestContext,
  principal,
  refusal,
  type TestContext,
} from '../services/testing/test-context';
import type { SimulatorControl } from './simulator-control';
import { listSimulatorFaults } from './simulator-faults';

const PUMPS = ['PU1', 'PU2', 'PU8', 'PU9'];

/** An in-memory simulator: trips pumps of PUMPS, refuses like the real one (error `code`). */
function fakeSimulator(): SimulatorControl {
  const faults = new Map<string, SimulatorFault>();
  const refuse = (code: string, message: string) => Object.assign(new Error(message), { code });
  const state = () =>
    Promise.resolve({
      siteId: 'ctown',
      plantTimeS: 3600,
      speedup: 60,
      faults: [...faults.values()],
    });
  return {
    siteId: 'ctown',
    injectFault(request: InjectFaultRequest) {
      const ids = request.assetIds ?? [request.assetId ?? ''];
      const unknown = ids.find((id) => !PUMPS.includes(id));
      if (unknown)
        return Promise.reject(
          refuse('unknown_asset', `${unknown}: not a pump in site ctown (did you mean PU1?)`),
        );
      for (const assetId of ids)
        faults.set(assetId, {
          kind: 'pump_trip',
          assetId,
          origin: 'injected',
          startedAt: 1000,
          plantStartS: 3600,
          plantEndS: request.durationS === undefined ? null : 3600 + request.durationS,
        });
      return state();
    },
    clearFault(assetId) {
      if (!faults.delete(assetId))
        return Promise.reject(refuse('no_fault', `${assetId}: no active fault in site ctown`));
      return state();
    },
    faults: state,
    applyActions: () => Promise.resolve({ siteId: 'ctown', plantTimeS: 3600, settings: [] }),
  };
}

describe('simulator fault routes', () => {
  let t: TestContext;
  const tokens = { admin: '', operator: '' };

  type Handler = (
    req: Request,
    route: { params: Promise<{ siteId: string; assetId: string }> },
  ) => Promise<Response>;
  const call = async (
    handler: Handler,
    siteId: string,
    options: { token?: string; body?: unknown; assetId?: string; method?: string } = {},
  ) => {
    const res = await handler(
      new Request(`http://localhost/api/sites/${siteId}/simulator/faults`, {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          'content-type': 'application/json',
        },
        ...(options.body === undefined
          ? {}
          : {
              body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
            }),
      }),
      { params: Promise.resolve({ siteId, assetId: options.assetId ?? '' }) },
    );
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & { error?: { message: string } },
    };
  };

  beforeAll(async () => {
    t = await createTestContext();
    const admin = await t.db.prisma.user.create({
      data: {
        username: 'admin',
        name: 'A',
        role: 'admin',
        passwordHash: await hashPassword('admin-password'),
      },
    });
    for (const role of ['admin', 'operator'] as const)
      tokens[role] = (
        await t.context.services.createToken(principal('admin', admin.id), {
          name: `${role} token`,
          role,
        })
      ).token;
    setAppContext({ ...t.context, simulator: fakeSimulator() });
  }, 120_000);
  afterAll(async () => {
    await t?.db.drop();
  });

  it('trips a pump for an admin (202), lists it, clears it, and audits both changes', async () => {
    const injected = await call(injectRoute, 'ctown', {
      token: tokens.admin,
      body: { kind: 'pump_trip', assetId: 'PU8', durationS: 7200 },
    });
    expect(injected.status).toBe(202);
    expect(SimulatorFaultsResponseSchema.parse(injected.body).faults).toMatchObject([
      { kind: 'pump_trip', assetId: 'PU8', origin: 'injected', plantEndS: 10_800 },
    ]);
    const listed = await call(listRoute, 'ctown', { token: tokens.admin });
    expect(listed.status).toBe(200);
    expect((listed.body.faults as SimulatorFault[]).map((f) => f.assetId)).toEqual(['PU8']);
    const cleared = await call(clearRoute, 'ctown', {
      token: tokens.admin,
      assetId: 'PU8',
      method: 'DELETE',
    });
    expect(cleared).toMatchObject({ status: 200, body: { faults: [] } });
    const audit = await t.db.prisma.auditLog.findMany({
      where: { action: 'simulator.fault' },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => [a.actor, a.target, (a.detail as { op: string }).op])).toEqual([
      ['token:admin token', 'ctown/PU8', 'inject'],
      ['token:admin token', 'ctown/PU8', 'clear'],
    ]);
    expect(audit[0]?.detail).toMatchObject({
      kind: 'pump_trip',
      assetIds: ['PU8'],
      durationS: 7200,
    });
  });

  it('trips a whole station at once', async () => {
    const res = await call(injectRoute, 'ctown', {
      token: tokens.admin,
      body: { kind: 'pump_trip', assetIds: ['PU8', 'PU9'] },
    });
    expect(res.status).toBe(202);
    expect((res.body.faults as SimulatorFault[]).map((f) => [f.assetId, f.plantEndS])).toEqual([
      ['PU8', null],
      ['PU9', null],
    ]);
    for (const assetId of ['PU8', 'PU9'])
      await call(clearRoute, 'ctown', { token: tokens.admin, assetId, method: 'DELETE' });
  });

  it('refuses other roles (403) and requests without a token (401)', async () => {
    const body = { kind: 'pump_trip', assetId: 'PU8' };
    expect((await call(injectRoute, 'ctown', { body })).status).toBe(401);
    const operator = await call(injectRoute, 'ctown', { token: tokens.operator, body });
    expect(operator.status).toBe(403);
    expect(operator.body.error?.message).toBe(
      'role operator lacks permission simulator:control: ask an administrator',
    );
    expect((await call(listRoute, 'ctown', { token: tokens.operator })).status).toBe(403);
  });

  it('refuses a bad body, an unknown pump (nearest ids) and clearing a pump without a fault', async () => {
    const bad = async (body: unknown) => call(injectRoute, 'ctown', { token: tokens.admin, body });
    expect(await bad('{"kind":')).toMatchObject({ status: 400 });
    expect((await bad({ kind: 'burst', assetId: 'PU8' })).body.error?.message).toBe(
      'invalid body: kind: kind must be "pump_trip" (the only fault that can be injected)',
    );
    expect((await bad({ kind: 'pump_trip' })).body.error?.message).toBe(
      'invalid body: assetId: give exactly one of assetId (one pump) or assetIds (several pumps)',
    );
    expect((await bad({ kind: 'pump_trip', assetId: 'PU8', durationS: -5 })).status).toBe(400);
    expect(await bad({ kind: 'pump_trip', assetId: 'PU12' })).toMatchObject({
      status: 400,
      body: { error: { message: 'PU12: not a pump in site ctown (did you mean PU1?)' } },
    });
    const none = await call(clearRoute, 'ctown', {
      token: tokens.admin,
      assetId: 'PU2',
      method: 'DELETE',
    });
    expect(none).toMatchObject({
      status: 404,
      body: { error: { message: 'PU2: no active fault in site ctown' } },
    });
  });

  it('answers 404 for another site and 503 when no simulator runs', async () => {
    const other = await call(listRoute, 'net1', { token: tokens.admin });
    expect(other).toMatchObject({
      status: 404,
      body: { error: { message: 'net1: the plant simulator drives site ctown only' } },
    });
    const off = await refusal(
      listSimulatorFaults({ prisma: t.db.prisma, simulator: undefined }, principal('admin'), {
        siteId: 'ctown',
      }),
    );
    expect(off.status).toBe(503);
    expect(off.message).toMatch(
      /^no plant simulator runs in this server: it runs only in demo mode/,
    );
  });
});
