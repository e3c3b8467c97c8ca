import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-database';

describe('test database', () => {
  it('applies the migrations and refuses audit log updates', async () => {
    const db = await createTestDatabase();
    try {
      await db.prisma.auditLog.create({ data: { actor: 'test', action: 'smoke' } });
      await expect(db.prisma.auditLog.updateMany({ data: { actor: 'x' } })).rejects.toThrow(
        /append-only/,
      );
      expect(await db.prisma.auditLog.count()).toBe(1);
    } finally {
      await db.drop();
    }
  });
});
