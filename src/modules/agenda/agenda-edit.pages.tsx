import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_FOCUSDOELEN_PER_ACTIELIJN } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError, NotFoundError } from '../../lib/errors.js';
import { formValues, validateForm } from '../../lib/forms.js';
import { actorOf } from '../../plugins/auth.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import type { AuditService } from '../audit/audit.service.js';
import { heeftPermissie } from '../auth/permissions.js';
import type { AgendaService } from './agenda.service.js';
import { AgendaEditService, MaxFocusdoelenError, type AmbitieVerwijzing } from './agenda-edit.service.js';
import { actielijnFormSchema, focusdoelFormSchema } from './agenda-edit.schemas.js';
import { ActielijnEditPage, FocusdoelEditPage, type ConflictField } from './views/edit-pages.js';

const bewerken = { config: { permission: 'agenda.bewerken' as const } };
const actielijnFieldNames = ['versie', 'titel', 'kernwoord', 'beleidsthema', 'ambities'] as const;
const focusdoelFieldNames = ['versie', 'tekst', 'subpunten'] as const;

function melding(request: FastifyRequest): string | undefined {
  const value = (request.query as Record<string, string>).melding;
  return value === 'opgeslagen' ? t('form.opgeslagen') : value === 'gearchiveerd' ? t('bewerken.gearchiveerd') : undefined;
}

/** The edit forms of the agenda: an actielijn, and its focusdoelen with their sub-points. */
export function registerAgendaEditPages(
  app: FastifyInstance,
  deps: { pages: PageCache; agenda: AgendaService; agendaEdit: AgendaEditService; audit: AuditService },
): void {
  const history = (request: FastifyRequest, id: string) =>
    heeftPermissie(request.user?.rollen, 'historie.lezen') ? deps.audit.history(request.gemeente.id, id) : Promise.resolve(undefined);

  const actielijnByNummer = async (request: FastifyRequest<{ Params: { nummer: string } }>) => {
    const nummer = /^[1-9]\d{0,3}$/.test(request.params.nummer) ? Number(request.params.nummer) : NaN;
    const agenda = await deps.agenda.get(request.gemeente);
    const found = agenda.actielijnen.find((al) => al.nummer === nummer);
    if (!found) throw new NotFoundError(t('fout.404.tekst'));
    return found;
  };

  const showActielijn = async (
    request: FastifyRequest<{ Params: { nummer: string } }>,
    reply: FastifyReply,
    form: FormState,
    status = 200,
    conflict?: ConflictField[],
  ) => {
    const actielijn = await actielijnByNummer(request);
    const [fresh, regels] = await Promise.all([deps.agendaEdit.getActielijn(request.gemeente.id, actielijn.id), history(request, actielijn.id)]);
    const agenda = await deps.agenda.get(request.gemeente);
    const focusdoelen = agenda.actielijnen.find((al) => al.id === fresh.id)?.focusdoelen ?? [];
    const ambities = agenda.ambities.map((a) => ({ value: a.id, label: a.naam }));
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <ActielijnEditPage
          ctx={ctx}
          nummer={fresh.nummer}
          form={form}
          focusdoelen={focusdoelen}
          ambities={ambities}
          maxFocusdoelen={MAX_FOCUSDOELEN_PER_ACTIELIJN}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  app.get<{ Params: { nummer: string } }>('/actielijnen/:nummer/bewerken', bewerken, async (request, reply) => {
    const actielijn = await actielijnByNummer(request);
    const row = await deps.agendaEdit.getActielijn(request.gemeente.id, actielijn.id);
    return showActielijn(
      request,
      reply,
      emptyForm({
        versie: String(row.versie),
        titel: row.titel,
        kernwoord: row.kernwoord ?? '',
        beleidsthema: row.beleidsthema,
        ambities: row.ambities.map((a) => a.id).join(','),
      }),
    );
  });

  app.post<{ Params: { nummer: string } }>('/actielijnen/:nummer/bewerken', bewerken, async (request, reply) => {
    const actielijn = await actielijnByNummer(request);
    const values = formValues(request.body, actielijnFieldNames);
    const checked = validateForm(actielijnFormSchema, values);
    if (!checked.ok) return showActielijn(request, reply, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await deps.agendaEdit.updateActielijn(request.gemeente.id, actielijn.id, versie, input, actorOf(request));
    } catch (error) {
      if (error instanceof FieldError) return showActielijn(request, reply, { values, errors: { [error.field]: error.detail } }, 400);
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as { titel: string; kernwoord: string | null; beleidsthema: string; ambities: AmbitieVerwijzing[]; versie: number };
      const naamVan = new Map((await deps.agenda.get(request.gemeente)).ambities.map((a) => [a.id, a.naam]));
      const typedAmbities = (values.ambities ?? '').split(',').filter(Boolean).map((id) => naamVan.get(id) ?? id);
      const conflict: ConflictField[] = [
        { label: t('bewerken.actielijn.veldTitel'), stored: current.titel, typed: values.titel ?? '' },
        { label: t('bewerken.actielijn.veldKernwoord'), stored: current.kernwoord ?? '', typed: values.kernwoord ?? '' },
        { label: t('bewerken.actielijn.veldBeleidsthema'), stored: current.beleidsthema, typed: values.beleidsthema ?? '' },
        {
          label: t('ambitieBewerken.actielijnVeld'),
          stored: current.ambities.map((a) => a.naam).sort().join('\n'),
          typed: typedAmbities.sort().join('\n'),
        },
      ];
      // The form keeps everything the user typed, now on top of the stored version: saving again is a deliberate choice.
      return showActielijn(request, reply, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/actielijnen/${actielijn.nummer}/bewerken?melding=opgeslagen`, 303);
  });

  const showFocusdoel = async (
    request: FastifyRequest,
    reply: FastifyReply,
    target: { nummer: number; id?: string },
    form: FormState,
    status = 200,
    conflict?: ConflictField[],
  ) => {
    const regels = target.id ? await history(request, target.id) : undefined;
    return deps.pages.private(
      request,
      reply,
      (ctx) => (
        <FocusdoelEditPage
          ctx={ctx}
          nummer={target.nummer}
          id={target.id}
          form={form}
          history={regels}
          conflict={conflict}
          notice={status === 200 ? melding(request) : undefined}
        />
      ),
      status,
    );
  };

  const focusdoelContext = async (request: FastifyRequest<{ Params: { id: string } }>) => {
    const focusdoel = await deps.agendaEdit.getFocusdoel(request.gemeente.id, request.params.id);
    const actielijn = await deps.agendaEdit.getActielijn(request.gemeente.id, focusdoel.actielijnId);
    return { focusdoel, nummer: actielijn.nummer };
  };

  app.get<{ Params: { nummer: string } }>('/actielijnen/:nummer/focusdoelen/nieuw', bewerken, async (request, reply) => {
    const actielijn = await actielijnByNummer(request);
    return showFocusdoel(request, reply, { nummer: actielijn.nummer }, emptyForm());
  });

  app.post<{ Params: { nummer: string } }>('/actielijnen/:nummer/focusdoelen/nieuw', bewerken, async (request, reply) => {
    const actielijn = await actielijnByNummer(request);
    const values = formValues(request.body, focusdoelFieldNames);
    const checked = validateForm(focusdoelFormSchema.omit({ versie: true }), values);
    if (!checked.ok) return showFocusdoel(request, reply, { nummer: actielijn.nummer }, checked.form, 400);
    try {
      await deps.agendaEdit.createFocusdoel(request.gemeente.id, actielijn.id, checked.data, actorOf(request));
    } catch (error) {
      if (!(error instanceof MaxFocusdoelenError)) throw error;
      return showFocusdoel(request, reply, { nummer: actielijn.nummer }, { values, errors: { tekst: error.detail } }, 409);
    }
    return reply.redirect(`/actielijnen/${actielijn.nummer}/bewerken?melding=opgeslagen`, 303);
  });

  app.get<{ Params: { id: string } }>('/focusdoelen/:id/bewerken', bewerken, async (request, reply) => {
    const { focusdoel, nummer } = await focusdoelContext(request);
    const form = emptyForm({ versie: String(focusdoel.versie), tekst: focusdoel.tekst, subpunten: focusdoel.subpunten.join('\n') });
    return showFocusdoel(request, reply, { nummer, id: focusdoel.id }, form);
  });

  app.post<{ Params: { id: string } }>('/focusdoelen/:id/bewerken', bewerken, async (request, reply) => {
    const { focusdoel, nummer } = await focusdoelContext(request);
    const values = formValues(request.body, focusdoelFieldNames);
    const checked = validateForm(focusdoelFormSchema, values);
    if (!checked.ok) return showFocusdoel(request, reply, { nummer, id: focusdoel.id }, checked.form, 400);
    const { versie, ...input } = checked.data;
    try {
      await deps.agendaEdit.updateFocusdoel(request.gemeente.id, focusdoel.id, versie, input, actorOf(request));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = error.current as { tekst: string; subpunten: string[]; versie: number };
      const conflict: ConflictField[] = [
        { label: t('bewerken.focusdoel.veldTekst'), stored: current.tekst, typed: values.tekst ?? '' },
        { label: t('bewerken.focusdoel.veldSubpunten'), stored: current.subpunten.join('\n'), typed: values.subpunten ?? '' },
      ];
      return showFocusdoel(request, reply, { nummer, id: focusdoel.id }, { values: { ...values, versie: String(current.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/focusdoelen/${focusdoel.id}/bewerken?melding=opgeslagen`, 303);
  });

  app.post<{ Params: { id: string } }>('/focusdoelen/:id/archiveren', bewerken, async (request, reply) => {
    const { focusdoel, nummer } = await focusdoelContext(request);
    const versie = z.coerce.number().int().positive().safeParse(formValues(request.body, ['versie']).versie);
    try {
      await deps.agendaEdit.archiveFocusdoel(request.gemeente.id, focusdoel.id, versie.success ? versie.data : -1, actorOf(request));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const form = emptyForm({ versie: String(focusdoel.versie), tekst: focusdoel.tekst, subpunten: focusdoel.subpunten.join('\n') });
      form.errors.tekst = t('bewerken.conflict.archiveren');
      return showFocusdoel(request, reply, { nummer, id: focusdoel.id }, form, 409);
    }
    return reply.redirect(`/actielijnen/${nummer}/bewerken?melding=gearchiveerd`, 303);
  });
}
