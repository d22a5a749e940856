import { defineModule } from '../module.js';

/** Liveness (the process answers) and readiness (it can reach its database), for load balancers. */
export const healthModule = defineModule('health', async (app, { database }) => {
  app.get('/health/live', { config: { public: true } }, async (_request, reply) =>
    reply.header('Cache-Control', 'no-store').send({ status: 'ok' }),
  );
  app.get('/health/ready', { config: { public: true } }, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    try {
      await database.ping();
      return reply.send({ status: 'ok', database: database.engine });
    } catch (error) {
      request.log.warn({ err: error }, 'database not ready');
      return reply.code(503).send({ status: 'unavailable', database: database.engine });
    }
  });
});
