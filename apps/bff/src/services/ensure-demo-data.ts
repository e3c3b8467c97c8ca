import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Role } from '@twinhelm/contracts';
import { hashPassword } from '../auth/passwords';
import { appendAudit } from './audit';
import { importNetworkAs } from './import-network';
import type { ServiceDeps } from './service-deps';

/** Demo accounts, one per role (documented in apps/bff/README.md). Demo mode only. */
export const DEMO_USERS: readonly {
  username: string;
  password: string;
  role: Role;
  name: string;
}[] = [
  { username: 'admin', password: 'twinhelm-admin', role: 'admin', name: 'Demo Admin' },
  { username: 'manager', password: 'twinhelm-manager', role: 'manager', name: 'Demo Manager' },
  { username: 'planner', password: 'twinhelm-planner', role: 'planner', name: 'Demo Planner' },
  { username: 'operator', password: 'twinhelm-operator', role: 'operator', name: 'Demo Operator' },
  { username: 'viewer', password: 'twinhelm-viewer', role: 'viewer', name: 'Demo Viewer' },
];

export const DEMO_SITE = { id: 'ctown', name: 'C-Town' } as const;
const DEFAULT_CTOWN = resolve(import.meta.dirname, '../../../../data/networks/CTOWN.INP');

export interface DemoDataResult {
  usersCreated: string[];
  siteImported: boolean;
}

/** Idempotent: creates the missing demo users and imports C-Town when the site has no network. */
export async function ensureDemoData(deps: ServiceDeps): Promise<DemoDataResult> {
  const usersCreated: string[] = [];
  for (const u of DEMO_USERS) {
    if (await deps.prisma.user.findUnique({ where: { username: u.username } })) continue;
    const user = await deps.prisma.user.create({
      data: {
        username: u.username,
        name: u.name,
        role: u.role,
        passwordHash: await hashPassword(u.password),
      },
    });
    await appendAudit(deps.prisma, {
      actor: 'system',
      action: 'user.create',
      target: user.id,
      detail: { username: u.username, role: u.role, reason: 'demo' },
    });
    usersCreated.push(u.username);
  }
  const network = await deps.prisma.network.findFirst({
    where: { siteId: DEMO_SITE.id, active: true },
    select: { id: true },
  });
  if (network) return { usersCreated, siteImported: false };
  const inp = await readFile(deps.demoNetworkFile ?? DEFAULT_CTOWN, 'utf8');
  await importNetworkAs(deps, 'system', { siteId: DEMO_SITE.id, name: DEMO_SITE.name, inp });
  return { usersCreated, siteImported: true };
}
