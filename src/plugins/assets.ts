import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
  /** Filled in shortly after start: the best brotli takes about a second, too long to wait for. */
  brotli: Buffer | undefined;
}

const brotli = promisify(brotliCompress);

/**
 * Builds the one stylesheet (NL Design System components, their tokens, our own rules) once at start-up,
 * names it by its content hash so browsers may keep it forever, and compresses it ahead of time.
 */
export async function buildStylesheet(): Promise<Stylesheet> {
  const parts = await Promise.all(stylesheetSources.map((file) => readFile(path.join(projectRoot, file), 'utf8')));
  const css = parts
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\n\s*\n/g, '\n');
  const identity = Buffer.from(css);
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
  const stylesheet: Stylesheet = { href: `/assets/lea-${hash}.css`, identity, gzip: gzipSync(identity, { level: 9 }), brotli: undefined };
  // Runs in libuv's thread pool; until it is done, clients get the gzip version.
  brotli(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } })
    .then((compressed) => {
      stylesheet.brotli = compressed;
    })
    .catch(() => undefined);
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
