import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError, NotFoundError } from '../../lib/errors.js';
import { formValues, validateForm } from '../../lib/forms.js';
import { actorOf } from '../../plugins/auth.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import type { AuditService } from '../audit/audit.service.js';
import { heeftPermissie } from '../auth/permissions.js';
import { archiveerFormSchema } from './ambitie-edit.schemas.js';
import type { AgendaService } from './agenda.service.js';
import type { OabAfspraakRow, OabCategorieRow } from './oab-edit.repository.js';
import { afspraakFormSchema, afspraakNieuwFormSchema, JAAR_MAX, JAAR_MIN, jaarFormSchema } from './oab-edit.schemas.js';
import type { OabAfspraakFields, OabEditService } from './oab-edit.service.js';
import type { ConflictField } from './views/edit-pages.js';
import { OabAfspraakArchiveerPage, OabAfspraakEditPage, OabJaarEditPage, type AfspraakTitel } from './views/oab-edit-pages.js';

const bewerken = { config: { permission: 'agenda.bewerken' as const } };
const afspraakFieldNames = ['versie', 'categorieId', 'jaar', 'nummer', 'tekst'] as const;
const jaarFieldNames = ['versie', 'toelichting'] as const;

type Afspraak = OabAfspraakRow & { categorie: OabCategorieRow };

function melding(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, string>).melding;
  return value === 'opgeslagen' ? t('form.opgeslagen') : value === 'toegevoegd' ? t('oabBewerken.toegevoegd') : undefined;
}

const titelOf = (row: Afspraak): AfspraakTitel => ({ id: row.id, nummer: row.nummer, jaar: row.jaar, categorie: row.categorie.naam });

const formOf = (row: Afspraak): FormState =>
  emptyForm({ versie: String(row.versie), categorieId: row.categorieId, jaar: String(row.jaar), nummer: String(row.nummer), tekst: row.tekst });

/** The forms for the OAB-afspraken: new, change, archive, and the toelichting of a year. */
export function registerOabEditPages(
  app: FastifyInstance,
  deps: { pages: PageCache; agenda: AgendaService; oabEdit: OabEditService; audit: AuditService },
): void {
  const history = (request: FastifyRequest, id: string | null) =>
    id && heeftPermissie(request.user?.rollen, 'historie.lezen') ? deps.audit.history(request.gemeente.id, id) : Promise.resolve(undefined);

  const showAfspraak = async (request: FastifyRequest, reply: FastifyReply, row: Afspraak | undefined, form: FormState, status = 200, conflict?: ConflictField[]) => {
    const [categorieen, regels] = await Promise.all([deps.oabEdit.categorieen(request.gemeente.id), history(request, row?.id ?? null)]);
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <OabAfspraakEditPage
          ctx={ctx}
          afspraak={row ? titelOf(row) : undefined}
          categorieen={categorieen.map((c) => ({ value: c.id, label: c.naam }))}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  const showArchive = (request: FastifyRequest, reply: FastifyReply, row: Afspraak, form: FormState, status = 200) =>
    deps.pages.private(request, reply, (ctx) => <OabAfspraakArchiveerPage ctx={ctx} afspraak={{ ...titelOf(row), tekst: row.tekst }} form={form} />, status);

  app.get('/oab-afspraken/nieuw', bewerken, async (request, reply) => {
    // The year of the newest afspraken is the likely one; a link may name another year and a category.
    const query = request.query as Record<string, string | undefined>;
    const agenda = await deps.agenda.get(request.gemeente);
    const years = [...agenda.oab.jaren.map((j) => j.jaar), ...agenda.oab.afspraken.map((a) => a.jaar)];
    const jaar = /^\d{4}$/.test(query.jaar ?? '') ? (query.jaar ?? '') : String(years.length > 0 ? Math.max(...years) : new Date().getFullYear());
    const categorie = agenda.oab.categorieen.find((c) => c.id === query.categorie || c.code === query.categorie);
    return showAfspraak(request, reply, undefined, emptyForm({ categorieId: categorie?.id ?? '', jaar, nummer: '', tekst: '' }));
  });

  app.post('/oab-afspraken/nieuw', bewerken, async (request, reply) => {
    const values = formValues(request.body, afspraakFieldNames);
    const checked = validateForm(afspraakNieuwFormSchema, values);
    if (!checked.ok) return showAfspraak(request, reply, undefined, checked.form, 400);
    try {
      const row = await deps.oabEdit.createAfspraak(request.gemeente.id, checked.data, actorOf(request));
      return reply.redirect(`/oab-afspraken/${row.id}/bewerken?melding=toegevoegd`, 303);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      return showAfspraak(request, reply, undefined, { values, errors: { [error.field]: error.detail } }, 400);
    }
  });

  app.get<{ Params: { id: string } }>('/oab-afspraken/:id/bewerken', bewerken, async (request, reply) => {
    const row = await deps.oabEdit.getAfspraak(request.gemeente.id, request.params.id);
    return showAfspraak(request, reply, row, formOf(row));
  });

  app.post<{ Params: { id: string } }>('/oab-afspraken/:id/bewerken', bewerken, async (request, reply) => {
    const row = await deps.oabEdit.getAfspraak(request.gemeente.id, request.params.id);
    const values = formValues(request.body, afspraakFieldNames);
    const checked = validateForm(afspraakFormSchema, values);
    if (!checked.ok) return showAfspraak(request, reply, row, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await deps.oabEdit.updateAfspraak(request.gemeente.id, row.id, versie, input, actorOf(request));
    } catch (error) {
      if (error instanceof FieldError) return showAfspraak(request, reply, row, { values, errors: { [error.field]: error.detail } }, 400);
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as OabAfspraakFields;
      const categorieen = await deps.oabEdit.categorieen(request.gemeente.id);
      const typedCategorie = categorieen.find((c) => c.id === values.categorieId)?.naam ?? values.categorieId ?? '';
      const conflict: ConflictField[] = [
        { label: t('oabBewerken.veldCategorie'), stored: current.categorie, typed: typedCategorie },
        { label: t('oabBewerken.veldJaar'), stored: String(current.jaar), typed: values.jaar ?? '' },
        { label: t('oabBewerken.veldNummer'), stored: String(current.nummer), typed: values.nummer ?? '' },
        { label: t('oabBewerken.veldTekst'), stored: current.tekst, typed: values.tekst ?? '' },
      ];
      // Everything typed stays in the form, now on top of the stored version: saving again is a deliberate choice.
      const fresh = await deps.oabEdit.getAfspraak(request.gemeente.id, row.id);
      return showAfspraak(request, reply, fresh, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/oab-afspraken/${row.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { id: string } }>('/oab-afspraken/:id/archiveren', bewerken, async (request, reply) => {
    const row = await deps.oabEdit.getAfspraak(request.gemeente.id, request.params.id);
    return showArchive(request, reply, row, emptyForm({ versie: String(row.versie) }));
  });

  app.post<{ Params: { id: string } }>('/oab-afspraken/:id/archiveren', bewerken, async (request, reply) => {
    const row = await deps.oabEdit.getAfspraak(request.gemeente.id, request.params.id);
    const checked = archiveerFormSchema.safeParse(formValues(request.body, ['versie']));
    try {
      await deps.oabEdit.archiveAfspraak(request.gemeente.id, row.id, checked.success ? checked.data.versie : -1, actorOf(request));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // Show what is stored now, with its version: archiving it is then a choice made knowing the newest text.
      return showArchive(request, reply, row, { values: { versie: String(row.versie) }, errors: { archiveren: t('oabBewerken.conflictArchiveren') } }, 409);
    }
    return reply.redirect('/oab-afspraken?melding=afspraak-gearchiveerd', 303);
  });

  const jaarOf = (request: FastifyRequest<{ Params: { jaar: string } }>) => {
    const jaar = /^\d{4}$/.test(request.params.jaar) ? Number(request.params.jaar) : NaN;
    if (!(jaar >= JAAR_MIN && jaar <= JAAR_MAX)) throw new NotFoundError(t('fout.404.tekst'));
    return jaar;
  };

  const showJaar = async (request: FastifyRequest, reply: FastifyReply, jaar: number, id: string | null, form: FormState, status = 200, conflict?: ConflictField[]) => {
    const regels = await history(request, id);
    return deps.pages.private(
      request,
      reply,
      (ctx) => <OabJaarEditPage ctx={ctx} jaar={jaar} form={form} history={regels} conflict={conflict} notice={status === 200 ? melding(request) : undefined} />,
      status,
    );
  };

  app.get<{ Params: { jaar: string } }>('/oab-afspraken/jaren/:jaar/bewerken', bewerken, async (request, reply) => {
    const current = await deps.oabEdit.getJaar(request.gemeente.id, jaarOf(request));
    return showJaar(request, reply, current.jaar, current.id, emptyForm({ versie: String(current.versie), toelichting: current.toelichting ?? '' }));
  });

  app.post<{ Params: { jaar: string } }>('/oab-afspraken/jaren/:jaar/bewerken', bewerken, async (request, reply) => {
    const { jaar, id } = await deps.oabEdit.getJaar(request.gemeente.id, jaarOf(request));
    const values = formValues(request.body, jaarFieldNames);
    const checked = validateForm(jaarFormSchema, values);
    if (!checked.ok) return showJaar(request, reply, jaar, id, checked.form, 400);
    try {
      await deps.oabEdit.updateJaar(request.gemeente.id, jaar, checked.data.versie, checked.data.toelichting, actorOf(request));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as { toelichting: string | null; versie: number };
      const conflict: ConflictField[] = [{ label: t('oabBewerken.veldToelichting'), stored: current.toelichting ?? '', typed: values.toelichting ?? '' }];
      const fresh = await deps.oabEdit.getJaar(request.gemeente.id, jaar);
      return showJaar(request, reply, jaar, fresh.id, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/oab-afspraken/jaren/${jaar}/bewerken?melding=opgeslagen`, 303);
  });
}
