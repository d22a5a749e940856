/**
 * The real server as a separate process: it starts on an empty folder with the demo data, keeps what it
 * acknowledged through a kill -9, refuses a second process on the same folder, and stops cleanly on SIGTERM, also
 * one that comes while it is still starting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config.js';

const usesPostgres = Boolean(process.env.DATABASE_URL);
if (usesPostgres) console.log('server-process tests: run on PGlite only; PostgreSQL keeps its own durability promises.');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Running {
  let output = '';
  // Exactly what `npm start` runs.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitUntilReady(port: number, running: Running, timeoutMs = 45_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (running.child.exitCode !== null) throw new Error(`server exited early:\n${running.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready in time:\n${running.output()}`);
}

describe.runIf(!usesPostgres)('the server process on PGlite', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'lea-server-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an empty folder with the demo data, and keeps it through kill -9 without loading it twice', async () => {
    const port = await freePort();
    const first = startServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitUntilReady(port, first);
    const before = (await (await fetch(`http://127.0.0.1:${port}/api/v1/actielijnen`)).json()) as { id: string }[];
    expect(before).toHaveLength(6);
    expect(first.output()).toContain('demo data loaded');

    first.child.kill('SIGKILL');
    await first.exited;

    const second = startServer({ PORT: String(port), DATA_DIR: dataDir });
    await waitUntilReady(port, second);
    const after = (await (await fetch(`http://127.0.0.1:${port}/api/v1/actielijnen`)).json()) as { id: string }[];
    expect(after.map((al) => al.id)).toEqual(before.map((al) => al.id));
    expect(second.output()).not.toContain('demo data loaded');

    // A second process on the same folder would corrupt it: it must refuse, with a clear message.
    const intruder = startServer({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toContain('is al in gebruik door proces');

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pglite', 'lea-platform.lock'))).toBe(false);
  }, 120_000);

  it('acts on a SIGTERM that comes while it is still starting only once the start is done, and stops cleanly', async () => {
    const freshDir = await mkdtemp(path.join(os.tmpdir(), 'lea-server-early-'));
    try {
      const port = await freePort();
      const first = startServer({ PORT: String(port), DATA_DIR: freshDir });
      // The demo data is in, the first beheerder (an argon2 hash) and listening are still to come.
      const until = Date.now() + 45_000;
      while (!first.output().includes('demo data loaded') && first.child.exitCode === null && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(first.output()).toContain('demo data loaded');
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain('"signal":"SIGTERM"');
      expect(existsSync(path.join(freshDir, 'pglite', 'lea-platform.lock'))).toBe(false);

      const second = startServer({ PORT: String(port), DATA_DIR: freshDir });
      await waitUntilReady(port, second);
      expect(second.output()).not.toContain('demo data loaded');
      expect((await (await fetch(`http://127.0.0.1:${port}/api/v1/actielijnen`)).json()) as unknown[]).toHaveLength(6);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await rm(freshDir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start on invalid configuration, naming the variable', async () => {
    const running = startServer({ PORT: 'geen-getal', DATA_DIR: dataDir });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain('Ongeldige configuratie');
    expect(running.output()).toContain('PORT');
  });
});
