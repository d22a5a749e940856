import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzipSync, constants as zlib } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../config.js';

/** Only the NL Design System components the pages use, so the stylesheet stays small. */
const components = [
  'root',
  'body',
  'page',
  'skip-link',
  'breadcrumb-nav',
  'heading-1',
  'heading-2',
  'heading-3',
  'paragraph',
  'link',
  'unordered-list',
  'ordered-list',
  'table',
  'form-field',
  'form-label',
  'form-field-description',
  'form-field-error-message',
  'form-fieldset',
  'textbox',
  'textarea',
  'select',
  'checkbox',
  'button',
  'alert',
];

const stylesheetSources = [
  'node_modules/@utrecht/design-tokens/dist/theme.css',
  ...components.map((name) => `node_modules/@utrecht/${name}-css/dist/index.min.css`),
  'src/assets/lea.css',
];

export interface Stylesheet {
  href: string;
  identity: Buffer;
  gzip: Buffer;
  /** Absent on the very first start until it is made: the best brotli takes a quarter of a second of CPU. */
  brotli: Buffer | undefined;
}

/**
 * Compressed forms of earlier builds, named by the stylesheet's content hash, so a later start reads them instead
 * of compressing again. Brotli at its best setting costs a core for a quarter of a second, which at start-up is
 * time taken from opening the database. Anything can be deleted here; it is made again.
 */
export const stylesheetCacheDir = path.join(projectRoot, 'node_modules', '.cache', 'lea-platform');

const brotli = promisify(brotliCompress);

function readCached(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside its place and renamed, so a start running at the same moment never reads half a file. */
async function writeCached(file: string, contents: Buffer): Promise<void> {
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(partial, contents);
  await rename(partial, file);
}

/**
 * Builds the one stylesheet (NL Design System components, their tokens, our own rules) once at start-up,
 * names it by its content hash so browsers may keep it forever, and compresses it ahead of time. The files are
 * read synchronously: some thirty small files, read once, before the server listens.
 */
export function buildStylesheet(cacheDir = stylesheetCacheDir): Stylesheet {
  const css = stylesheetSources
    .map((file) => readFileSync(path.join(projectRoot, file), 'utf8'))
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\n\s*\n/g, '\n');
  const identity = Buffer.from(css);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
  const cached = path.join(cacheDir, `lea-${hash}.css`);
  const gzip = readCached(`${cached}.gz`) ?? gzipSync(identity, { level: 9 });
  const stylesheet: Stylesheet = { href: `/assets/lea-${hash}.css`, identity, gzip, brotli: readCached(`${cached}.br`) };
  if (!stylesheet.brotli) {
    // Runs in libuv's thread pool; until it is done, clients get the gzip version. A cache that cannot be written
    // (a read-only install) only means compressing again next start.
    brotli(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
      .then(async (compressed) => {
        stylesheet.brotli = compressed;
        await writeCached(`${cached}.gz`, gzip);
        await writeCached(`${cached}.br`, compressed);
      })
      .catch(() => undefined);
  }
  return stylesheet;
}

export function registerAssets(app: FastifyInstance, stylesheet: Stylesheet): void {
  app.get(stylesheet.href, { config: { public: true } }, async (request, reply) => {
    const accepted = String(request.headers['accept-encoding'] ?? '');
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .header('Vary', 'Accept-Encoding');
    if (stylesheet.brotli && /\bbr\b/.test(accepted)) return reply.header('Content-Encoding', 'br').send(stylesheet.brotli);
    if (/\bgzip\b/.test(accepted)) return reply.header('Content-Encoding', 'gzip').send(stylesheet.gzip);
    return reply.send(stylesheet.identity);
  });
}
