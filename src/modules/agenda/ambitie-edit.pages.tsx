import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError } from '../../lib/errors.js';
import { formValues, validateForm } from '../../lib/forms.js';
import { actorOf } from '../../plugins/auth.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import type { AuditService } from '../audit/audit.service.js';
import { heeftPermissie } from '../auth/permissions.js';
import type { AmbitieRow } from './ambitie-edit.repository.js';
import { ambitieFormSchema, ambitieNieuwFormSchema, archiveerFormSchema } from './ambitie-edit.schemas.js';
import { AmbitieNogNodigError, type AmbitieEditService, type AmbitieFields } from './ambitie-edit.service.js';
import { AmbitieArchiveerPage, AmbitieEditPage } from './views/ambitie-edit-pages.js';
import type { ConflictField } from './views/edit-pages.js';

const bewerken = { config: { permission: 'agenda.bewerken' as const } };
const fieldNames = ['versie', 'code', 'naam', 'omschrijving', 'volgorde'] as const;

function melding(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, string>).melding;
  return value === 'opgeslagen' ? t('form.opgeslagen') : value === 'toegevoegd' ? t('ambitieBewerken.toegevoegd') : undefined;
}

const formOf = (row: AmbitieRow): FormState =>
  emptyForm({ versie: String(row.versie), code: row.code, naam: row.naam, omschrijving: row.omschrijving, volgorde: String(row.volgorde) });

/** The forms for the ambities of the agenda: new, change, archive. */
export function registerAmbitieEditPages(
  app: FastifyInstance,
  deps: { pages: PageCache; ambitieEdit: AmbitieEditService; audit: AuditService },
): void {
  const history = (request: FastifyRequest, id: string) =>
    heeftPermissie(request.user?.rollen, 'historie.lezen') ? deps.audit.history(request.gemeente.id, id) : Promise.resolve(undefined);

  const showEdit = async (request: FastifyRequest, reply: FastifyReply, row: AmbitieRow | undefined, form: FormState, status = 200, conflict?: ConflictField[]) => {
    const regels = row ? await history(request, row.id) : undefined;
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <AmbitieEditPage
          ctx={ctx}
          ambitie={row}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  const showArchive = (request: FastifyRequest, reply: FastifyReply, row: AmbitieRow, form: FormState, status = 200) =>
    deps.pages.private(request, reply, (ctx) => <AmbitieArchiveerPage ctx={ctx} ambitie={row} form={form} />, status);

  app.get('/ambities/nieuw', bewerken, (request, reply) => showEdit(request, reply, undefined, emptyForm()));

  app.post('/ambities/nieuw', bewerken, async (request, reply) => {
    const values = formValues(request.body, fieldNames);
    const checked = validateForm(ambitieNieuwFormSchema, values);
    if (!checked.ok) return showEdit(request, reply, undefined, checked.form, 400);
    try {
      const row = await deps.ambitieEdit.create(request.gemeente.id, checked.data, actorOf(request));
      return reply.redirect(`/ambities/${row.id}/bewerken?melding=toegevoegd`, 303);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      return showEdit(request, reply, undefined, { values, errors: { [error.field]: error.detail } }, 400);
    }
  });

  app.get<{ Params: { id: string } }>('/ambities/:id/bewerken', bewerken, async (request, reply) => {
    const row = await deps.ambitieEdit.get(request.gemeente.id, request.params.id);
    return showEdit(request, reply, row, formOf(row));
  });

  app.post<{ Params: { id: string } }>('/ambities/:id/bewerken', bewerken, async (request, reply) => {
    const row = await deps.ambitieEdit.get(request.gemeente.id, request.params.id);
    const values = formValues(request.body, fieldNames);
    const checked = validateForm(ambitieFormSchema, values);
    if (!checked.ok) return showEdit(request, reply, row, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await deps.ambitieEdit.update(request.gemeente.id, row.id, versie, input, actorOf(request));
    } catch (error) {
      if (error instanceof FieldError) return showEdit(request, reply, row, { values, errors: { [error.field]: error.detail } }, 400);
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as AmbitieFields;
      const conflict: ConflictField[] = [
        { label: t('ambitieBewerken.veldNaam'), stored: current.naam, typed: values.naam ?? '' },
        { label: t('ambitieBewerken.veldCode'), stored: current.code, typed: values.code ?? '' },
        { label: t('ambitieBewerken.veldOmschrijving'), stored: current.omschrijving, typed: values.omschrijving ?? '' },
        { label: t('ambitieBewerken.veldVolgorde'), stored: String(current.volgorde), typed: values.volgorde ?? '' },
      ];
      // Everything typed stays in the form, now on top of the stored version: saving again is a deliberate choice.
      const fresh = await deps.ambitieEdit.get(request.gemeente.id, row.id);
      return showEdit(request, reply, fresh, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/ambities/${row.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { id: string } }>('/ambities/:id/archiveren', bewerken, async (request, reply) => {
    const row = await deps.ambitieEdit.get(request.gemeente.id, request.params.id);
    return showArchive(request, reply, row, emptyForm({ versie: String(row.versie) }));
  });

  app.post<{ Params: { id: string } }>('/ambities/:id/archiveren', bewerken, async (request, reply) => {
    const row = await deps.ambitieEdit.get(request.gemeente.id, request.params.id);
    const checked = archiveerFormSchema.safeParse(formValues(request.body, ['versie']));
    try {
      await deps.ambitieEdit.archive(request.gemeente.id, row.id, checked.success ? checked.data.versie : -1, actorOf(request));
    } catch (error) {
      if (error instanceof AmbitieNogNodigError) {
        return showArchive(request, reply, row, { values: { versie: String(row.versie) }, errors: { archiveren: error.detail } }, 409);
      }
      if (!(error instanceof ConflictError)) throw error;
      // Show what is stored now, with its version: archiving it is then a choice made knowing the newest text.
      return showArchive(request, reply, row, { values: { versie: String(row.versie) }, errors: { archiveren: t('ambitieBewerken.conflictArchiveren') } }, 409);
    }
    return reply.redirect('/?melding=ambitie-gearchiveerd#ambities', 303);
  });
}
