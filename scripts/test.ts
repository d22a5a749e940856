/**
 * `npm test`: every check a contributor needs, in one command.
 * 1. static checks: types, lint, the xss scan of the templates, the API Design Rules lint, and that every installed
 *    package supports Node 20.19, 22 and 24 (skipped when LEA_SKIP_STATIC_CHECKS=1, as CI does for its later runs
 *    of the same command);
 * 2. unit and integration tests (Vitest) on PGlite, or on PostgreSQL when DATABASE_URL is set;
 * 3. browser tests in Debian's Chromium with axe, when Chromium is installed (otherwise one line says so), and
 *    not skipped with LEA_SKIP_BROWSER_TESTS=1 (CI's PostgreSQL run: the browser sees the same pages whatever the
 *    engine, and every rule behind them already ran on PostgreSQL in step 2).
 * It ends with one line "test: N passed, N failed" and exits non-zero when anything failed. Vitest runs on the Node
 * that runs this script (CI runs it once more with Node 24's binary); LEA_TEST_LABEL names such a run in that line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../src/config.js';
import { chromiumPath } from '../e2e/helpers/browser.js';

const bin = (name: string) => path.join(projectRoot, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function run(title: string, command: string, args: string[]): boolean {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(title: string, command: string, args: string[]): void {
  if (run(title, command, args)) passed += 1;
  else {
    failed += 1;
    console.log(`✗ ${title} faalde`);
  }
}

async function vitest(title: string, config: string | undefined): Promise<void> {
  const report = path.join(projectRoot, 'tmp', `vitest-${config ? 'e2e' : 'unit'}.json`);
  await rm(report, { force: true });
  const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  if (config) args.push('--config', config);
  // Through process.execPath, not the .bin shim (#!/usr/bin/env node): the tests run on the Node that runs this.
  const ok = run(title, process.execPath, [path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs'), ...args]);
  if (!existsSync(report)) {
    failed += 1;
    console.log(`✗ ${title}: geen resultaten`);
    return;
  }
  const results = JSON.parse(await readFile(report, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that fails before its tests run (an import error, say) counts as a failure too.
  if (!ok && results.numFailedTests === 0) failed += 1;
}

const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
if (process.env.LEA_SKIP_STATIC_CHECKS === '1') {
  console.log('Statische controles overgeslagen (LEA_SKIP_STATIC_CHECKS=1).');
} else {
  check('Typecontrole (tsc)', bin('tsc'), ['--noEmit']);
  check('Lint (eslint)', bin('eslint'), ['.']);
  check('XSS-scan van de templates (@kitajs/ts-html-plugin)', bin('xss-scan'), []);
  check('API Design Rules (Spectral)', process.execPath, ['--import', 'tsx', 'scripts/lint-api.ts']);
  check('Node-versies van alle pakketten (engines)', process.execPath, ['--import', 'tsx', 'scripts/check-engines.ts']);
}

await vitest(`Unit- en integratietests op ${database}, Node ${process.versions.node}`, undefined);

const chromium = chromiumPath();
if (process.env.LEA_SKIP_BROWSER_TESTS === '1') {
  console.log('\nBrowsertests overgeslagen (LEA_SKIP_BROWSER_TESTS=1): de pagina\'s zijn gelijk op elke database; ze draaiden al op PGlite.');
} else if (chromium) {
  await vitest(`Browsertests in Chromium (${chromium}) op ${database}`, 'vitest.e2e.config.ts');
} else {
  console.log('\nBrowsertests overgeslagen: Chromium niet gevonden (installeer het Debian-pakket chromium, of zet CHROMIUM_PATH).');
}

const label = process.env.LEA_TEST_LABEL ? `test (${process.env.LEA_TEST_LABEL})` : 'test';
console.log(`\n${label}: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
