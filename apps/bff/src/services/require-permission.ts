import { roleHas, type Permission, type Principal } from '@twinhelm/contracts';
import { forbidden } from '../http/http-error';

export function requirePermission(principal: Principal, permission: Permission): void {
  if (!roleHas(principal.role, permission)) {
    throw forbidden(`role ${principal.role} lacks permission ${permission}: ask an administrator`);
  }
}
