/**
 * Set-up file of the browser tests: after every test (and after a file's last hook), every page the browser loaded
 * in it must be valid HTML. The check helpers already validate what was visited before them; this catches the pages
 * in between (form posts, redirects' targets, pages a test only clicks through).
 */
import { afterAll, afterEach } from 'vitest';
import { expectVisitedPagesValid, validationSummary } from './html-validation.js';

afterEach(() => expectVisitedPagesValid());
afterAll(async () => {
  await expectVisitedPagesValid();
  console.log(validationSummary());
});
