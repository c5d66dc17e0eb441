import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'main/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The PostgreSQL tests (they skip, saying so, without NAWA_TEST_PG_URL) leave no schema behind.
    globalSetup: process.env.NAWA_TEST_PG_URL ? ['src/node/hub/pg-test-setup.ts'] : [],
  },
});
