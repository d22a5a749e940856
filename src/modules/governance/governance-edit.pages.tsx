import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sectorEnum, type LidmaatschapRol, type Sector } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError } from '../../lib/errors.js';
import { formValues, validateForm } from '../../lib/forms.js';
import { actorOf } from '../../plugins/auth.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import type { AuditService } from '../audit/audit.service.js';
import { heeftPermissie } from '../auth/permissions.js';
import type { GremiumRow, OrganisatieRow, PersoonRow } from './governance-edit.repository.js';
import {
  gremiumEditSchema,
  gremiumEigenTafelSchema,
  gremiumFormSchema,
  lidmaatschapEditSchema,
  lidmaatschapFormSchema,
  namensValue,
  organisatieEditSchema,
  organisatieFormSchema,
  persoonEditSchema,
  persoonFormSchema,
} from './governance-edit.schemas.js';
import { InUseError, sectorLabel, type GovernanceEditService, type GremiumScope, type LidmaatschapEditable } from './governance-edit.service.js';
import type { Governance, GovernanceService, Namens } from './governance.service.js';
import {
  GovernanceOverviewPage,
  GremiumEditPage,
  LidmaatschapEditPage,
  OrganisatieEditPage,
  OVERZICHT,
  PersoonEditPage,
  type ConflictField,
} from './views/governance-edit-pages.js';
import { describeNamens } from './views/namens.js';

const bewerken = { config: { permission: 'governance.bewerken' as const } };
/** The gremium form: the procesmanager for every gremium, a voorzitter for their own tafel (the service checks which). */
const eigenTafel = { config: { permission: 'gremium.eigen-tafel' as const } };

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

function melding(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, string>).melding;
  return value === 'opgeslagen' ? t('form.opgeslagen') : value === 'gearchiveerd' ? t('governance.gearchiveerd') : undefined;
}

/** The version the archive button carried; anything unreadable never matches a stored one. */
function postedVersie(body: unknown): number {
  const parsed = z.coerce.number().int().positive().safeParse(formValues(body, ['versie']).versie);
  return parsed.success ? parsed.data : -1;
}

/** Why an archive was refused, for the message under the button; undefined for any other error. */
function archiveRefusal(error: unknown): string | undefined {
  if (error instanceof ConflictError) return t('governance.conflict.archiveren');
  if (error instanceof InUseError) return error.detail;
  return undefined;
}

/** A field error from the service (a choice that no longer exists, a member twice) as the form shows it. */
function withFieldError(error: unknown, values: Record<string, string>): FormState | undefined {
  return error instanceof FieldError ? { values, errors: { [error.field]: error.detail } } : undefined;
}

const text = (value: string | null | undefined) => value ?? '';
const isSector = (value: string): value is Sector => (sectorEnum.enumValues as readonly string[]).includes(value);

const organisatieForm = (row: OrganisatieRow) => emptyForm({ versie: String(row.versie), naam: row.naam, sectoren: row.sectoren.join(',') });
const persoonForm = (row: PersoonRow) =>
  emptyForm({ versie: String(row.versie), naam: row.naam, functie: text(row.functie), email: text(row.email), organisatieId: text(row.organisatieId) });
function gremiumForm(row: GremiumRow, scope: GremiumScope): FormState {
  const eigen = { versie: String(row.versie), omschrijving: text(row.omschrijving), vergaderfrequentie: text(row.vergaderfrequentie) };
  if (scope === 'eigen-tafel') return emptyForm(eigen);
  return emptyForm({ ...eigen, naam: row.naam, type: row.type, opdracht: text(row.opdracht), mandaat: text(row.mandaat) });
}
const lidmaatschapForm = (lid: LidmaatschapEditable) => emptyForm({ versie: String(lid.versie), rol: lid.rol, namens: lid.namens.map(namensValue).join(',') });

/** The edit forms of the governance: organisaties, personen, gremia and their lidmaatschappen, and an overview. */
export function registerGovernanceEditPages(
  app: FastifyInstance,
  deps: { pages: PageCache; governance: GovernanceService; governanceEdit: GovernanceEditService; audit: AuditService },
): void {
  const edit = deps.governanceEdit;
  const history = (request: FastifyRequest, id: string | undefined) =>
    id && heeftPermissie(request.user?.rollen, 'historie.lezen') ? deps.audit.history(request.gemeente.id, id) : Promise.resolve(undefined);
  const governanceOf = (request: FastifyRequest) => deps.governance.get(request.gemeente);
  const organisatieNaam = (governance: Governance, id: string | null | undefined) => governance.organisaties.find((o) => o.id === id)?.naam ?? '';

  app.get(OVERZICHT, bewerken, async (request, reply) => {
    const [governance, emails] = await Promise.all([governanceOf(request), edit.contactgegevens(request.gemeente.id)]);
    return deps.pages.private(request, reply, (ctx) => <GovernanceOverviewPage ctx={ctx} governance={governance} emails={emails} notice={melding(request)} />);
  });

  // --- Organisaties ------------------------------------------------------------------------------------------------

  const organisatieNames = ['versie', 'naam', 'sectoren'] as const;

  const showOrganisatie = async (
    request: FastifyRequest,
    reply: FastifyReply,
    row: OrganisatieRow | undefined,
    form: FormState,
    status = 200,
    conflict?: ConflictField[],
  ) => {
    const regels = await history(request, row?.id);
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <OrganisatieEditPage
          ctx={ctx}
          id={row?.id}
          naam={row?.naam ?? ''}
          code={row?.code}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  app.get('/organisaties/nieuw', bewerken, (request, reply) => showOrganisatie(request, reply, undefined, emptyForm()));

  app.post('/organisaties/nieuw', bewerken, async (request, reply) => {
    const values = formValues(request.body, organisatieNames);
    const checked = validateForm(organisatieFormSchema, values);
    if (!checked.ok) return showOrganisatie(request, reply, undefined, checked.form, 400);
    try {
      const row = await edit.createOrganisatie(request.gemeente.id, checked.data, actorOf(request));
      return reply.redirect(`/organisaties/${row.id}/bewerken?melding=opgeslagen`, 303);
    } catch (error) {
      const form = withFieldError(error, values);
      if (!form) throw error;
      return showOrganisatie(request, reply, undefined, form, 400);
    }
  });

  app.get('/organisaties/:id/bewerken', bewerken, async (request: IdRequest, reply) => {
    const row = await edit.getOrganisatie(request.gemeente.id, request.params.id);
    return showOrganisatie(request, reply, row, organisatieForm(row));
  });

  app.post('/organisaties/:id/bewerken', bewerken, async (request: IdRequest, reply) => {
    const row = await edit.getOrganisatie(request.gemeente.id, request.params.id);
    const values = formValues(request.body, organisatieNames);
    const checked = validateForm(organisatieEditSchema, values);
    if (!checked.ok) return showOrganisatie(request, reply, row, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await edit.updateOrganisatie(request.gemeente.id, row.id, versie, input, actorOf(request));
    } catch (error) {
      const form = withFieldError(error, values);
      if (form) return showOrganisatie(request, reply, row, form, 400);
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as { naam: string; sectoren: Sector[]; versie: number };
      const sectoren = (list: string[]) => list.filter(isSector).map(sectorLabel).join(', ');
      const conflict: ConflictField[] = [
        { label: t('governance.organisatie.veldNaam'), stored: current.naam, typed: values.naam ?? '' },
        { label: t('governance.organisatie.veldSectoren'), stored: sectoren(current.sectoren), typed: sectoren((values.sectoren ?? '').split(',').filter(Boolean)) },
      ];
      // The form keeps everything the user typed, now on top of the stored version: saving again is a deliberate choice.
      return showOrganisatie(request, reply, row, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/organisaties/${row.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.post('/organisaties/:id/archiveren', bewerken, async (request: IdRequest, reply) => {
    const row = await edit.getOrganisatie(request.gemeente.id, request.params.id);
    try {
      await edit.archiveOrganisatie(request.gemeente.id, row.id, postedVersie(request.body), actorOf(request));
    } catch (error) {
      const refusal = archiveRefusal(error);
      if (!refusal) throw error;
      const fresh = await edit.getOrganisatie(request.gemeente.id, row.id);
      const form = organisatieForm(fresh);
      form.errors.archiveren = refusal;
      return showOrganisatie(request, reply, fresh, form, 409);
    }
    return reply.redirect(`${OVERZICHT}?melding=gearchiveerd`, 303);
  });

  // --- Personen ----------------------------------------------------------------------------------------------------

  const persoonNames = ['versie', 'naam', 'functie', 'email', 'organisatieId'] as const;

  const showPersoon = async (request: FastifyRequest, reply: FastifyReply, row: PersoonRow | undefined, form: FormState, status = 200, conflict?: ConflictField[]) => {
    const [regels, governance] = await Promise.all([history(request, row?.id), governanceOf(request)]);
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <PersoonEditPage
          ctx={ctx}
          id={row?.id}
          naam={row?.naam ?? ''}
          code={row?.code}
          organisaties={governance.organisaties}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  app.get('/personen/nieuw', bewerken, (request, reply) => showPersoon(request, reply, undefined, emptyForm()));

  app.post('/personen/nieuw', bewerken, async (request, reply) => {
    const values = formValues(request.body, persoonNames);
    const checked = validateForm(persoonFormSchema, values);
    if (!checked.ok) return showPersoon(request, reply, undefined, checked.form, 400);
    try {
      const row = await edit.createPersoon(request.gemeente.id, checked.data, actorOf(request));
      return reply.redirect(`/personen/${row.id}/bewerken?melding=opgeslagen`, 303);
    } catch (error) {
      const form = withFieldError(error, values);
      if (!form) throw error;
      return showPersoon(request, reply, undefined, form, 400);
    }
  });

  app.get('/personen/:id/bewerken', bewerken, async (request: IdRequest, reply) => {
    const row = await edit.getPersoon(request.gemeente.id, request.params.id);
    return showPersoon(request, reply, row, persoonForm(row));
  });

  app.post('/personen/:id/bewerken', bewerken, async (request: IdRequest, reply) => {
    const row = await edit.getPersoon(request.gemeente.id, request.params.id);
    const values = formValues(request.body, persoonNames);
    const checked = validateForm(persoonEditSchema, values);
    if (!checked.ok) return showPersoon(request, reply, row, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await edit.updatePersoon(request.gemeente.id, row.id, versie, input, actorOf(request));
    } catch (error) {
      const form = withFieldError(error, values);
      if (form) return showPersoon(request, reply, row, form, 400);
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as { naam: string; functie: string | null; email: string | null; organisatieId: string | null; versie: number };
      const governance = await governanceOf(request);
      const conflict: ConflictField[] = [
        { label: t('governance.persoon.veldNaam'), stored: current.naam, typed: values.naam ?? '' },
        { label: t('governance.persoon.veldFunctie'), stored: text(current.functie), typed: values.functie ?? '' },
        { label: t('governance.persoon.veldEmail'), stored: text(current.email), typed: values.email ?? '' },
        {
          label: t('governance.persoon.veldOrganisatie'),
          stored: organisatieNaam(governance, current.organisatieId),
          typed: organisatieNaam(governance, values.organisatieId),
        },
      ];
      return showPersoon(request, reply, row, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/personen/${row.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.post('/personen/:id/archiveren', bewerken, async (request: IdRequest, reply) => {
    const row = await edit.getPersoon(request.gemeente.id, request.params.id);
    try {
      await edit.archivePersoon(request.gemeente.id, row.id, postedVersie(request.body), actorOf(request));
    } catch (error) {
      const refusal = archiveRefusal(error);
      if (!refusal) throw error;
      const fresh = await edit.getPersoon(request.gemeente.id, row.id);
      const form = persoonForm(fresh);
      form.errors.archiveren = refusal;
      return showPersoon(request, reply, fresh, form, 409);
    }
    return reply.redirect(`${OVERZICHT}?melding=gearchiveerd`, 303);
  });

  // --- Gremia ------------------------------------------------------------------------------------------------------

  const gremiumNames = ['versie', 'naam', 'type', 'omschrijving', 'opdracht', 'mandaat', 'vergaderfrequentie'] as const;
  const eigenTafelNames = ['versie', 'omschrijving', 'vergaderfrequentie'] as const;

  const showGremium = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { row: GremiumRow | undefined; scope: GremiumScope },
    form: FormState,
    status = 200,
    conflict?: ConflictField[],
  ) => {
    const [regels, governance] = await Promise.all([history(request, target.row?.id), governanceOf(request)]);
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <GremiumEditPage
          ctx={ctx}
          id={target.row?.id}
          naam={target.row?.naam ?? ''}
          slug={target.row?.slug}
          scope={target.scope}
          governance={governance}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  app.get('/gremia/nieuw', bewerken, (request, reply) => showGremium(request, reply, { row: undefined, scope: 'alles' }, emptyForm()));

  app.post('/gremia/nieuw', bewerken, async (request, reply) => {
    const values = formValues(request.body, gremiumNames);
    const checked = validateForm(gremiumFormSchema, values);
    if (!checked.ok) return showGremium(request, reply, { row: undefined, scope: 'alles' }, checked.form, 400);
    try {
      const row = await edit.createGremium(request.gemeente.id, checked.data, actorOf(request));
      return reply.redirect(`/gremia/${row.id}/bewerken?melding=opgeslagen`, 303);
    } catch (error) {
      const form = withFieldError(error, values);
      if (!form) throw error;
      return showGremium(request, reply, { row: undefined, scope: 'alles' }, form, 400);
    }
  });

  app.get('/gremia/:id/bewerken', eigenTafel, async (request: IdRequest, reply) => {
    const target = await edit.getGremium(request.gemeente.id, request.params.id, request.user?.rollen);
    return showGremium(request, reply, target, gremiumForm(target.row, target.scope));
  });

  app.post('/gremia/:id/bewerken', eigenTafel, async (request: IdRequest, reply) => {
    const target = await edit.getGremium(request.gemeente.id, request.params.id, request.user?.rollen);
    const alles = target.scope === 'alles';
    // A voorzitter's post is read for their two fields only; anything else they might send is not even looked at.
    const values = formValues(request.body, alles ? gremiumNames : eigenTafelNames);
    const checked = alles ? validateForm(gremiumEditSchema, values) : validateForm(gremiumEigenTafelSchema, values);
    if (!checked.ok) return showGremium(request, reply, target, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await edit.updateGremium(request.gemeente.id, target.row.id, versie, input, request.user?.rollen, actorOf(request));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as Record<(typeof gremiumNames)[number], string | null> & { versie: number };
      const fields: [(typeof gremiumNames)[number], string][] = [
        ['naam', t('governance.gremium.veldNaam')],
        ['type', t('governance.gremium.veldType')],
        ['omschrijving', t('governance.gremium.veldOmschrijving')],
        ['opdracht', t('governance.gremium.veldOpdracht')],
        ['mandaat', t('governance.gremium.veldMandaat')],
        ['vergaderfrequentie', t('governance.gremium.veldFrequentie')],
      ];
      const shown = (name: string, value: string | null) => (name === 'type' && value ? t(`gremiumType.${value as GremiumRow['type']}`) : text(value));
      const conflict: ConflictField[] = fields
        .filter(([name]) => name in values)
        .map(([name, label]) => ({ label, stored: shown(name, current[name]), typed: shown(name, values[name] ?? '') }));
      return showGremium(request, reply, target, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/gremia/${target.row.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.post('/gremia/:id/archiveren', bewerken, async (request: IdRequest, reply) => {
    const { row } = await edit.getGremium(request.gemeente.id, request.params.id, request.user?.rollen);
    try {
      await edit.archiveGremium(request.gemeente.id, row.id, postedVersie(request.body), actorOf(request));
    } catch (error) {
      const refusal = archiveRefusal(error);
      if (!refusal) throw error;
      const fresh = await edit.getGremium(request.gemeente.id, row.id, request.user?.rollen);
      const form = gremiumForm(fresh.row, fresh.scope);
      form.errors.archiveren = refusal;
      return showGremium(request, reply, fresh, form, 409);
    }
    return reply.redirect(`${OVERZICHT}?melding=gearchiveerd`, 303);
  });

  // --- Lidmaatschappen ---------------------------------------------------------------------------------------------

  const showLidmaatschap = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { gremium: GremiumRow; lid?: LidmaatschapEditable },
    form: FormState,
    status = 200,
    conflict?: ConflictField[],
  ) => {
    const [regels, governance] = await Promise.all([history(request, target.lid?.id), governanceOf(request)]);
    const persoonNaam = governance.personen.find((p) => p.id === target.lid?.persoonId)?.naam;
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <LidmaatschapEditPage
          ctx={ctx}
          id={target.lid?.id}
          gremium={target.gremium}
          persoonNaam={persoonNaam}
          personen={governance.personen}
          organisaties={governance.organisaties}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  const lidContext = async (request: IdRequest) => {
    const lid = await edit.getLidmaatschap(request.gemeente.id, request.params.id);
    const { row: gremium } = await edit.getGremium(request.gemeente.id, lid.gremiumId, request.user?.rollen);
    return { lid, gremium };
  };

  app.get('/gremia/:id/lidmaatschappen/nieuw', bewerken, async (request: IdRequest, reply) => {
    const { row } = await edit.getGremium(request.gemeente.id, request.params.id, request.user?.rollen);
    return showLidmaatschap(request, reply, { gremium: row }, emptyForm({ rol: 'lid' }));
  });

  app.post('/gremia/:id/lidmaatschappen/nieuw', bewerken, async (request: IdRequest, reply) => {
    const { row } = await edit.getGremium(request.gemeente.id, request.params.id, request.user?.rollen);
    const values = formValues(request.body, ['persoonId', 'rol', 'namens']);
    const checked = validateForm(lidmaatschapFormSchema, values);
    if (!checked.ok) return showLidmaatschap(request, reply, { gremium: row }, checked.form, 400);
    try {
      await edit.createLidmaatschap(request.gemeente.id, row.id, checked.data, actorOf(request));
    } catch (error) {
      const form = withFieldError(error, values);
      if (!form) throw error;
      return showLidmaatschap(request, reply, { gremium: row }, form, 400);
    }
    return reply.redirect(`/gremia/${row.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.get('/lidmaatschappen/:id/bewerken', bewerken, async (request: IdRequest, reply) => {
    const target = await lidContext(request);
    return showLidmaatschap(request, reply, target, lidmaatschapForm(target.lid));
  });

  app.post('/lidmaatschappen/:id/bewerken', bewerken, async (request: IdRequest, reply) => {
    const target = await lidContext(request);
    const values = formValues(request.body, ['versie', 'rol', 'namens']);
    const checked = validateForm(lidmaatschapEditSchema, values);
    if (!checked.ok) return showLidmaatschap(request, reply, target, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await edit.updateLidmaatschap(request.gemeente.id, target.lid.id, versie, input, actorOf(request));
    } catch (error) {
      const form = withFieldError(error, values);
      if (form) return showLidmaatschap(request, reply, target, form, 400);
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as LidmaatschapEditable;
      const governance = await governanceOf(request);
      const typedNamens = lidmaatschapEditSchema.shape.namens.safeParse(values.namens ?? '');
      const namensText = (namens: Namens[]) => describeNamens(namens, governance);
      const rolText = (rol: string) => (rol ? t(`rol.${rol as LidmaatschapRol}`) : '');
      const conflict: ConflictField[] = [
        { label: t('governance.lidmaatschap.veldRol'), stored: rolText(current.rol), typed: rolText(values.rol ?? '') },
        { label: t('governance.lidmaatschap.veldNamens'), stored: namensText(current.namens), typed: typedNamens.success ? namensText(typedNamens.data) : '' },
      ];
      return showLidmaatschap(request, reply, target, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/lidmaatschappen/${target.lid.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.post('/lidmaatschappen/:id/archiveren', bewerken, async (request: IdRequest, reply) => {
    const target = await lidContext(request);
    try {
      await edit.archiveLidmaatschap(request.gemeente.id, target.lid.id, postedVersie(request.body), actorOf(request));
    } catch (error) {
      const refusal = archiveRefusal(error);
      if (!refusal) throw error;
      const fresh = await lidContext(request);
      const form = lidmaatschapForm(fresh.lid);
      form.errors.archiveren = refusal;
      return showLidmaatschap(request, reply, fresh, form, 409);
    }
    return reply.redirect(`/gremia/${target.gremium.id}/bewerken?melding=gearchiveerd`, 303);
  });
}
