import { defineConfig } from 'vitest/config';

// Fault tests (e2e/faults): kill -9 of the console host and of the hub, a misbehaving proxy, console clocks
// hours off. Short form in `npm test`; NAWA_FAULTS=long (`npm run test:faults`) runs the long form.
// One file at a time: they kill processes, own ports and measure how fast things converge.
const long = process.env.NAWA_FAULTS === 'long';
export default defineConfig({
  test: {
    // The property test of the sync rules runs in `npm test` (unit); its long form (2,000 runs) runs here.
    include: long ? ['e2e/faults/**/*.fault.ts', 'src/**/*.property.test.ts'] : ['e2e/faults/**/*.fault.ts'],
    environment: 'node',
    testTimeout: long ? 3_600_000 : 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // pg-hubs-kill.fault.ts makes a schema in NAWA_TEST_PG_URL; the run drops it at its end.
    globalSetup: process.env.NAWA_TEST_PG_URL ? ['src/node/hub/pg-test-setup.ts'] : [],
  },
});
