import { registerRecordKinds } from '../../records/record-registry.js';
import { defineModule } from '../module.js';
import { registerAgendaApi } from './agenda.api.js';
import { actielijnKind, ambitieKind, betrokkeneKind, focusdoelKind, oabAfspraakKind, uitvoeringsagendaKind } from './agenda.kinds.js';
import { registerAgendaPages } from './agenda.pages.js';
import { AgendaService } from './agenda.service.js';
import { registerOabJaarPages } from './oab-jaar.pages.js';

/** The agenda: the uitvoeringsagenda with its ambities, actielijnen, focusdoelen and betrokkenen, and the OAB-afspraken. */
export const agendaModule = defineModule('agenda', async (app, context) => {
  app.services.agenda = new AgendaService(context.db);
  registerAgendaPages(app, context);
  registerOabJaarPages(app, context);
  registerAgendaApi(context.api, app.services.agenda);
  registerRecordKinds(app, context, [uitvoeringsagendaKind, ambitieKind, actielijnKind, focusdoelKind, betrokkeneKind, oabAfspraakKind]);
});
