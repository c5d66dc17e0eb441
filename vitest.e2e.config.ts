import { defineConfig } from 'vitest/config';

// End-to-end: real hub, real `nawa serve`, Debian's Chromium driven by Playwright. One file at a time: they own ports and browsers.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
