import type { PrismaClient } from '../generated/prisma/client';

/** Site ctown with a junction, a tank and a pump. */
export async function seedSite(prisma: PrismaClient): Promise<void> {
  await prisma.site.create({ data: { id: 'ctown', name: 'C-Town' } });
  await prisma.asset.createMany({
    data: [
      { siteId: 'ctown', id: 'J1', type: 'junction', x: 0, y: 0, z: 0 },
      { siteId: 'ctown', id: 'T1', type: 'tank', x: 0, y: 0, z: 0 },
      { siteId: 'ctown', id: 'PU1', type: 'pump', x: 0, y: 0, z: 0 },
    ],
  });
}

/** Polls `check` until it returns true (or fails the test after `ms`). */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  ms = 20_000,
  what = 'condition',
): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
