import type { Me, Principal } from '@twinhelm/contracts';

export function me(principal: Principal): Promise<Me> {
  return Promise.resolve({ id: principal.id, name: principal.name, role: principal.role });
}
