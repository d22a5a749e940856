import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { API_PREFIX, API_VERSION, ApiRegistry } from './api-registry.js';

/** Prepares /api/v1: the API-Version header and the cross-origin headers on every answer, and the registry modules add to. */
export function createApi(app: FastifyInstance): ApiRegistry {
  app.addHook('onSend', async (request, reply) => {
    if (request.url !== API_PREFIX && !request.url.startsWith(`${API_PREFIX}/`)) return;
    reply.header('API-Version', API_VERSION);
    // Reading is public open data: any web page may read it. Writing needs a personal token, never a cookie.
    reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Access-Control-Expose-Headers', 'API-Version, ETag');
    reply.header('Cross-Origin-Resource-Policy', 'cross-origin');
  });
  return new ApiRegistry(app);
}

/** Serves the OpenAPI document of every operation the modules declared; call it after the modules. */
export function registerOpenApiDocument(app: FastifyInstance, api: ApiRegistry, config: Config): void {
  // Written on the first request and kept: turning every zod schema into JSON Schema costs some hundredths of a
  // second that no start should wait for. The routes are all registered by then, so it is the same document.
  let document: string | undefined;
  const build = () =>
    JSON.stringify(
      api.openApiDocument({
        serverUrl: `${config.PUBLIC_URL?.replace(/\/$/, '') ?? ''}${API_PREFIX}`,
        contact: { name: config.API_CONTACT_NAME, email: config.API_CONTACT_EMAIL, url: config.API_CONTACT_URL },
      }),
    );
  app.get(`${API_PREFIX}/openapi.json`, { config: { public: true } }, async (_request, reply) =>
    reply
      .type('application/json; charset=utf-8')
      .header('Cache-Control', 'public, max-age=300')
      .send((document ??= build())),
  );
}
