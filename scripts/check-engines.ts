/**
 * Fails when an installed package says it does not run on a Node version we support. npm only warns about this
 * (EBADENGINE) and installs anyway, so a dependency that dropped Node 20 would slip in unnoticed until it breaks.
 * Each supported line is checked at its first supported release and far into its future.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';
import { projectRoot } from '../src/config.js';

/** The Node versions we promise to run on (README, package.json "engines"): 20.19+, 22.13+, 24+. */
export const supportedNodeVersions = ['20.19.0', '20.999.0', '22.13.0', '22.999.0', '24.0.0', '24.999.0'];

export interface EngineOffender {
  name: string;
  version: string;
  where: string;
  engines: string;
  excludes: string[];
}

interface Manifest {
  name?: string;
  version?: string;
  engines?: unknown;
}

async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** Every package directory under a node_modules folder, nested node_modules and scopes included. */
async function* packageDirs(nodeModules: string): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(nodeModules, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const dir = path.join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) {
      yield* packageDirs(dir);
      continue;
    }
    yield dir;
    yield* packageDirs(path.join(dir, 'node_modules'));
  }
}

/** Which of the supported versions a package's engines.node leaves out (an unreadable range leaves out all). */
export function excludedVersions(range: string, versions: string[] = supportedNodeVersions): string[] {
  if (semver.validRange(range) === null) return versions;
  return versions.filter((version) => !semver.satisfies(version, range));
}

export async function findEngineOffenders(root: string = projectRoot): Promise<{ checked: number; offenders: EngineOffender[] }> {
  const offenders: EngineOffender[] = [];
  let checked = 0;
  const dirs: string[] = [root];
  for await (const dir of packageDirs(path.join(root, 'node_modules'))) dirs.push(dir);
  for (const dir of dirs) {
    const manifest = await readManifest(dir);
    if (!manifest?.name) continue;
    checked += 1;
    const engines = manifest.engines;
    // npm itself only reads an object's "node" field; very old packages wrote an array, which npm ignores.
    if (!engines || typeof engines !== 'object' || Array.isArray(engines)) continue;
    const node = (engines as Record<string, unknown>).node;
    if (typeof node !== 'string') continue;
    const excludes = excludedVersions(node);
    if (excludes.length) {
      offenders.push({ name: manifest.name, version: manifest.version ?? '?', where: path.relative(root, dir) || '.', engines: node, excludes });
    }
  }
  return { checked, offenders };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { checked, offenders } = await findEngineOffenders();
  if (offenders.length === 0) {
    console.log(`engines: ${checked} pakketten, alle geschikt voor Node ${supportedNodeVersions.join(', ')}`);
  } else {
    console.log(`engines: ${offenders.length} van ${checked} pakketten sluiten een ondersteunde Node-versie uit:`);
    for (const o of offenders) {
      console.log(`  ${o.name}@${o.version} (${o.where}) engines.node "${o.engines}" sluit uit: ${o.excludes.join(', ')}`);
    }
    process.exitCode = 1;
  }
}
