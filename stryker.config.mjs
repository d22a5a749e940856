/**
 * Mutation testing of the modules that hold rules: `npm run mutation` (not part of `npm test`: it takes minutes).
 * Stryker changes one thing at a time in these files (a mutant) and runs their unit tests (vitest.mutation.config.ts);
 * a mutant no test notices survives. The project asks for a score of 85 % or more on these files; the HTML report is
 * written to reports/mutation/mutation.html. Mutants that cannot be killed because they change nothing observable are
 * marked where they occur with `// Stryker disable next-line <mutator>: <why>`, where such a comment catches no other
 * mutant of the line. The survivors left, and why:
 * - equivalent, a `+` dropped from a pattern whose matches are all removed or whose empty pieces are dropped anyway:
 *   password-policy.ts (split of the local part, split and replace of the name), recovery-codes.ts (normalise),
 *   totp.ts (spaces in the code), kebab-case.ts (leading and trailing hyphen, never more than one by then);
 * - equivalent, a default stated for the reader: secret-token.ts `update(token, 'utf8')`, totp.ts `errorCorrectionLevel: 'M'`;
 * - equivalent, a shortcut: password-hash.ts `if (!storedHash.startsWith('$argon2')) return false` (argon2's verify
 *   answers false, or throws and is caught, for a foreign hash too); fields.ts date `if (isoDate.test(trimmed))` (the Dutch pattern never matches ISO text);
 *   password-policy.ts `trim()` of the name (split and replace drop spaces) and `word !== ''` (an empty word adds
 *   nothing: too short to be a piece, nothing when joined); `line.trim()` of the password list (the shipped file has
 *   no spaces around entries, which its test checks);
 * - not equivalent, left: password-policy.ts `const wholes/pieces = ["Stryker was here"]` (only a password holding that
 *   text tells) and `at > 0` (only an address without "@", or starting with it, tells; accounts have valid addresses).
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
    // The meeting planner: days, public holidays and the rhythm.
    'src/modules/vergadering/planning/kalender.ts',
    'src/modules/vergadering/planning/feestdagen.ts',
    'src/modules/vergadering/planning/jaarplanner.ts',
  ],
  coverageAnalysis: 'perTest',
  // The machine has two cores, shared: one test process at a time.
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
};
