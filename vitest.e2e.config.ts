import { defineConfig } from 'vitest/config';

// Browser tests: Debian's Chromium, driven by playwright-core, against the built renderer (dist/).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/serveDist.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits 1 s by default: too short for a page on a loaded machine.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: false,
  },
});
