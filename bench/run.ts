/**
 * `npm run bench`: start-up times, and throughput, latency and memory of the start page, an actielijn page
 * and /api/v1/actielijnen, on PGlite and on PostgreSQL (when a server answers), each next to two ceilings
 * measured in the same run by the same server: a bare "hello" route and the page's own bytes from memory.
 * Load comes from autocannon in this process; the server runs in a child process. Loopback only, fixed
 * duration and connections, so the run always ends by itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { projectRoot } from '../src/config.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = 3900;
const postgresUrl = process.env.DATABASE_URL ?? process.env.LEA_CI_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const targets = [
  { name: 'startpagina', path: '/' },
  { name: 'actielijn', path: '/actielijnen/3' },
  { name: 'api actielijnen', path: '/api/v1/actielijnen' },
];

interface Row {
  engine: string;
  name: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  rssMb: number;
  ceiling?: number;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024);
}

/** The bench server (with ceiling routes) by default; `npm start`'s own entry for the start-up measurement. */
function startServer(env: Record<string, string>, args = ['--import', 'tsx', 'bench/server.ts']): ChildProcess {
  return spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(PORT), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return performance.now() - started;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function load(url: string) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

async function measureEngine(engine: string, env: Record<string, string>): Promise<Row[]> {
  const child = startServer({ ...env, BENCH_CAPTURE: targets.map((t) => t.path).join(',') });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/_bench/hello`, child);
    const rows: Row[] = [];
    // Warm up JIT and caches so the first measurement is not penalised.
    await autocannon({ url: `${base}/`, connections: CONNECTIONS, duration: 2 });
    const hello = await load(`${base}/_bench/hello`);
    rows.push({ engine, name: 'plafond: hello', bytes: 5, ...hello, rssMb: rssMb(child.pid!) });
    for (const target of targets) {
      const bytes = (await (await fetch(base + target.path)).arrayBuffer()).byteLength;
      const ceiling = await load(`${base}/_bench/bytes?of=${encodeURIComponent(target.path)}`);
      rows.push({ engine, name: `plafond: bytes van ${target.name}`, bytes, ...ceiling, rssMb: rssMb(child.pid!) });
      const measured = await load(base + target.path);
      rows.push({ engine, name: target.name, bytes, ...measured, rssMb: rssMb(child.pid!), ceiling: ceiling.rps });
    }
    return rows;
  } finally {
    await stopServer(child);
  }
}

async function measureStartup(): Promise<{ first: number; later: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lea-bench-start-'));
  try {
    const url = `http://127.0.0.1:${PORT}/`;
    const spawnedAt = () => performance.now();
    let t0 = spawnedAt();
    let child = startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, ['scripts/start.mjs']);
    await waitFor(url, child);
    const first = performance.now() - t0;
    await stopServer(child);
    t0 = spawnedAt();
    child = startServer({ DATA_DIR: dataDir, DATABASE_URL: '' }, ['scripts/start.mjs']);
    await waitFor(url, child);
    const later = performance.now() - t0;
    await stopServer(child);
    return { first: Math.round(first), later: Math.round(later) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function pad(value: string | number, width: number, right = false): string {
  const text = String(value);
  return right ? text.padEnd(width) : text.padStart(width);
}

console.log(`LEA-platform benchmark: ${DURATION_S} s per meting, ${CONNECTIONS} verbindingen, ${os.cpus().length} cores, Node ${process.version}`);
const startup = await measureStartup();
console.log(`Opstarttijd van npm start tot eerste pagina (PGlite): eerste start ${startup.first} ms, volgende start ${startup.later} ms`);

const rows: Row[] = [];
const pgliteDir = await mkdtemp(path.join(os.tmpdir(), 'lea-bench-'));
try {
  rows.push(...(await measureEngine('PGlite', { DATA_DIR: pgliteDir, DATABASE_URL: '' })));
} finally {
  await rm(pgliteDir, { recursive: true, force: true });
}

if (await postgresAvailable()) {
  const name = `lea_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    rows.push(...(await measureEngine('PostgreSQL', { DATABASE_URL: url.toString() })));
  } finally {
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
} else {
  console.log(`PostgreSQL niet bereikbaar op ${postgresUrl.replace(/:[^:@/]+@/, ':***@')}: alleen PGlite gemeten.`);
}

console.log(
  `\n${pad('database', 11, true)}${pad('meting', 34, true)}${pad('bytes', 8)}${pad('req/s', 9)}${pad('p50 ms', 8)}${pad('p99 ms', 8)}${pad('RSS MB', 8)}${pad('t.o.v. plafond', 16)}`,
);
for (const row of rows) {
  const ratio = row.ceiling ? `${Math.round((row.rps / row.ceiling) * 100)}%` : '';
  console.log(
    `${pad(row.engine, 11, true)}${pad(row.name, 34, true)}${pad(row.bytes, 8)}${pad(row.rps, 9)}${pad(row.p50, 8)}${pad(row.p99, 8)}${pad(row.rssMb, 8)}${pad(ratio, 16)}`,
  );
}
