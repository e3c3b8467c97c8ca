import { RoleSchema, type Principal } from '@twinhelm/contracts';
import type { z } from 'zod';
import type {
  ApiTokenSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenSchema,
} from '@twinhelm/contracts';
import type { ApiToken as ApiTokenRow } from '../generated/prisma/client';
import { displayPrefix, generateApiToken, hashApiToken } from '../auth/api-token-secret';
import { forbidden, notFound } from '../http/http-error';
import { actorOf, appendAudit } from './audit';
import type { ServiceDeps } from './service-deps';
import { requirePermission } from './require-permission';

type ApiToken = z.infer<typeof ApiTokenSchema>;
type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;
type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequestSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

function tokenView(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: RoleSchema.parse(row.role),
    createdAt: row.createdAt.getTime(),
    expiresAt: row.expiresAt?.getTime() ?? null,
    revokedAt: row.revokedAt?.getTime() ?? null,
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
}

/** Creates a role-scoped token; the token itself is returned once and only its hash is kept. */
export async function createToken(
  deps: ServiceDeps,
  principal: Principal,
  input: CreateApiTokenRequest,
): Promise<CreatedApiToken> {
  requirePermission(principal, 'tokens:manage');
  if (principal.kind !== 'user')
    throw forbidden('API tokens cannot create API tokens: sign in as an administrator');
  const token = generateApiToken();
  const now = deps.clock();
  const row = await deps.prisma.apiToken.create({
    data: {
      name: input.name,
      role: input.role,
      prefix: displayPrefix(token),
      tokenHash: hashApiToken(token),
      createdById: principal.id,
      createdAt: new Date(now),
      expiresAt: input.expiresInDays ? new Date(now + input.expiresInDays * DAY_MS) : null,
    },
  });
  await appendAudit(deps.prisma, {
    actor: actorOf(principal),
    action: 'token.create',
    target: row.id,
    detail: { name: row.name, role: row.role, expiresAt: row.expiresAt?.toISOString() ?? null },
  });
  return { ...tokenView(row), token };
}

export async function listTokens(deps: ServiceDeps, principal: Principal): Promise<ApiToken[]> {
  requirePermission(principal, 'tokens:manage');
  const rows = await deps.prisma.apiToken.findMany({ orderBy: { createdAt: 'desc' } });
  return rows.map(tokenView);
}

export async function revokeToken(
  deps: ServiceDeps,
  principal: Principal,
  input: { id: string },
): Promise<void> {
  requirePermission(principal, 'tokens:manage');
  const row = /^[0-9a-f-]{36}$/i.test(input.id)
    ? await deps.prisma.apiToken.findUnique({ where: { id: input.id } })
    : null;
  if (!row) throw notFound(`${input.id}: unknown API token: list them with GET /api/tokens`);
  if (row.revokedAt) return;
  await deps.prisma.apiToken.update({
    where: { id: row.id },
    data: { revokedAt: new Date(deps.clock()) },
  });
  await appendAudit(deps.prisma, {
    actor: actorOf(principal),
    action: 'token.revoke',
    target: row.id,
    detail: { name: row.name },
  });
}
