import { hashPassword } from '../auth/passwords';
import { appendAudit } from './audit';
import type { ServiceDeps } from './service-deps';

/** Outside demo mode: creates the first admin from INITIAL_ADMIN_* only when no user exists. */
export async function ensureInitialAdmin(
  deps: ServiceDeps,
  input: { username: string; password: string },
): Promise<boolean> {
  if ((await deps.prisma.user.count()) > 0) return false;
  const user = await deps.prisma.user.create({
    data: {
      username: input.username,
      name: input.username,
      role: 'admin',
      passwordHash: await hashPassword(input.password),
    },
  });
  await appendAudit(deps.prisma, {
    actor: 'system',
    action: 'user.create',
    target: user.id,
    detail: { username: user.username, role: 'admin', reason: 'initial admin' },
  });
  return true;
}
