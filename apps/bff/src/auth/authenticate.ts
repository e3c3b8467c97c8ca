import { RoleSchema, type Principal } from '@twinhelm/contracts';
import type { PrismaClient } from '../generated/prisma/client';
import { unauthorized } from '../http/http-error';
import { hashApiToken, looksLikeApiToken } from './api-token-secret';
import type { RequestCredentials } from './auth-runtime';
import { readSession } from './session-cookie';

export interface AuthenticateDeps {
  prisma: PrismaClient;
  secret: string;
  clock: () => number;
}

/** lastUsedAt is written at most this often per token, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticate(
  deps: AuthenticateDeps,
  credentials: RequestCredentials,
): Promise<Principal> {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(credentials.authorization ?? '');
  if (credentials.authorization && !bearer) {
    throw unauthorized('Authorization header must be "Bearer <API token>"');
  }
  if (bearer?.[1]) return fromToken(deps, bearer[1]);
  return fromSession(deps, credentials.cookie);
}

async function fromToken(deps: AuthenticateDeps, token: string): Promise<Principal> {
  if (!looksLikeApiToken(token))
    throw unauthorized('API token malformed: expected thk_ followed by 43 characters');
  const row = await deps.prisma.apiToken.findUnique({ where: { tokenHash: hashApiToken(token) } });
  if (!row) throw unauthorized('API token not recognised: create one under /api/tokens');
  if (row.revokedAt) throw unauthorized('API token revoked: create a new one');
  const now = deps.clock();
  if (row.expiresAt && row.expiresAt.getTime() <= now) {
    throw unauthorized(`API token expired on ${row.expiresAt.toISOString()}: create a new one`);
  }
  const role = RoleSchema.safeParse(row.role);
  if (!role.success)
    throw unauthorized(`API token has an unknown role "${row.role}": create a new one`);
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await deps.prisma.apiToken.update({
      where: { id: row.id },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { kind: 'token', id: row.id, name: row.name, role: role.data };
}

async function fromSession(
  deps: AuthenticateDeps,
  cookie: string | null | undefined,
): Promise<Principal> {
  const session = await readSession(cookie, deps.secret);
  if (!session?.sub) throw unauthorized('session expired or missing: sign in again');
  const user = await deps.prisma.user.findUnique({ where: { id: session.sub } });
  if (!user) throw unauthorized('session user no longer exists: sign in again');
  if (user.disabled) throw unauthorized('this account is disabled: ask an administrator');
  const role = RoleSchema.safeParse(user.role);
  if (!role.success)
    throw unauthorized(`account has an unknown role "${user.role}": ask an administrator`);
  return { kind: 'user', id: user.id, name: user.username, role: role.data };
}
