import { defineModule } from '../module.js';
import { registerBeheerPages } from './beheer.pages.js';
import { GebruikersService } from './gebruikers.service.js';

/** The beheerder's pages: users and roles, the audit log, the mail outbox. Needs the auth, audit and governance modules. */
export const beheerModule = defineModule('beheer', async (app, context) => {
  const { accounts, sessions, governance, audit, mailers } = app.services;
  app.services.gebruikers = new GebruikersService(context.db, accounts, sessions);
  registerBeheerPages(app, { config: context.config, pages: context.pages, gebruikers: app.services.gebruikers, governance, audit, mailers });
});
