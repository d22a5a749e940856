import { defineModule } from '../module.js';
import { AuditService } from './audit.service.js';

/** The audit log: every change and security event, read by the beheerder and under each edit form. */
export const auditModule = defineModule('audit', async (app, context) => {
  app.services.audit = new AuditService(context.db);
});
