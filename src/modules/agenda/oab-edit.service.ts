import type { Database } from '../../db/client.js';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError, isUniqueViolation, NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/find.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import { DataChange } from '../gemeente/data-change.js';
import {
  findAfspraak,
  findCategorie,
  findJaar,
  insertAfspraak,
  insertJaar,
  jaarHeeftAfspraken,
  listCategorieen,
  lockAfspraak,
  lockCategorie,
  lockJaar,
  nextNummer,
  nummerInGebruik,
  updateAfspraak,
  updateJaar,
  type OabAfspraakRow,
  type OabCategorieRow,
} from './oab-edit.repository.js';

export interface OabAfspraakInput {
  categorieId: string;
  jaar: number;
  /** Null: the next free number in the category and year. */
  nummer: number | null;
  tekst: string;
}

export interface OabAfspraakFields {
  categorieId: string;
  categorie: string;
  jaar: number;
  nummer: number;
  tekst: string;
  versie: number;
}

/** The yearly toelichting as an editor sees it; versie 0 while the year has no row of its own yet. */
export interface OabJaarEditable {
  id: string | null;
  jaar: number;
  toelichting: string | null;
  versie: number;
}

const UNIQUE_NUMMER = 'oab_afspraak_nummer';
const UNIQUE_JAAR = 'oab_jaar_per_gemeente';

const afspraakFields = (row: OabAfspraakRow, categorie: OabCategorieRow | undefined): OabAfspraakFields => ({
  categorieId: row.categorieId,
  categorie: categorie?.naam ?? '',
  jaar: row.jaar,
  nummer: row.nummer,
  tekst: row.tekst,
  versie: row.versie,
});

const nummerTaken = (nummer: number, jaar: number) => new FieldError('nummer', t('oabBewerken.nummerBestaat', { nummer, jaar }));

/**
 * Creating, changing and archiving OAB-afspraken, and the toelichting per year. Each save is one transaction that
 * locks what it changes, refuses a stale version, writes the change with its audit line and raises the data version.
 */
export class OabEditService {
  private readonly changes: DataChange;

  constructor(
    private readonly db: Database,
    onChange: () => void,
  ) {
    this.changes = new DataChange(db, onChange);
  }

  categorieen(gemeenteId: string): Promise<OabCategorieRow[]> {
    return listCategorieen(this.db, gemeenteId);
  }

  async getAfspraak(gemeenteId: string, id: string): Promise<OabAfspraakRow & { categorie: OabCategorieRow }> {
    const row = isUuid(id) ? await findAfspraak(this.db, gemeenteId, id) : undefined;
    const categorie = row ? await findCategorie(this.db, gemeenteId, row.categorieId) : undefined;
    if (!row || !categorie) throw new NotFoundError(t('api.oabAfspraakNietGevonden', { id }));
    return { ...row, categorie };
  }

  async createAfspraak(gemeenteId: string, input: OabAfspraakInput, actor: Actor): Promise<OabAfspraakRow & { categorie: OabCategorieRow }> {
    const created = await this.uniqueNummer(input, () =>
      this.changes.run(gemeenteId, async (tx) => {
        const categorie = isUuid(input.categorieId) ? await lockCategorie(tx, gemeenteId, input.categorieId) : undefined;
        if (!categorie) throw new FieldError('categorieId', t('oabBewerken.categorieOnbekend'));
        const nummer = input.nummer ?? (await nextNummer(tx, gemeenteId, categorie.id, input.jaar));
        if (await nummerInGebruik(tx, gemeenteId, categorie.id, input.jaar, nummer)) throw nummerTaken(nummer, input.jaar);
        const row = await insertAfspraak(tx, { gemeenteId, categorieId: categorie.id, jaar: input.jaar, nummer, tekst: input.tekst });
        await insertAuditRegel(tx, gemeenteId, actor, {
          soort: 'gegevens',
          actie: 'aangemaakt',
          objectType: 'oab-afspraak',
          objectId: row.id,
          omschrijving: `OAB-afspraak ${row.jaar}, ${categorie.naam}, nummer ${row.nummer}`,
          na: afspraakFields(row, categorie),
        });
        return { ...row, categorie };
      }),
    );
    return created;
  }

  async updateAfspraak(
    gemeenteId: string,
    id: string,
    versie: number,
    input: OabAfspraakInput,
    actor: Actor,
  ): Promise<OabAfspraakRow & { categorie: OabCategorieRow }> {
    const updated = await this.uniqueNummer(input, () =>
      this.changes.run(gemeenteId, async (tx) => {
        const before = isUuid(id) ? await lockAfspraak(tx, gemeenteId, id) : undefined;
        if (!before) throw new NotFoundError(t('api.oabAfspraakNietGevonden', { id }));
        const categorieBefore = await findCategorie(tx, gemeenteId, before.categorieId);
        if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), afspraakFields(before, categorieBefore));
        const categorie = isUuid(input.categorieId) ? await lockCategorie(tx, gemeenteId, input.categorieId) : undefined;
        if (!categorie) throw new FieldError('categorieId', t('oabBewerken.categorieOnbekend'));
        const nummer = input.nummer ?? (await nextNummer(tx, gemeenteId, categorie.id, input.jaar));
        if (await nummerInGebruik(tx, gemeenteId, categorie.id, input.jaar, nummer, id)) throw nummerTaken(nummer, input.jaar);
        const after = await updateAfspraak(tx, gemeenteId, id, { categorieId: categorie.id, jaar: input.jaar, nummer, tekst: input.tekst });
        await insertAuditRegel(tx, gemeenteId, actor, {
          soort: 'gegevens',
          actie: 'gewijzigd',
          objectType: 'oab-afspraak',
          objectId: id,
          omschrijving: `OAB-afspraak ${after.jaar}, ${categorie.naam}, nummer ${after.nummer}`,
          voor: afspraakFields(before, categorieBefore),
          na: afspraakFields(after, categorie),
        });
        return { ...after, categorie };
      }),
    );
    return updated;
  }

  async archiveAfspraak(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<void> {
    await this.changes.run(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await lockAfspraak(tx, gemeenteId, id) : undefined;
      if (!before) throw new NotFoundError(t('api.oabAfspraakNietGevonden', { id }));
      const categorie = await findCategorie(tx, gemeenteId, before.categorieId);
      const voor = afspraakFields(before, categorie);
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), voor);
      const after = await updateAfspraak(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'oab-afspraak',
        objectId: id,
        omschrijving: `OAB-afspraak ${before.jaar}, ${voor.categorie}, nummer ${before.nummer}`,
        voor,
        na: { gearchiveerdOp: after.gearchiveerdOp, versie: after.versie },
      });
    });
  }

  /** A year on the OAB page: it has a row of its own or at least one current afspraak. */
  async getJaar(gemeenteId: string, jaar: number): Promise<OabJaarEditable> {
    const row = await findJaar(this.db, gemeenteId, jaar);
    if (row) return { id: row.id, jaar, toelichting: row.toelichting, versie: row.versie };
    if (!(await jaarHeeftAfspraken(this.db, gemeenteId, jaar))) throw new NotFoundError(t('fout.404.tekst'));
    return { id: null, jaar, toelichting: null, versie: 0 };
  }

  /** Sets the toelichting of a year; the first save of a year without a row of its own makes the row (versie 0 → 1). */
  async updateJaar(gemeenteId: string, jaar: number, versie: number, toelichting: string | null, actor: Actor): Promise<OabJaarEditable> {
    try {
      const saved = await this.changes.run(gemeenteId, async (tx) => {
        const before = await lockJaar(tx, gemeenteId, jaar);
        if (!before && !(await jaarHeeftAfspraken(tx, gemeenteId, jaar))) throw new NotFoundError(t('fout.404.tekst'));
        const voor = { toelichting: before?.toelichting ?? null, versie: before?.versie ?? 0 };
        if (voor.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), voor);
        const after = before ? await updateJaar(tx, gemeenteId, before.id, toelichting) : await insertJaar(tx, { gemeenteId, jaar, toelichting });
        await insertAuditRegel(tx, gemeenteId, actor, {
          soort: 'gegevens',
          actie: before ? 'gewijzigd' : 'aangemaakt',
          objectType: 'oab-jaar',
          objectId: after.id,
          omschrijving: `Toelichting OAB-afspraken ${jaar}`,
          ...(before ? { voor } : {}),
          na: { toelichting: after.toelichting, versie: after.versie },
        });
        return { id: after.id, jaar, toelichting: after.toelichting, versie: after.versie };
      });
      return saved;
    } catch (error) {
      // Someone else made the year's row between our look and our insert: that is a newer version too.
      if (!isUniqueViolation(error, UNIQUE_JAAR)) throw error;
      const current = await findJaar(this.db, gemeenteId, jaar);
      throw new ConflictError(t('bewerken.conflict.tekst'), { toelichting: current?.toelichting ?? null, versie: current?.versie ?? 0 });
    }
  }

  /** Two saves taking one number at the same moment both pass the check; the constraint stops the second. */
  private async uniqueNummer<T>(input: OabAfspraakInput, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_NUMMER)) throw nummerTaken(input.nummer ?? 0, input.jaar);
      throw error;
    }
  }
}
