import { z } from 'zod';

export const ROLES = ['viewer', 'operator', 'planner', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * What each role may do. Roles are not a strict ladder (a planner is not an operator), so a
 * permission lists the roles that hold it; admin holds every permission.
 */
export const PERMISSIONS = {
  'twin:read': ['viewer', 'operator', 'planner', 'manager', 'admin'],
  'telemetry:read': ['viewer', 'operator', 'planner', 'manager', 'admin'],
  'network:import': ['admin'],
  'rejected:read': ['admin'],
  'users:manage': ['admin'],
  'tokens:manage': ['admin'],
  'audit:read': ['admin', 'manager'],
  /** Run what-if scenarios, cancel one's own, approve recommendations. */
  'scenario:run': ['operator', 'planner', 'admin'],
  /** Change a site's alarm rules (per-asset overrides of the defaults). */
  'alarm-rules:manage': ['planner', 'admin'],
  /** Read the alarm rules in force. */
  'alarm-rules:read': ['viewer', 'operator', 'planner', 'manager', 'admin'],
  /** See alarms, their history and the alarm KPIs. */
  'alarm:read': ['viewer', 'operator', 'planner', 'manager', 'admin'],
  /** Acknowledge, shelve, unshelve, comment, assign, reset latched alarms; ask for advice. */
  'alarm:act': ['operator', 'admin'],
  /** Put an alarm (or a pump, with what it suppresses) out of service and return it. */
  'alarm:service': ['admin'],
  /** Drive the demo plant simulator (trip a pump): demo and test only. */
  'simulator:control': ['admin'],
  /** Read scenarios, their results and the nowcast. */
  'scenario:read': ['viewer', 'operator', 'planner', 'manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const PrincipalSchema = z.object({
  kind: z.enum(['user', 'token']),
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
});
export type Principal = z.infer<typeof PrincipalSchema>;
