/**
 * Mutation testing of the modules that hold rules: `npm run mutation` (not part of `npm test`: it takes minutes).
 * Stryker changes one thing at a time in these files (a mutant) and runs their unit tests (vitest.mutation.config.ts);
 * a mutant no test notices survives. The project asks for a score of 85 % or more on these files; the HTML report is
 * written to reports/mutation/mutation.html. Mutants that cannot be killed because they change nothing observable are
 * marked where they occur with `// Stryker disable next-line <mutator>: <why>`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    // The security helpers.
    'src/modules/auth/security/password-policy.ts',
    'src/modules/auth/security/password-hash.ts',
    'src/modules/auth/security/totp.ts',
    'src/modules/auth/security/recovery-codes.ts',
    'src/modules/auth/security/secret-token.ts',
    // The permission table and its check.
    'src/modules/auth/permissions.ts',
    'src/modules/governance/gremium-scope.ts',
    // The record-kind field rules and their pure helpers.
    'src/records/fields.ts',
    'src/records/kebab-case.ts',
    'src/lib/join-dutch.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine has two cores, shared: one test process at a time.
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
};
