import { registerRecordKinds } from '../../records/record-registry.js';
import { defineModule } from '../module.js';
import { registerGovernanceApi } from './governance.api.js';
import { gremiumKind, gremiumRelatieKind, lidmaatschapKind, organisatieKind, persoonKind } from './governance.kinds.js';
import { registerGovernancePages } from './governance.pages.js';
import { GovernanceService } from './governance.service.js';

/** The governance: organisaties, personen, gremia, who sits where and how the gremia hang together. */
export const governanceModule = defineModule('governance', async (app, context) => {
  app.services.governance = new GovernanceService(context.db);
  registerGovernancePages(app, context);
  registerGovernanceApi(context.api, app.services.governance);
  registerRecordKinds(app, context, [organisatieKind, persoonKind, gremiumKind, lidmaatschapKind, gremiumRelatieKind]);
});
