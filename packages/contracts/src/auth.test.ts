import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLES, roleHas, type Permission } from './auth';

describe('roles', () => {
  it('gives admin every permission', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(roleHas('admin', permission)).toBe(true);
    }
  });

  it('keeps imports and rejected messages to admins', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(roleHas(role, 'network:import')).toBe(false);
      expect(roleHas(role, 'rejected:read')).toBe(false);
    }
  });

  it('lets every role read the twin', () => {
    for (const role of ROLES) expect(roleHas(role, 'twin:read')).toBe(true);
  });

  it('lets operators handle alarms, keeps out-of-service and the simulator to admins', () => {
    for (const role of ROLES) expect(roleHas(role, 'alarm:read')).toBe(true);
    expect(roleHas('operator', 'alarm:act')).toBe(true);
    expect(roleHas('viewer', 'alarm:act')).toBe(false);
    expect(roleHas('manager', 'alarm:act')).toBe(false);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(roleHas(role, 'alarm:service')).toBe(false);
      expect(roleHas(role, 'simulator:control')).toBe(false);
    }
  });
});
