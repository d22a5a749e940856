import { defineConfig } from 'vitest/config';

/**
 * The unit tests of the modules that hold rules, for mutation testing (`npm run mutation`, stryker.config.mjs).
 * Only fast tests without a database: Stryker runs them again for every mutant. The full suite is vitest.config.ts.
 */
const mutationTestFiles = [
  'src/modules/auth/security/*.test.ts',
  'src/modules/auth/permissions.test.ts',
  'src/modules/governance/gremium-scope.test.ts',
  'src/records/fields.test.ts',
  'src/records/kebab-case.test.ts',
  'src/lib/join-dutch.test.ts',
  'src/modules/vergadering/planning/*.test.ts',
];

export default defineConfig({
  test: {
    include: mutationTestFiles,
    testTimeout: 30_000,
  },
});
