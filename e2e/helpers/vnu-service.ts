/**
 * Global set-up of the browser tests: starts the W3C Nu HTML Checker (vnu.jar from the vnu-jar package) as a web
 * service on 127.0.0.1, once for the whole run, and gives its address to the tests (inject('vnuUrl')). Starting
 * Java per page would cost seconds each; the service checks a page in milliseconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from '../../src/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    vnuUrl: string;
  }
}

export const vnuJar = path.join(projectRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startVnu(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const java = process.env.JAVA ?? 'java';
  const child: ChildProcess = spawn(
    java,
    // A bigger thread stack, as vnu's documentation advises against StackOverflowError on deep documents; a capped
    // heap and one GC thread, because it shares a small machine with Chromium and the app (pages here are small).
    [
      '-Xss2m',
      '-Xmx512m',
      '-XX:+UseSerialGC',
      '-Dnu.validator.servlet.bind-address=127.0.0.1',
      '-cp',
      vnuJar,
      'nu.validator.servlet.Main',
      String(port),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'ENOENT' ? `Java niet gevonden ("${java}"): installeer het Debian-pakket default-jre-headless` : error.message),
    );
    child.once('exit', (code) => resolve(`vnu stopte met code ${code}: ${stderr}`));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    const failure = await Promise.race([exited, new Promise<undefined>((resolve) => setTimeout(resolve, 200))]);
    if (failure !== undefined) throw new Error(`De HTML-controle (vnu) start niet. ${failure}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`De HTML-controle (vnu) antwoordde niet binnen 90 s op ${url}. ${stderr}`);
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const vnu = await startVnu();
  project.provide('vnuUrl', vnu.url);
  return vnu.stop;
}
