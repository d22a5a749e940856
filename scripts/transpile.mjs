/**
 * Transpiles src/ to dist/ with esbuild: one ESM bundle of our code from src/server.ts, with source maps. About 0.2 s
 * for the whole tree. Type checking is not its job (`npm run typecheck`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dist = path.join(root, 'dist');
const src = path.join(root, 'src');

const stamp = path.join(dist, '.transpiled');

async function sourceFiles() {
  return (await readdir(src, { recursive: true }))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join(src, file));
}

/** True when dist/ was made after the last change to any source file (and no file was added or removed since). */
async function isFresh(files) {
  if (!existsSync(stamp)) return false;
  const [made, list] = await Promise.all([stat(stamp), readFile(stamp, 'utf8')]);
  if (list !== files.join('\n')) return false;
  const times = await Promise.all(files.map((file) => stat(file).then((s) => s.mtimeMs)));
  return times.every((time) => time < made.mtimeMs);
}

/** Transpiles when anything changed; returns whether it did. */
export async function transpileIfNeeded() {
  const files = await sourceFiles();
  if (await isFresh(files)) return false;
  await transpile(files);
  return true;
}

/**
 * Inlined into the bundle: drizzle-orm's package.json lists every one of its files in `exports` (180 KB), and Node
 * 22 and 24 read that list again for each of the hundred files of it that the app loads: half a second of every
 * start there (Node 20: a few hundredths). Bundled, Node loads none of them on its own.
 */
const inlinedPackages = new Set(['drizzle-orm']);

function externalPackages() {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies, ...manifest.devDependencies });
  return names.filter((name) => !inlinedPackages.has(name)).flatMap((name) => [name, `${name}/*`]);
}

export async function transpile(files) {
  files ??= await sourceFiles();
  const startedAt = new Date();
  const { build } = await import('esbuild');
  // One bundle of our own code (the packages stay in node_modules), split where the code imports lazily: loading
  // one module instead of some 120 saves about 0.06 s of every start. Files are written over the old ones rather
  // than the folder wiped first, so that a second start running at the same moment never finds dist/ empty; files
  // of an earlier build that this one did not make are removed afterwards.
  const result = await build({
    // The server, and the database thread it starts (pglite-thread.ts), which finds its file beside the bundle.
    entryPoints: [path.join(src, 'server.ts'), path.join(src, 'db', 'pglite-thread.ts')],
    entryNames: '[name]',
    outdir: dist,
    bundle: true,
    splitting: true,
    // Packages stay in node_modules, except those inlined below.
    external: externalPackages(),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: '@kitajs/html',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  await mkdir(dist, { recursive: true });
  const made = new Set(result.outputFiles.map((file) => path.relative(dist, file.path)));
  await Promise.all(result.outputFiles.map((file) => writeFile(file.path, file.contents)));
  for (const file of await readdir(dist, { recursive: true })) {
    if (/\.js(\.map)?$/.test(file) && !made.has(file)) await rm(path.join(dist, file), { force: true });
  }
  await writeFile(stamp, files.join('\n'));
  // Dated to the start of the build, so that a file saved while esbuild ran counts as changed next time.
  await utimes(stamp, startedAt, startedAt);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await transpile();
  console.log(`src/ vertaald naar ${path.relative(process.cwd(), dist) || dist}/`);
}
