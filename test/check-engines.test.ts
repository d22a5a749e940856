import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { excludedVersions, findEngineOffenders } from '../scripts/check-engines.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function project(packages: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lea-engines-'));
  dirs.push(root);
  await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'root', version: '1.0.0', engines: { node: '>=20.19' } }));
  for (const [where, manifest] of Object.entries(packages)) {
    await mkdir(path.join(root, where), { recursive: true });
    await writeFile(path.join(root, where, 'package.json'), JSON.stringify(manifest));
  }
  return root;
}

describe('the engines check', () => {
  it('names every installed package, nested and scoped ones too, whose engines.node leaves out a supported Node', async () => {
    const root = await project({
      'node_modules/ok': { name: 'ok', version: '1.0.0', engines: { node: '>=18' } },
      'node_modules/no-engines': { name: 'no-engines', version: '1.0.0' },
      'node_modules/old-style': { name: 'old-style', version: '1.0.0', engines: ['node >= 0.4'] },
      'node_modules/new-only': { name: 'new-only', version: '2.0.2', engines: { node: '>=22' } },
      'node_modules/ok/node_modules/nested': { name: 'nested', version: '1.0.0', engines: { node: '^20.19.0 || ^22.13.0' } },
      'node_modules/@scope/early22': { name: '@scope/early22', version: '1.0.0', engines: { node: '^20.19.0 || ^22.14.0 || >=24' } },
    });
    const { checked, offenders } = await findEngineOffenders(root);
    expect(checked).toBe(7);
    const found = offenders.map((o) => `${o.name}@${o.version} ${o.where}: ${o.excludes.join(',')}`).sort();
    expect(found).toEqual([
      `@scope/early22@1.0.0 ${path.join('node_modules', '@scope', 'early22')}: 22.13.0`,
      `nested@1.0.0 ${path.join('node_modules', 'ok', 'node_modules', 'nested')}: 24.0.0,24.999.0`,
      `new-only@2.0.2 ${path.join('node_modules', 'new-only')}: 20.19.0,20.999.0`,
    ]);
  });

  it('counts an unreadable range as leaving out every supported version', () => {
    expect(excludedVersions('not a range', ['20.19.0', '24.0.0'])).toEqual(['20.19.0', '24.0.0']);
    expect(excludedVersions('>=20.19', ['20.19.0', '24.0.0'])).toEqual([]);
  });
});
