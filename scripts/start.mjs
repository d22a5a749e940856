/**
 * `npm start`: brings dist/ up to date with src/ (esbuild, about 0.2 s, only when a source file changed, so there
 * is never a stale build to forget) and runs the server from plain JavaScript. Loading the TypeScript through tsx
 * instead costs about a second on every start.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, transpileIfNeeded } from './transpile.mjs';

await transpileIfNeeded();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(dist, 'server.js')).href);
