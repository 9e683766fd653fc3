import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql 16 has no exports map: without this alias Vite loads its .mjs copy next to the .js
  // one the server code loads, and the schema fails with "another module or realm".
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Test files mostly wait (on processes, PostgreSQL, timers): two per core keep the cores busy
    // (at one per core the suite used about a third of the CPU); at most 8, for the test server's connections.
    maxWorkers: Math.min(availableParallelism() * 2, 8),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
