import { defineConfig } from 'vitest/config';

// The hub's tests and the console's sync tests again, with every test hub on PostgreSQL (hub-test-kit.ts reads
// NAWA_TEST_HUB_BACKEND). Needs NAWA_TEST_PG_URL, a database the tests may make schemas in; .ci/run starts
// PostgreSQL and sets it. Without it this run says so in one line and runs nothing.
const url = process.env.NAWA_TEST_PG_URL;
if (!url)
  process.stdout.write(
    'PostgreSQL backend run skipped: NAWA_TEST_PG_URL is not set (e.g. postgres://nawa:nawa@127.0.0.1:5432/nawa_test)\n',
  );
export default defineConfig({
  test: {
    include: url
      ? [
          'src/node/hub/**/*.test.ts',
          'src/node/sync/**/*.test.ts',
          'src/node/store/resync.test.ts',
          'src/node/host/host.test.ts',
          'src/node/host/incident-workflow.test.ts',
          'src/node/host/decision-correction.test.ts',
          'src/node/host/decision-trust.test.ts',
        ]
      : [],
    // What does not depend on the backend (SQLite's own files, pure functions), and the PostgreSQL-only tests,
    // which the first run already ran.
    exclude: [
      'src/node/hub/migrations/**',
      'src/node/hub/pg-migrations/**',
      'src/node/hub/sqlite-hub-storage.test.ts',
      'src/node/hub/pg-*.test.ts',
      'src/node/hub/csv-parser.test.ts',
      'src/node/hub/decision-chain.test.ts',
      'src/node/sync/*.property.test.ts',
      'src/node/sync/sse-reader.test.ts',
      'src/node/sync/connection-state.test.ts',
    ],
    passWithNoTests: !url,
    env: { NAWA_TEST_HUB_BACKEND: 'postgres' },
    globalSetup: url ? ['src/node/hub/pg-test-setup.ts'] : [],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
