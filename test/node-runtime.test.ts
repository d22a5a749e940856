/**
 * The Node that runs the tests is one we support, and (in CI's Node 24 run, which sets LEA_EXPECT_NODE_MAJOR) the
 * one CI meant: a run that silently fell back to the machine's own Node would prove nothing about Node 24.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';
import { supportedNodeVersions } from '../scripts/check-engines.js';

describe('the Node running the tests', () => {
  it('is allowed by package.json "engines", which allows every supported version', async () => {
    const manifest = JSON.parse(await readFile(path.join(projectRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies(process.versions.node, manifest.engines.node), process.version).toBe(true);
    expect(supportedNodeVersions.filter((version) => !semver.satisfies(version, manifest.engines.node))).toEqual([]);
  });

  const expectedMajor = process.env.LEA_EXPECT_NODE_MAJOR;
  // Only exists when CI asks for a version: not a skipped test in every other run.
  if (expectedMajor) {
    it(`is Node ${expectedMajor}, the major version CI asked for`, () => {
      expect(process.versions.node.split('.')[0]).toBe(expectedMajor);
    });
  }
});
