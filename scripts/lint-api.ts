/**
 * Checks the published OpenAPI document against the Dutch API Design Rules (Spectral ruleset in
 * shared/standards, or a copy of it in standards/ when shared/ is not beside the repository).
 * The document is taken from the running app, exactly as clients get it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig, projectRoot } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';

const candidates = [
  path.join(projectRoot, '..', 'shared', 'standards', 'api-design-rules.spectral.yaml'),
  path.join(projectRoot, 'standards', 'api-design-rules.spectral.yaml'),
];
const ruleset = candidates.find((file) => existsSync(file));
if (!ruleset) {
  console.error('ADR-lint: geen ruleset gevonden in', candidates.join(' of '));
  process.exit(1);
}

const database = await openDatabase({ engine: 'pglite', memory: true });
const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), database);
const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
await app.close();
await database.close();

const outDir = path.join(projectRoot, 'tmp');
await mkdir(outDir, { recursive: true });
const file = path.join(outDir, 'openapi.json');
await writeFile(file, response.body);

const spectral = path.join(projectRoot, 'node_modules', '.bin', 'spectral');
const result = spawnSync(spectral, ['lint', '--fail-severity=error', '-r', ruleset, file], { stdio: 'inherit' });
process.exit(result.status ?? 1);
