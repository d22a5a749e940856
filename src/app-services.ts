/**
 * The services of the app, shared by every module through `app.services`. Each module adds its own with a
 * declaration of its own (`declare module '…/app-services.js'`), so this interface grows with the modules and app.ts
 * does not have to know them.
 */
import type { MailerPool } from './lib/mail/mailer-pool.js';
import type { GemeenteService } from './modules/gemeente/gemeente.service.js';
import type { SessionService } from './modules/auth/session.service.js';

export interface AppServices {
  gemeenten: GemeenteService;
  sessions: SessionService;
  mailers: MailerPool;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
}
