import type { Database } from '../../db/client.js';
import type { GremiumType, LidmaatschapRol, Sector } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError, HttpError, isUniqueViolation, NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/find.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import { heeftPermissie, type RolToewijzing } from '../auth/permissions.js';
import { DataChange } from '../gemeente/data-change.js';
import {
  codesLike,
  countLidmaatschappen,
  currentOrganisatieIds,
  findGremium,
  findLidmaatschap,
  findLidmaatschapVan,
  findOrganisatie,
  findPersoon,
  insertGremium,
  insertLidmaatschap,
  insertOrganisatie,
  insertPersoon,
  listNamens,
  listPersoonEmails,
  lockCodes,
  namesOf,
  nextVolgorde,
  organisatieInGebruik,
  replaceNamens,
  updateGremium,
  updateLidmaatschap,
  updateOrganisatie,
  updatePersoon,
  type GremiumRow,
  type LidmaatschapRow,
  type NamensRow,
  type OrganisatieRow,
  type PersoonRow,
} from './governance-edit.repository.js';
import type { Namens } from './governance.service.js';

export interface OrganisatieInput {
  naam: string;
  sectoren: Sector[];
}

export interface PersoonInput {
  naam: string;
  functie: string | null;
  email: string | null;
  organisatieId: string | null;
}

export interface GremiumInput {
  naam: string;
  type: GremiumType;
  omschrijving: string | null;
  opdracht: string | null;
  mandaat: string | null;
  vergaderfrequentie: string | null;
}

export interface LidmaatschapInput {
  persoonId: string;
  rol: LidmaatschapRol;
  namens: Namens[];
}

/** What an editor sees and changes of a lidmaatschap: its rol and whom it represents, under one version. */
export interface LidmaatschapEditable {
  id: string;
  persoonId: string;
  gremiumId: string;
  rol: LidmaatschapRol;
  namens: Namens[];
  versie: number;
}

/** How much of a gremium a user may change: all of it, or (as voorzitter of the tafel) omschrijving and frequency. */
export type GremiumScope = 'alles' | 'eigen-tafel';

/** The fields of a gremium a voorzitter-overlegtafel may change on the tafel they chair. */
export const EIGEN_TAFEL_VELDEN = ['omschrijving', 'vergaderfrequentie'] as const;
const ALLEEN_PROCESMANAGER = ['naam', 'type', 'opdracht', 'mandaat'] as const;

export function gremiumScope(rollen: readonly RolToewijzing[] | undefined, gremiumId: string): GremiumScope | undefined {
  if (heeftPermissie(rollen, 'governance.bewerken')) return 'alles';
  if (rollen?.some((r) => r.rol === 'voorzitter-overlegtafel' && r.gremiumId === gremiumId)) return 'eigen-tafel';
  return undefined;
}

/** Archiving is refused while other current records still point at this one. */
export class InUseError extends HttpError {
  constructor(detail: string) {
    super(409, t('governance.nogInGebruik'), detail);
  }
}

const organisatieFields = (r: OrganisatieRow) => ({ code: r.code, naam: r.naam, sectoren: r.sectoren, versie: r.versie });
const persoonFields = (r: PersoonRow) => ({ code: r.code, naam: r.naam, functie: r.functie, email: r.email, organisatieId: r.organisatieId, versie: r.versie });
const gremiumFields = (r: GremiumRow) => ({
  slug: r.slug,
  naam: r.naam,
  type: r.type,
  omschrijving: r.omschrijving,
  opdracht: r.opdracht,
  mandaat: r.mandaat,
  vergaderfrequentie: r.vergaderfrequentie,
  versie: r.versie,
});
const toNamens = (rows: NamensRow[]): Namens[] =>
  rows.map((n): Namens => (n.sector ? { sector: n.sector, organisatieId: null } : { sector: null, organisatieId: n.organisatieId! }));
const lidmaatschapFields = (r: LidmaatschapRow, namens: Namens[]): LidmaatschapEditable => ({
  id: r.id,
  persoonId: r.persoonId,
  gremiumId: r.gremiumId,
  rol: r.rol,
  namens,
  versie: r.versie,
});

/** "Stichting Jong & Oud" → "stichting-jong-en-oud"; accents dropped, at most 60 characters. */
export function kebabCase(naam: string, fallback: string): string {
  const slug = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** The code for a new record: its name in kebab case, with -2, -3 … when the gemeente already has that code. */
async function uniqueCode(db: Database, table: 'organisatie' | 'persoon' | 'gremium', gemeenteId: string, naam: string): Promise<string> {
  const stem = kebabCase(naam, table);
  const taken = new Set(await codesLike(db, table, gemeenteId, stem));
  if (!taken.has(stem)) return stem;
  let n = 2;
  while (taken.has(`${stem}-${n}`)) n += 1;
  return `${stem}-${n}`;
}

/** The unique codes that creates pick under lockCodes; a clash would mean that lock failed. */
const CODE_CONSTRAINTS = ['organisatie_code_per_gemeente', 'persoon_code_per_gemeente', 'gremium_slug_per_gemeente'];

/** Undefined means "leave as it is" (a PATCH that leaves a field out). */
function changed<T extends object>(input: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

function uniqueNamens(namens: Namens[]): Namens[] {
  const seen = new Set<string>();
  return namens.filter((n) => {
    const key = n.sector ? `sector:${n.sector}` : `organisatie:${n.organisatieId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Changes to the governance: organisaties, personen, gremia and who sits where. Each save runs in one transaction
 * that locks the record, compares the version the user started from with the stored one (refusing a stale save),
 * writes the change and its audit line, and raises the gemeente's data version so every cached page and API
 * answer is renewed. The same rules serve the forms and the API.
 */
export class GovernanceEditService {
  private readonly changes: DataChange;

  constructor(
    private readonly db: Database,
    onChange: () => void,
  ) {
    this.changes = new DataChange(db, onChange);
  }

  /** Runs one change; a unique violation that slipped past the checks becomes a Dutch message at its field. */
  private async change<T>(gemeenteId: string, work: (tx: Database) => Promise<T>): Promise<T> {
    try {
      return await this.changes.run(gemeenteId, work);
    } catch (error) {
      if (isUniqueViolation(error, 'lidmaatschap_uniek')) throw new FieldError('persoonId', t('governance.lidmaatschap.alLid'));
      if (CODE_CONSTRAINTS.some((constraint) => isUniqueViolation(error, constraint))) throw new FieldError('naam', t('governance.dubbel'));
      throw error;
    }
  }

  /** persoonId → e-mail address, for logged-in readers (permission intern.lezen). */
  async contactgegevens(gemeenteId: string): Promise<Map<string, string>> {
    const rows = await listPersoonEmails(this.db, gemeenteId);
    return new Map(rows.map((r) => [r.id, r.email ?? '']));
  }

  // --- Organisatie -------------------------------------------------------------------------------------------------

  async getOrganisatie(gemeenteId: string, id: string): Promise<OrganisatieRow> {
    const row = isUuid(id) ? await findOrganisatie(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.organisatieNietGevonden', { id }));
    return row;
  }

  createOrganisatie(gemeenteId: string, input: OrganisatieInput, actor: Actor): Promise<OrganisatieRow> {
    return this.change(gemeenteId, async (tx) => {
      await lockCodes(tx, gemeenteId);
      const code = await uniqueCode(tx, 'organisatie', gemeenteId, input.naam);
      const row = await insertOrganisatie(tx, { gemeenteId, code, naam: input.naam, sectoren: [...new Set(input.sectoren)] });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'aangemaakt',
        objectType: 'organisatie',
        objectId: row.id,
        omschrijving: `Organisatie ${row.naam}`,
        na: organisatieFields(row),
      });
      return row;
    });
  }

  updateOrganisatie(gemeenteId: string, id: string, versie: number, input: Partial<OrganisatieInput>, actor: Actor): Promise<OrganisatieRow> {
    return this.change(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await findOrganisatie(tx, gemeenteId, id, true) : undefined;
      if (!before) throw new NotFoundError(t('api.organisatieNietGevonden', { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), organisatieFields(before));
      const changes = changed(input);
      if (changes.sectoren) changes.sectoren = [...new Set(changes.sectoren)];
      const after = await updateOrganisatie(tx, gemeenteId, id, changes);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gewijzigd',
        objectType: 'organisatie',
        objectId: id,
        omschrijving: `Organisatie ${after.naam}`,
        voor: organisatieFields(before),
        na: organisatieFields(after),
      });
      return after;
    });
  }

  async archiveOrganisatie(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<void> {
    await this.change(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await findOrganisatie(tx, gemeenteId, id, true) : undefined;
      if (!before) throw new NotFoundError(t('api.organisatieNietGevonden', { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), organisatieFields(before));
      const gebruik = await organisatieInGebruik(tx, gemeenteId, id);
      if (gebruik.leden > 0 || gebruik.personen > 0) throw new InUseError(t('governance.organisatie.inGebruik', gebruik));
      const after = await updateOrganisatie(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'organisatie',
        objectId: id,
        omschrijving: `Organisatie ${before.naam}`,
        voor: organisatieFields(before),
        na: { gearchiveerdOp: after.gearchiveerdOp, versie: after.versie },
      });
    });
  }

  // --- Persoon -----------------------------------------------------------------------------------------------------

  async getPersoon(gemeenteId: string, id: string): Promise<PersoonRow> {
    const row = isUuid(id) ? await findPersoon(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.persoonNietGevonden', { id }));
    return row;
  }

  /** A chosen organisatie must be current; the share lock makes a simultaneous archive of it wait for this save. */
  private async checkOrganisatie(tx: Database, gemeenteId: string, organisatieId: string | null | undefined): Promise<void> {
    if (!organisatieId) return;
    const found = isUuid(organisatieId) ? await currentOrganisatieIds(tx, gemeenteId, [organisatieId], true) : new Set<string>();
    if (!found.has(organisatieId)) throw new FieldError('organisatieId', t('governance.persoon.organisatieOnbekend'));
  }

  createPersoon(gemeenteId: string, input: PersoonInput, actor: Actor): Promise<PersoonRow> {
    return this.change(gemeenteId, async (tx) => {
      await lockCodes(tx, gemeenteId);
      await this.checkOrganisatie(tx, gemeenteId, input.organisatieId);
      const code = await uniqueCode(tx, 'persoon', gemeenteId, input.naam);
      const row = await insertPersoon(tx, { gemeenteId, code, ...input });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'aangemaakt',
        objectType: 'persoon',
        objectId: row.id,
        omschrijving: `Persoon ${row.naam}`,
        na: persoonFields(row),
      });
      return row;
    });
  }

  updatePersoon(gemeenteId: string, id: string, versie: number, input: Partial<PersoonInput>, actor: Actor): Promise<PersoonRow> {
    return this.change(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await findPersoon(tx, gemeenteId, id, true) : undefined;
      if (!before) throw new NotFoundError(t('api.persoonNietGevonden', { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), persoonFields(before));
      const changes = changed(input);
      if (changes.organisatieId !== before.organisatieId) await this.checkOrganisatie(tx, gemeenteId, changes.organisatieId);
      const after = await updatePersoon(tx, gemeenteId, id, changes);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gewijzigd',
        objectType: 'persoon',
        objectId: id,
        omschrijving: `Persoon ${after.naam}`,
        voor: persoonFields(before),
        na: persoonFields(after),
      });
      return after;
    });
  }

  async archivePersoon(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<void> {
    await this.change(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await findPersoon(tx, gemeenteId, id, true) : undefined;
      if (!before) throw new NotFoundError(t('api.persoonNietGevonden', { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), persoonFields(before));
      const aantal = await countLidmaatschappen(tx, gemeenteId, { persoonId: id });
      if (aantal > 0) throw new InUseError(t('governance.persoon.inGebruik', { aantal }));
      const after = await updatePersoon(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'persoon',
        objectId: id,
        omschrijving: `Persoon ${before.naam}`,
        voor: persoonFields(before),
        na: { gearchiveerdOp: after.gearchiveerdOp, versie: after.versie },
      });
    });
  }

  // --- Gremium -----------------------------------------------------------------------------------------------------

  /** The gremium and how much of it this user may change; 404 when it does not exist, then 403 when not theirs. */
  async getGremium(gemeenteId: string, id: string, rollen: readonly RolToewijzing[] | undefined): Promise<{ row: GremiumRow; scope: GremiumScope }> {
    const row = isUuid(id) ? await findGremium(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.gremiumNietGevonden', { id }));
    return { row, scope: this.scopeOf(rollen, id) };
  }

  private scopeOf(rollen: readonly RolToewijzing[] | undefined, id: string): GremiumScope {
    const scope = gremiumScope(rollen, id);
    if (!scope) throw new HttpError(403, t('auth.geenToegang.titel'), t('governance.gremium.nietUwTafel'));
    return scope;
  }

  createGremium(gemeenteId: string, input: GremiumInput, actor: Actor): Promise<GremiumRow> {
    return this.change(gemeenteId, async (tx) => {
      await lockCodes(tx, gemeenteId);
      const slug = await uniqueCode(tx, 'gremium', gemeenteId, input.naam);
      const row = await insertGremium(tx, { gemeenteId, slug, ...input });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'aangemaakt',
        objectType: 'gremium',
        objectId: row.id,
        omschrijving: `Gremium ${row.naam}`,
        na: gremiumFields(row),
      });
      return row;
    });
  }

  /**
   * Changes a gremium. A voorzitter-overlegtafel may change only the omschrijving and vergaderfrequentie of the tafel
   * they chair: another gremium, or another field with a new value, is refused with 403.
   */
  updateGremium(
    gemeenteId: string,
    id: string,
    versie: number,
    input: Partial<GremiumInput>,
    rollen: readonly RolToewijzing[] | undefined,
    actor: Actor,
  ): Promise<GremiumRow> {
    return this.change(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await findGremium(tx, gemeenteId, id, true) : undefined;
      if (!before) throw new NotFoundError(t('api.gremiumNietGevonden', { id }));
      const scope = this.scopeOf(rollen, id);
      const changes = changed(input);
      if (scope === 'eigen-tafel' && ALLEEN_PROCESMANAGER.some((field) => field in changes && changes[field] !== before[field])) {
        throw new HttpError(403, t('auth.geenToegang.titel'), t('governance.gremium.alleenOmschrijving'));
      }
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), gremiumFields(before));
      const after = await updateGremium(tx, gemeenteId, id, changes);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gewijzigd',
        objectType: 'gremium',
        objectId: id,
        omschrijving: `Gremium ${after.naam}`,
        voor: gremiumFields(before),
        na: gremiumFields(after),
      });
      return after;
    });
  }

  async archiveGremium(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<void> {
    await this.change(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await findGremium(tx, gemeenteId, id, true) : undefined;
      if (!before) throw new NotFoundError(t('api.gremiumNietGevonden', { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), gremiumFields(before));
      const aantal = await countLidmaatschappen(tx, gemeenteId, { gremiumId: id });
      if (aantal > 0) throw new InUseError(t('governance.gremium.inGebruik', { aantal }));
      const after = await updateGremium(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'gremium',
        objectId: id,
        omschrijving: `Gremium ${before.naam}`,
        voor: gremiumFields(before),
        na: { gearchiveerdOp: after.gearchiveerdOp, versie: after.versie },
      });
    });
  }

  // --- Lidmaatschap ------------------------------------------------------------------------------------------------

  async getLidmaatschap(gemeenteId: string, id: string): Promise<LidmaatschapEditable> {
    const row = isUuid(id) ? await findLidmaatschap(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.lidmaatschapNietGevonden', { id }));
    return lidmaatschapFields(row, toNamens(await listNamens(this.db, gemeenteId, id)));
  }

  /** Whom a member represents: at least one, and every organisatie a current one (share-locked, see checkOrganisatie). */
  private async checkNamens(tx: Database, gemeenteId: string, namens: Namens[]): Promise<Namens[]> {
    const unique = uniqueNamens(namens);
    if (unique.length === 0) throw new FieldError('namens', t('governance.lidmaatschap.namensLeeg'));
    const ids = unique.flatMap((n) => (n.organisatieId ? [n.organisatieId] : []));
    if (ids.some((id) => !isUuid(id))) throw new FieldError('namens', t('governance.lidmaatschap.namensOnbekend'));
    const found = await currentOrganisatieIds(tx, gemeenteId, ids, true);
    if (ids.some((id) => !found.has(id))) throw new FieldError('namens', t('governance.lidmaatschap.namensOnbekend'));
    return unique;
  }

  createLidmaatschap(gemeenteId: string, gremiumId: string, input: LidmaatschapInput, actor: Actor): Promise<LidmaatschapEditable> {
    return this.change(gemeenteId, async (tx) => {
      // Locking the gremium makes two additions to it take turns; locking the persoon makes its archiving wait.
      const gremium = isUuid(gremiumId) ? await findGremium(tx, gemeenteId, gremiumId, true) : undefined;
      if (!gremium) throw new NotFoundError(t('api.gremiumNietGevonden', { id: gremiumId }));
      const persoon = isUuid(input.persoonId) ? await findPersoon(tx, gemeenteId, input.persoonId, true) : undefined;
      if (!persoon) throw new FieldError('persoonId', t('governance.lidmaatschap.persoonOnbekend'));
      const namens = await this.checkNamens(tx, gemeenteId, input.namens);
      const existing = await findLidmaatschapVan(tx, gemeenteId, persoon.id, gremium.id);
      if (existing && !existing.gearchiveerdOp) throw new FieldError('persoonId', t('governance.lidmaatschap.alLid'));
      let voor: (LidmaatschapEditable & { gearchiveerdOp: Date | null }) | undefined;
      let row: LidmaatschapRow;
      if (existing) {
        // The pair persoon × gremium is unique over the archive too: a former member comes back in the same record,
        // so its history simply continues.
        voor = { ...lidmaatschapFields(existing, toNamens(await listNamens(tx, gemeenteId, existing.id))), gearchiveerdOp: existing.gearchiveerdOp };
        row = await updateLidmaatschap(tx, gemeenteId, existing.id, {
          rol: input.rol,
          volgorde: await nextVolgorde(tx, gemeenteId, gremium.id),
          gearchiveerdOp: null,
        });
      } else {
        row = await insertLidmaatschap(tx, { gemeenteId, persoonId: persoon.id, gremiumId: gremium.id, rol: input.rol });
      }
      await replaceNamens(tx, gemeenteId, row.id, namens);
      const created = lidmaatschapFields(row, namens);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'aangemaakt',
        objectType: 'lidmaatschap',
        objectId: row.id,
        omschrijving: `Lidmaatschap van ${persoon.naam} in ${gremium.naam}`,
        voor,
        na: created,
      });
      return created;
    });
  }

  updateLidmaatschap(
    gemeenteId: string,
    id: string,
    versie: number,
    input: Partial<Pick<LidmaatschapInput, 'rol' | 'namens'>>,
    actor: Actor,
  ): Promise<LidmaatschapEditable> {
    return this.change(gemeenteId, async (tx) => {
      const row = isUuid(id) ? await findLidmaatschap(tx, gemeenteId, id, true) : undefined;
      if (!row) throw new NotFoundError(t('api.lidmaatschapNietGevonden', { id }));
      const before = lidmaatschapFields(row, toNamens(await listNamens(tx, gemeenteId, id)));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), before);
      const namens = input.namens ? await this.checkNamens(tx, gemeenteId, input.namens) : before.namens;
      const afterRow = await updateLidmaatschap(tx, gemeenteId, id, input.rol ? { rol: input.rol } : {});
      if (JSON.stringify(namens) !== JSON.stringify(before.namens)) await replaceNamens(tx, gemeenteId, id, namens);
      const after = lidmaatschapFields(afterRow, namens);
      const names = await namesOf(tx, gemeenteId, row.persoonId, row.gremiumId);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gewijzigd',
        objectType: 'lidmaatschap',
        objectId: id,
        omschrijving: `Lidmaatschap van ${names.persoon} in ${names.gremium}`,
        voor: before,
        na: after,
      });
      return after;
    });
  }

  async archiveLidmaatschap(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<LidmaatschapEditable> {
    return this.change(gemeenteId, async (tx) => {
      const row = isUuid(id) ? await findLidmaatschap(tx, gemeenteId, id, true) : undefined;
      if (!row) throw new NotFoundError(t('api.lidmaatschapNietGevonden', { id }));
      const before = lidmaatschapFields(row, toNamens(await listNamens(tx, gemeenteId, id)));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), before);
      const after = await updateLidmaatschap(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      const names = await namesOf(tx, gemeenteId, row.persoonId, row.gremiumId);
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'lidmaatschap',
        objectId: id,
        omschrijving: `Lidmaatschap van ${names.persoon} in ${names.gremium}`,
        voor: before,
        na: { gearchiveerdOp: after.gearchiveerdOp, versie: after.versie },
      });
      return before;
    });
  }
}

/** The label of a sector in a form (the public pages say "het primair onderwijs"; a list of choices says it shorter). */
export function sectorLabel(sector: Sector): string {
  return t(`governance.sector.${sector}`);
}
