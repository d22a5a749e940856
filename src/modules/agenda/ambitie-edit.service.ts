import type { Database } from '../../db/client.js';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError, HttpError, isUniqueViolation, NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/find.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import { DataChange } from '../gemeente/data-change.js';
import {
  findAmbitie,
  findAmbitieByCode,
  findCurrentVisiedocumentId,
  insertAmbitie,
  listActielijnenOfAmbitie,
  lockAmbitie,
  nextAmbitieVolgorde,
  unlinkAmbitie,
  updateAmbitie,
  type AmbitieRow,
} from './ambitie-edit.repository.js';

export interface AmbitieInput {
  code: string;
  naam: string;
  omschrijving: string;
  /** Null: after the last current ambitie. */
  volgorde: number | null;
}

export interface AmbitieFields {
  code: string;
  naam: string;
  omschrijving: string;
  volgorde: number;
  versie: number;
}

const UNIQUE_CODE = 'ambitie_code_per_visie';

/** "1", "1 en 2", "1, 2 en 3". */
export function joinDutch(items: readonly (string | number)[]): string {
  const parts = items.map(String);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${t('ambitieBewerken.en')} ${parts.at(-1)!}`;
}

/** Archiving would leave an actielijn without any ambitie: refused, with the actielijnen named. */
export class AmbitieNogNodigError extends HttpError {
  constructor(readonly nummers: number[]) {
    super(
      409,
      t('ambitieBewerken.nogNodig.titel'),
      t(nummers.length === 1 ? 'ambitieBewerken.nogNodig.een' : 'ambitieBewerken.nogNodig.meer', { nummers: joinDutch(nummers) }),
    );
  }
}

export const ambitieFields = (row: AmbitieRow): AmbitieFields => ({
  code: row.code,
  naam: row.naam,
  omschrijving: row.omschrijving,
  volgorde: row.volgorde,
  versie: row.versie,
});

const codeTaken = (code: string, archived: boolean) =>
  new FieldError('code', t(archived ? 'ambitieBewerken.codeGearchiveerd' : 'ambitieBewerken.codeBestaat', { code }));

/**
 * Creating, changing and archiving the ambities of the visiedocument in force. Each save is one transaction that
 * locks the record, refuses a stale version, writes the change with its audit line and raises the data version.
 */
export class AmbitieEditService {
  private readonly changes: DataChange;

  constructor(
    private readonly db: Database,
    onChange: () => void,
  ) {
    this.changes = new DataChange(db, onChange);
  }

  async get(gemeenteId: string, id: string): Promise<AmbitieRow> {
    const row = isUuid(id) ? await findAmbitie(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.ambitieNietGevonden', { id }));
    return row;
  }

  async create(gemeenteId: string, input: AmbitieInput, actor: Actor): Promise<AmbitieRow> {
    const created = await this.uniqueCode(input.code, () =>
      this.changes.run(gemeenteId, async (tx) => {
        const visiedocumentId = await findCurrentVisiedocumentId(tx, gemeenteId);
        if (!visiedocumentId) throw new HttpError(409, 'Conflict', t('ambitieBewerken.geenVisiedocument'));
        const clash = await findAmbitieByCode(tx, gemeenteId, visiedocumentId, input.code);
        if (clash) throw codeTaken(input.code, clash.gearchiveerdOp !== null);
        const volgorde = input.volgorde ?? (await nextAmbitieVolgorde(tx, gemeenteId, visiedocumentId));
        const row = await insertAmbitie(tx, { gemeenteId, visiedocumentId, code: input.code, naam: input.naam, omschrijving: input.omschrijving, volgorde });
        await insertAuditRegel(tx, gemeenteId, actor, {
          soort: 'gegevens',
          actie: 'aangemaakt',
          objectType: 'ambitie',
          objectId: row.id,
          omschrijving: `Ambitie ${row.naam}`,
          na: ambitieFields(row),
        });
        return row;
      }),
    );
    return created;
  }

  async update(gemeenteId: string, id: string, versie: number, input: AmbitieInput, actor: Actor): Promise<AmbitieRow> {
    const updated = await this.uniqueCode(input.code, () =>
      this.changes.run(gemeenteId, async (tx) => {
        const before = isUuid(id) ? await lockAmbitie(tx, gemeenteId, id) : undefined;
        if (!before) throw new NotFoundError(t('api.ambitieNietGevonden', { id }));
        if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), ambitieFields(before));
        if (input.code !== before.code) {
          const clash = await findAmbitieByCode(tx, gemeenteId, before.visiedocumentId, input.code);
          if (clash) throw codeTaken(input.code, clash.gearchiveerdOp !== null);
        }
        const after = await updateAmbitie(tx, gemeenteId, id, {
          code: input.code,
          naam: input.naam,
          omschrijving: input.omschrijving,
          volgorde: input.volgorde ?? before.volgorde,
        });
        await insertAuditRegel(tx, gemeenteId, actor, {
          soort: 'gegevens',
          actie: 'gewijzigd',
          objectType: 'ambitie',
          objectId: id,
          omschrijving: `Ambitie ${after.naam}`,
          voor: ambitieFields(before),
          na: ambitieFields(after),
        });
        return after;
      }),
    );
    return updated;
  }

  /**
   * Takes the ambitie off the agenda. Refused while it is the only ambitie of an actielijn; otherwise the actielijnen
   * that also serve other ambities lose just this one.
   */
  async archive(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<void> {
    await this.changes.run(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await lockAmbitie(tx, gemeenteId, id) : undefined;
      if (!before) throw new NotFoundError(t('api.ambitieNietGevonden', { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), ambitieFields(before));
      const actielijnen = await listActielijnenOfAmbitie(tx, gemeenteId, id);
      const alleenDeze = actielijnen.filter((al) => al.ambities <= 1).map((al) => al.nummer);
      if (alleenDeze.length > 0) throw new AmbitieNogNodigError(alleenDeze);
      await unlinkAmbitie(tx, gemeenteId, id);
      const after = await updateAmbitie(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'ambitie',
        objectId: id,
        omschrijving: `Ambitie ${before.naam}`,
        voor: { ...ambitieFields(before), actielijnen: actielijnen.map((al) => al.nummer) },
        na: { gearchiveerdOp: after.gearchiveerdOp, actielijnen: [], versie: after.versie },
      });
    });
  }

  /** Two saves with one new code at the same moment both pass the check; the constraint stops the second. */
  private async uniqueCode<T>(code: string, save: () => Promise<T>): Promise<T> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error, UNIQUE_CODE)) throw codeTaken(code, false);
      throw error;
    }
  }
}
