/**
 * `npm start`: brings dist/ up to date with src/ (esbuild, about 0.2 s, only when a source file changed, so there
 * is never a stale build to forget) and runs the server from plain JavaScript. Loading the TypeScript through tsx
 * instead costs about a second on every start.
 */
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, transpileIfNeeded } from './transpile.mjs';

// Node 22.1 and later keep the compiled code of every module on disk (in the temp folder) for the next start:
// about 0.1 s of a later start. Node 20 has no such cache and starts as before.
module.enableCompileCache?.();
await transpileIfNeeded();
// No source maps at run time: with them on, Node reads the map of every module it loads, the packages' too (about
// 0.05 s of every start). dist/ is readable JavaScript, so a stack trace is too; for traces in terms of src/, start
// with NODE_OPTIONS=--enable-source-maps.
await import(pathToFileURL(path.join(dist, 'server.js')).href);
