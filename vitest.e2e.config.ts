import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts', 'e2e/helpers/vnu-service.ts'],
    setupFiles: ['e2e/helpers/validate-visited-pages.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
