import type { Database } from '../../db/client.js';
import { MAX_FOCUSDOELEN_PER_ACTIELIJN } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { ConflictError, FieldError, HttpError, NotFoundError } from '../../lib/errors.js';
import { isUuid } from '../../lib/find.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import { DataChange } from '../gemeente/data-change.js';
import {
  findActielijn,
  findFocusdoel,
  insertFocusdoel,
  listActielijnAmbities,
  listActiveFocusdoelen,
  listActiveSubpunten,
  lockActielijn,
  lockChosenAmbities,
  lockFocusdoel,
  replaceActielijnAmbities,
  replaceSubpunten,
  updateActielijn,
  updateFocusdoel,
  type ActielijnRow,
} from './agenda-edit.repository.js';

export interface ActielijnInput {
  titel: string;
  kernwoord: string | null;
  beleidsthema: string;
  /** The ambities it serves (at least one); absent leaves them as they are. */
  ambities?: string[] | undefined;
}

export interface AmbitieVerwijzing {
  id: string;
  naam: string;
}

/** An actielijn's own fields with the ambities it serves: what its edit form and PATCH change, under one version. */
export type ActielijnEditable = ActielijnRow & { ambities: AmbitieVerwijzing[] };

export interface FocusdoelInput {
  tekst: string;
  subpunten: string[];
}

/** What an editor sees and changes of a focusdoel: its text and its sub-points, under one version. */
export interface FocusdoelEditable extends FocusdoelInput {
  id: string;
  actielijnId: string;
  positie: number;
  versie: number;
}

export class MaxFocusdoelenError extends HttpError {
  constructor() {
    super(409, t('bewerken.maxFocusdoelen.titel'), t('bewerken.maxFocusdoelen.tekst', { max: MAX_FOCUSDOELEN_PER_ACTIELIJN }));
  }
}

const actielijnFields = (row: ActielijnRow, ambities: AmbitieVerwijzing[]) => ({
  titel: row.titel,
  kernwoord: row.kernwoord,
  beleidsthema: row.beleidsthema,
  ambities,
  versie: row.versie,
});

/**
 * The ambities after a save: unchanged when the same set was chosen (its order stays), else the ones kept in their
 * old order followed by the new ones in the order given.
 */
function mergeAmbities(before: AmbitieVerwijzing[], chosen: AmbitieVerwijzing[]): AmbitieVerwijzing[] {
  const chosenIds = new Set(chosen.map((a) => a.id));
  const kept = before.filter((a) => chosenIds.has(a.id));
  const keptIds = new Set(kept.map((a) => a.id));
  return [...kept, ...chosen.filter((a) => !keptIds.has(a.id))];
}

/**
 * Changes to the agenda. Each save runs in one transaction that locks the record, compares the version the user
 * started from with the stored one (refusing a stale save), writes the change and its audit line, and raises the
 * gemeente's data version so every cached page and API answer is renewed.
 */
export class AgendaEditService {
  private readonly changes: DataChange;

  constructor(
    private readonly db: Database,
    onChange: () => void,
  ) {
    this.changes = new DataChange(db, onChange);
  }

  async getActielijn(gemeenteId: string, id: string): Promise<ActielijnEditable> {
    const row = isUuid(id) ? await findActielijn(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.actielijnNietGevonden', { id }));
    return { ...row, ambities: await listActielijnAmbities(this.db, gemeenteId, id) };
  }

  async updateActielijn(gemeenteId: string, id: string, versie: number, input: ActielijnInput, actor: Actor): Promise<ActielijnEditable> {
    const row = await this.changes.run(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await lockActielijn(tx, gemeenteId, id) : undefined;
      if (!before) throw new NotFoundError(t('api.actielijnNietGevonden', { id }));
      const ambitiesBefore = await listActielijnAmbities(tx, gemeenteId, id);
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), actielijnFields(before, ambitiesBefore));
      let ambitiesAfter = ambitiesBefore;
      if (input.ambities) {
        const ids = [...new Set(input.ambities)];
        const chosen = await lockChosenAmbities(tx, gemeenteId, before.uitvoeringsagendaId, ids);
        if (ids.length === 0) throw new FieldError('ambities', t('ambitieBewerken.actielijnGeen'));
        if (chosen.length !== ids.length) throw new FieldError('ambities', t('ambitieBewerken.actielijnOnbekend'));
        ambitiesAfter = mergeAmbities(ambitiesBefore, ids.map((ambitieId) => chosen.find((a) => a.id === ambitieId)!));
        if (ambitiesAfter.map((a) => a.id).join() !== ambitiesBefore.map((a) => a.id).join()) {
          await replaceActielijnAmbities(tx, gemeenteId, id, ambitiesAfter.map((a) => a.id));
        }
      }
      const after = await updateActielijn(tx, gemeenteId, id, { titel: input.titel, kernwoord: input.kernwoord, beleidsthema: input.beleidsthema });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gewijzigd',
        objectType: 'actielijn',
        objectId: id,
        omschrijving: `Actielijn ${before.nummer}`,
        voor: actielijnFields(before, ambitiesBefore),
        na: actielijnFields(after, ambitiesAfter),
      });
      return { ...after, ambities: ambitiesAfter };
    });
    return row;
  }

  async getFocusdoel(gemeenteId: string, id: string): Promise<FocusdoelEditable> {
    const row = isUuid(id) ? await findFocusdoel(this.db, gemeenteId, id) : undefined;
    if (!row) throw new NotFoundError(t('api.focusdoelNietGevonden', { id }));
    const subpunten = await listActiveSubpunten(this.db, gemeenteId, id);
    return { id: row.id, actielijnId: row.actielijnId, positie: row.positie, versie: row.versie, tekst: row.tekst, subpunten: subpunten.map((s) => s.tekst) };
  }

  async createFocusdoel(gemeenteId: string, actielijnId: string, input: FocusdoelInput, actor: Actor): Promise<FocusdoelEditable> {
    const created = await this.changes.run(gemeenteId, async (tx) => {
      // Locking the actielijn makes two simultaneous "add" requests take turns, so neither can slip past the limit.
      const parent = isUuid(actielijnId) ? await lockActielijn(tx, gemeenteId, actielijnId) : undefined;
      if (!parent) throw new NotFoundError(t('api.actielijnNietGevonden', { id: actielijnId }));
      const current = await listActiveFocusdoelen(tx, gemeenteId, actielijnId);
      if (current.length >= MAX_FOCUSDOELEN_PER_ACTIELIJN) throw new MaxFocusdoelenError();
      const used = new Set(current.map((f) => f.positie));
      const positie = [1, 2].find((p) => !used.has(p))!;
      const row = await insertFocusdoel(tx, { gemeenteId, actielijnId, positie, tekst: input.tekst });
      await replaceSubpunten(tx, gemeenteId, row.id, input.subpunten, new Date());
      const na = { tekst: row.tekst, subpunten: input.subpunten, positie, versie: row.versie };
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'aangemaakt',
        objectType: 'focusdoel',
        objectId: row.id,
        omschrijving: `Focusdoel ${positie} van actielijn ${parent.nummer}`,
        na,
      });
      return { id: row.id, actielijnId, positie, versie: row.versie, ...input };
    });
    return created;
  }

  async updateFocusdoel(gemeenteId: string, id: string, versie: number, input: FocusdoelInput, actor: Actor): Promise<FocusdoelEditable> {
    const updated = await this.changes.run(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await lockFocusdoel(tx, gemeenteId, id) : undefined;
      if (!before) throw new NotFoundError(t('api.focusdoelNietGevonden', { id }));
      const subpuntenBefore = (await listActiveSubpunten(tx, gemeenteId, id)).map((s) => s.tekst);
      const voor = { tekst: before.tekst, subpunten: subpuntenBefore, versie: before.versie };
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), voor);
      const after = await updateFocusdoel(tx, gemeenteId, id, { tekst: input.tekst });
      if (JSON.stringify(subpuntenBefore) !== JSON.stringify(input.subpunten)) {
        await replaceSubpunten(tx, gemeenteId, id, input.subpunten, new Date());
      }
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gewijzigd',
        objectType: 'focusdoel',
        objectId: id,
        omschrijving: `Focusdoel ${before.positie}`,
        voor,
        na: { tekst: after.tekst, subpunten: input.subpunten, versie: after.versie },
      });
      return { id, actielijnId: after.actielijnId, positie: after.positie, versie: after.versie, ...input };
    });
    return updated;
  }

  async archiveFocusdoel(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<void> {
    await this.changes.run(gemeenteId, async (tx) => {
      const before = isUuid(id) ? await lockFocusdoel(tx, gemeenteId, id) : undefined;
      if (!before) throw new NotFoundError(t('api.focusdoelNietGevonden', { id }));
      const subpunten = (await listActiveSubpunten(tx, gemeenteId, id)).map((s) => s.tekst);
      const voor = { tekst: before.tekst, subpunten, versie: before.versie };
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), voor);
      const after = await updateFocusdoel(tx, gemeenteId, id, { gearchiveerdOp: new Date() });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'gegevens',
        actie: 'gearchiveerd',
        objectType: 'focusdoel',
        objectId: id,
        omschrijving: `Focusdoel ${before.positie}`,
        voor,
        na: { gearchiveerdOp: after.gearchiveerdOp, versie: after.versie },
      });
    });
  }
}
