import type { PrismaClient } from '../generated/prisma/client';
import { RoleSchema, type Role } from '@twinhelm/contracts';
import { appendAudit } from '../services/audit';
import type { LoginRateLimiter } from './login-rate-limiter';
import { verifyPassword } from './passwords';

export interface LoginDeps {
  prisma: PrismaClient;
  limiter: LoginRateLimiter;
  clock: () => number;
}

export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
}

export interface LoggedInUser {
  id: string;
  name: string;
  username: string;
  role: Role;
}

/** Why a sign-in was refused; `rateLimited` carries the wait. The message is shown to the user. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

const WRONG = 'wrong username or password';

/** The credentials check behind next-auth's credentials provider: rate limited and audited. */
export async function verifyLogin(deps: LoginDeps, attempt: LoginAttempt): Promise<LoggedInUser> {
  const username = attempt.username.trim();
  const waitMs = deps.limiter.retryAfterMs(username, attempt.ip);
  if (waitMs > 0) {
    const minutes = Math.ceil(waitMs / 60_000);
    await appendAudit(deps.prisma, {
      actor: username || '(empty)',
      action: 'login.rate_limited',
      detail: { ip: attempt.ip },
    });
    throw new LoginError(
      `too many failed sign-ins for this account or address: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
      Math.ceil(waitMs / 1000),
    );
  }
  const user = username ? await deps.prisma.user.findUnique({ where: { username } }) : null;
  const passwordOk = user ? await verifyPassword(attempt.password, user.passwordHash) : false;
  const role = RoleSchema.safeParse(user?.role);
  if (!user || !passwordOk || user.disabled || !role.success) {
    deps.limiter.recordFailure(username, attempt.ip);
    const reason = !user
      ? 'unknown user'
      : !passwordOk
        ? 'wrong password'
        : user.disabled
          ? 'disabled'
          : 'bad role';
    await appendAudit(deps.prisma, {
      actor: username || '(empty)',
      action: 'login.failure',
      detail: { ip: attempt.ip, reason },
    });
    throw new LoginError(
      user?.disabled && passwordOk ? 'this account is disabled: ask an administrator' : WRONG,
    );
  }
  deps.limiter.recordSuccess(username);
  await deps.prisma.user.update({
    where: { id: user.id },
    data: { lastLoginAt: new Date(deps.clock()) },
  });
  await appendAudit(deps.prisma, {
    actor: user.username,
    action: 'login.success',
    target: user.id,
    detail: { ip: attempt.ip },
  });
  return { id: user.id, name: user.name, username: user.username, role: role.data };
}
