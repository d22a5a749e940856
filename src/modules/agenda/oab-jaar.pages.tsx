/**
 * The toelichting above a year's OAB-afspraken. It differs from the declared record kinds: a year is there as soon as
 * it has an afspraak, but gets a row of its own only on its first save (version 0 until then). So it keeps its own
 * route and service here, drawn with the shared edit page and saved with the same safeguards (lock, version, audit,
 * data version).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.js';
import { t } from '../../i18n/index.js';
import { ConflictError, isUniqueViolation, NotFoundError } from '../../lib/errors.js';
import { formValues } from '../../lib/forms.js';
import { actorOf } from '../../plugins/auth.js';
import { text } from '../../records/fields.js';
import { editPage, type FormField } from '../../records/record-views.js';
import type { ConflictField } from '../../views/edit-frame.js';
import { emptyForm, type FormState } from '../../views/form.js';
import type { PageCache } from '../../views/page-cache.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import type { DataChange } from '../gemeente/data-change.js';
import { findJaar, jaarHeeftAfspraken, saveJaar } from './agenda-edit.repository.js';

// Its hint names the year, so the page says it above the form.
const toelichting = text({ label: 'oabBewerken.veldToelichting', widget: 'textarea', rows: 6, max: 4000 });
const fields: FormField[] = [['toelichting', toelichting as FormField[1]]];

interface OabJaar {
  id: string | null;
  jaar: number;
  toelichting: string | null;
  versie: number;
}

/** A year on the OAB page: it has a row of its own or at least one current afspraak. */
async function getJaar(db: Database, gemeenteId: string, jaar: number): Promise<OabJaar> {
  const row = await findJaar(db, gemeenteId, jaar);
  if (row) return { id: row.id, jaar, toelichting: row.toelichting, versie: row.versie };
  if (!(await jaarHeeftAfspraken(db, gemeenteId, jaar))) throw new NotFoundError(t('fout.404.tekst'));
  return { id: null, jaar, toelichting: null, versie: 0 };
}

/** Sets the toelichting of a year; the first save of a year without a row of its own makes the row (versie 0 → 1). */
async function updateJaar(db: Database, changes: DataChange, gemeenteId: string, jaar: number, versie: number, value: string | null, actor: Actor): Promise<void> {
  try {
    await changes.run(gemeenteId, async (tx) => {
      const before = await findJaar(tx, gemeenteId, jaar, true);
      if (!before && !(await jaarHeeftAfspraken(tx, gemeenteId, jaar))) throw new NotFoundError(t('fout.404.tekst'));
      const voor = { toelichting: before?.toelichting ?? null, versie: before?.versie ?? 0 };
      if (voor.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), voor);
      const after = await saveJaar(tx, gemeenteId, jaar, value, before?.id);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: before ? 'gewijzigd' : 'aangemaakt',
        objectType: 'oab-jaar',
        objectId: after.id,
        omschrijving: `Toelichting OAB-afspraken ${jaar}`,
        ...(before ? { voor } : {}),
        na: { toelichting: after.toelichting, versie: after.versie },
      });
    });
  } catch (error) {
    // Someone else made the year's row between our look and our insert: that is a newer version too.
    if (!isUniqueViolation(error, 'oab_jaar_per_gemeente')) throw error;
    const current = await findJaar(db, gemeenteId, jaar);
    throw new ConflictError(t('bewerken.conflict.tekst'), { toelichting: current?.toelichting ?? null, versie: current?.versie ?? 0 });
  }
}

export function registerOabJaarPages(app: FastifyInstance, deps: { pages: PageCache; db: Database; changes: DataChange }): void {
  const bewerken = { config: { permission: 'agenda.bewerken' as const } };
  const path = '/oab-afspraken/jaren/:jaar/bewerken';

  const jaarOf = (request: FastifyRequest) => {
    const value = (request.params as { jaar: string }).jaar;
    const jaar = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(jaar >= 2000 && jaar <= 2100)) throw new NotFoundError(t('fout.404.tekst'));
    return getJaar(deps.db, request.gemeente.id, jaar);
  };

  const show = async (request: FastifyRequest, reply: FastifyReply, current: OabJaar, form: FormState, status = 200, conflict?: ConflictField[]) => {
    const history = await request.server.services.audit.historyFor(request, current.id);
    const title = t('oabBewerken.jaarTitel', { jaar: current.jaar });
    const action = `/oab-afspraken/jaren/${current.jaar}/bewerken`;
    const notice = status === 200 && (request.query as Record<string, string>).melding === 'opgeslagen' ? t('form.opgeslagen') : undefined;
    const page = editPage({
      title,
      crumbs: [{ href: '/', label: t('nav.home') }, { href: '/oab-afspraken', label: t('oab.kort') }, { href: action, label: title }],
      mode: 'update',
      action,
      fields,
      options: new Map(),
      form,
      intro: [t('oabBewerken.toelichtingHint', { jaar: current.jaar })],
      cancel: `/oab-afspraken#oab-${current.jaar}`,
      conflict,
      notice,
      history,
    });
    return deps.pages.private(request, reply, page, status);
  };

  app.get(path, bewerken, async (request, reply) => {
    const current = await jaarOf(request);
    return show(request, reply, current, emptyForm({ versie: String(current.versie), toelichting: current.toelichting ?? '' }));
  });

  app.post(path, bewerken, async (request, reply) => {
    const current = await jaarOf(request);
    const values = formValues(request.body, ['versie', 'toelichting']);
    const versie = z.coerce.number().int().min(0).safeParse(values.versie);
    const parsed = toelichting.schema.safeParse(values.toelichting ?? '');
    if (!versie.success || !parsed.success) {
      const errors = { ...(versie.success ? {} : { versie: t('bewerken.versieOngeldig') }), ...(parsed.success ? {} : { toelichting: parsed.error.issues[0]!.message }) };
      return show(request, reply, current, { values, errors }, 400);
    }
    try {
      await updateJaar(deps.db, deps.changes, request.gemeente.id, current.jaar, versie.data, parsed.data, actorOf(request));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const stored = error.current as { toelichting: string | null; versie: number };
      const conflict = [{ label: t('oabBewerken.veldToelichting'), stored: stored.toelichting ?? '', typed: values.toelichting ?? '' }];
      const fresh = await getJaar(deps.db, request.gemeente.id, current.jaar);
      return show(request, reply, fresh, { values: { ...values, versie: String(stored.versie) }, errors: {} }, 409, conflict);
    }
    return reply.redirect(`/oab-afspraken/jaren/${current.jaar}/bewerken?melding=opgeslagen`, 303);
  });
}
