import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Electron's binary cannot be downloaded everywhere; main and preload are tested against a fake.
    alias: { electron: fileURLToPath(new URL('./test/electron/fakeElectron.ts', import.meta.url)) },
  },
  test: {
    include: ['test/{shared,renderer,electron,cli,interop}/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    // Above the 15 s that Testing Library's waits are given in test/setup.ts, so a slow wait
    // reports what it waited for rather than a bare timeout; generous, as the suite must pass on
    // a loaded two-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
