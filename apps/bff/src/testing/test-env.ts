/** Configuration of the test and bench harnesses (the app's own is src/env.ts). */

/** The machine's PostgreSQL (FACTS.md), where tests create and drop their databases. */
export const TEST_DATABASE_ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
