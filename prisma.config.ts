// Prisma CLI configuration (Prisma 7). The app itself does not read this file: apps/bff
// connects through a driver adapter chosen by its env module.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/twinhelm' },
});
