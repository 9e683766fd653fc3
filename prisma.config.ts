import { defineConfig } from 'prisma/config';

// Prisma 7 reads the database URL here. `generate` needs none; `migrate deploy` (for operators
// who have Prisma's schema engine) uses DATABASE_URL. Switchboard applies the same migrations itself.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL },
});
