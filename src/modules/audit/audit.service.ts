import type { FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { heeftPermissie } from '../auth/permissions.js';
import { t } from '../../i18n/index.js';
import { countAuditRegels, listAuditKeuzes, listAuditRegels, listHistorie, type AuditFilter, type AuditRegel } from './audit.repository.js';

const PER_PAGINA = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "dd-mm-jjjj" (how people write dates here) or ISO "jjjj-mm-dd" to the start of that day in Dutch time. */
export function parseDutchDate(value: string): Date | undefined {
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const [y, m, d] = nl ? [nl[3], nl[2], nl[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  // Midnight in Amsterdam is 22:00 or 23:00 UTC the day before; the hour offset is close enough for a filter.
  const offsetHours = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', hour: 'numeric', hour12: false }).format(date)) || 0;
  return new Date(date.getTime() - offsetHours * 3_600_000);
}

/** Reading the audit log: the beheerder's filtered list, and the history of one record. */
export class AuditService {
  constructor(private readonly db: Database) {}

  parseFilter(values: Record<string, string>): { filter: AuditFilter; errors: Record<string, string> } {
    const errors: Record<string, string> = {};
    const filter: AuditFilter = {};
    if (values.soort === 'gegevens' || values.soort === 'beveiliging') filter.soort = values.soort;
    if (values.actie) filter.actie = values.actie;
    if (values.type) filter.objectType = values.type;
    if (values.object && UUID.test(values.object)) filter.objectId = values.object;
    if (values.van) {
      const van = parseDutchDate(values.van);
      if (van) filter.van = van;
      else errors.van = t('fout.veld.datum');
    }
    if (values.tot) {
      const tot = parseDutchDate(values.tot);
      if (tot) filter.tot = new Date(tot.getTime() + 86_400_000);
      else errors.tot = t('fout.veld.datum');
    }
    return { filter, errors };
  }

  async list(gemeenteId: string, filter: AuditFilter, pagina: number) {
    const [regels, totaal, keuzes] = await Promise.all([
      listAuditRegels(this.db, gemeenteId, filter, PER_PAGINA, (pagina - 1) * PER_PAGINA),
      countAuditRegels(this.db, gemeenteId, filter),
      listAuditKeuzes(this.db, gemeenteId),
    ]);
    return { regels, totaal, keuzes, perPagina: PER_PAGINA };
  }

  /** Every line about one record, newest first: the history under its edit form. */
  history(gemeenteId: string, objectId: string): Promise<AuditRegel[]> {
    return listHistorie(this.db, gemeenteId, objectId, 200);
  }

  /** The history of a record for the user of this request: undefined when there is none yet, or they may not read it. */
  async historyFor(request: FastifyRequest, objectId: string | null | undefined): Promise<AuditRegel[] | undefined> {
    if (!objectId || !heeftPermissie(request.user?.rollen, 'historie.lezen')) return undefined;
    return this.history(request.gemeente.id, objectId);
  }
}

declare module '../../app-services.js' {
  interface AppServices {
    audit: AuditService;
  }
}
