/**
 * `npm start`: transpiles src/ to dist/ (always, so there is no stale build to forget) and runs the server from
 * plain JavaScript. Loading the TypeScript through tsx instead costs about a second on every start.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dist, transpile } from './transpile.mjs';

await transpile();
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(dist, 'server.js')).href);
