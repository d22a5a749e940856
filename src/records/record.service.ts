/**
 * The one service behind every record kind. Each change runs in one transaction (DataChange) that locks the record,
 * compares the version the user started from with the stored one (a stale save is refused, never silently
 * overwritten), applies the kind's rules, writes the change with its audit line (who, what, before and after) and
 * raises the gemeente's data version, so every cached page and API answer renews. Every query is scoped to the
 * gemeente. Forms and API call the same methods, so both follow the same rules.
 */
import type { Database } from '../db/client.js';
import { t } from '../i18n/index.js';
import { ConflictError, FieldError, HttpError, isUniqueViolation, NotFoundError } from '../lib/errors.js';
import { isUuid } from '../lib/find.js';
import { insertAuditRegel, type Actor } from '../modules/audit/audit.repository.js';
import type { RolToewijzing } from '../modules/auth/permissions.js';
import type { DataChange } from '../modules/gemeente/data-change.js';
import type { Field } from './fields.js';
import { kebabCase } from './kebab-case.js';
import type { AnyRecordKind, LoadedRecord, RecordOf, RuleContext, Scope } from './record-kind.js';
import { codesLike, currentIds, findRow, findRowWhere, insertRow, listRows, lockCodes, rememberAddress, updateRow } from './record.repository.js';

// Still exported here, where it used to live.
export { kebabCase };

type Row = Record<string, unknown> & { id: string; versie: number };
type Values = Record<string, unknown>;

const json = (value: unknown) => JSON.stringify(value);

export class RecordService<K extends AnyRecordKind = AnyRecordKind> {
  private readonly fieldEntries: [string, Field<unknown, unknown>][];

  constructor(
    readonly kind: K,
    private readonly db: Database,
    private readonly changes: DataChange,
    /** The service of the parent kind, for a kind that lives under another. */
    readonly parent?: RecordService | undefined,
  ) {
    this.fieldEntries = Object.entries(kind.fields) as [string, Field<unknown, unknown>][];
  }

  // --- Reading ------------------------------------------------------------------------------------------------------

  /** The current record with this id, or a 404 in the kind's words. */
  async get(gemeenteId: string, id: string): Promise<RecordOf<K>> {
    const found = await this.find(gemeenteId, id);
    if (!found) throw new NotFoundError(t(this.kind.notFound, { id }));
    return found;
  }

  async find(gemeenteId: string, id: string, db: Database = this.db, lock?: 'update' | 'share'): Promise<RecordOf<K> | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await findRow(db, this.kind.table, gemeenteId, id, lock);
    return row ? (await this.load(db, gemeenteId, [row]))[0] : undefined;
  }

  /** Every current record of the gemeente, or those under one parent. */
  async list(gemeenteId: string, parentId?: string): Promise<RecordOf<K>[]> {
    const where = parentId && this.kind.parent ? { [this.kind.parent.column]: parentId } : undefined;
    return this.load(this.db, gemeenteId, await listRows(this.db, this.kind.table, gemeenteId, where, this.kind.order));
  }

  private async load(db: Database, gemeenteId: string, rows: Row[]): Promise<RecordOf<K>[]> {
    const ids = rows.map((row) => row.id);
    const related = new Map<string, Map<string, unknown>>();
    for (const [name, field] of this.fieldEntries) {
      if (field.relation) related.set(name, await field.relation.load(db, gemeenteId, ids));
    }
    return rows.map((row) => {
      const values: Values = {};
      for (const [name, field] of this.fieldEntries) {
        values[name] = field.relation ? related.get(name)!.get(row.id) ?? field.initial : row[field.column ?? name];
      }
      return { id: row.id, versie: row.versie, row, values } as RecordOf<K>;
    });
  }

  /** The field values of a record as the service takes them: for merging a partial change and comparing. */
  inputOf(record: LoadedRecord): Values {
    return Object.fromEntries(this.fieldEntries.map(([name, field]) => [name, field.toInput(record.values[name])]));
  }

  /** What the audit line and the conflict notice show of a record: its columns of note, its values, its version. */
  snapshot(record: LoadedRecord): Record<string, unknown> {
    const columns = Object.fromEntries((this.kind.auditColumns ?? []).map((column) => [column, (record.row as Row)[column]]));
    return { ...columns, ...record.values, versie: record.versie };
  }

  /** The audit line of a change, in the same transaction: who, what, before and after. */
  private async log(context: RuleContext, actor: Actor, actie: string, record: LoadedRecord, voor: unknown, na: unknown): Promise<void> {
    await insertAuditRegel(context.tx, context.gemeenteId, actor, {
      soort: 'gegevens',
      actie,
      objectType: this.kind.name,
      objectId: record.id,
      omschrijving: await this.kind.describe(record as never, context),
      voor,
      na,
    });
  }

  private async audited(record: LoadedRecord, context: RuleContext): Promise<Record<string, unknown>> {
    const details = this.kind.auditDetails ? await this.kind.auditDetails(record as never, context) : {};
    return { ...this.snapshot(record), ...details };
  }

  /** How much of the record these roles may change; undefined: nothing. */
  scopeOf(rollen: readonly RolToewijzing[] | undefined, record: LoadedRecord): Scope | undefined {
    return this.kind.scope ? this.kind.scope.of(rollen, record) : 'alles';
  }

  // --- Changing -----------------------------------------------------------------------------------------------------

  /** Makes a record (under `parentId` for a child kind). Fields left out take their initial value, or null. */
  create(gemeenteId: string, input: Values, actor: Actor, parentId?: string): Promise<RecordOf<K>> {
    const values = this.complete(input);
    return this.guard(values, () =>
      this.changes.run(gemeenteId, async (tx) => {
        const parent = await this.lockParent(tx, gemeenteId, parentId);
        const context: RuleContext = { tx, gemeenteId, parent };
        this.check(values);
        await this.checkReferences(tx, gemeenteId, values);
        const decided = (await this.kind.rules?.beforeCreate?.(context, values)) ?? {};
        let row: Row;
        let voor: Record<string, unknown> | undefined;
        if (decided.revive) {
          // A former record comes back (the pair it stands for is unique over the archive): its history continues.
          const old = decided.revive as Row;
          voor = { ...this.snapshot((await this.load(tx, gemeenteId, [old]))[0]!), gearchiveerdOp: old.gearchiveerdOp };
          row = await updateRow(tx, this.kind.table, gemeenteId, old.id, { ...this.columns(values, 'create'), ...decided.columns, gearchiveerdOp: null });
        } else {
          const columns: Values = { gemeenteId, ...this.columns(values, 'create'), ...decided.columns };
          if (parent) columns[this.kind.parent!.column] = parent.id;
          if (this.kind.code) columns[this.kind.code.column] = await this.freeCode(tx, gemeenteId, String(values[this.kind.code.from]));
          row = await insertRow(tx, this.kind.table, columns);
        }
        const created = await this.saveRelations(tx, gemeenteId, row, values, undefined);
        await this.log(context, actor, 'aangemaakt', created, voor, await this.audited(created, context));
        return created;
      }),
    );
  }

  /**
   * Changes a record on top of version `versie`. Fields left out (undefined) stay as they are. A user with a narrower
   * scope may change only the fields of that scope; sending another field's stored value back is no change.
   */
  update(gemeenteId: string, id: string, versie: number, input: Values, actor: Actor, rollen?: readonly RolToewijzing[]): Promise<RecordOf<K>> {
    const changed = Object.fromEntries(Object.entries(input).filter(([name, value]) => value !== undefined && name in this.kind.fields));
    return this.guard(changed, () =>
      this.changes.run(gemeenteId, async (tx) => {
        const before = await this.find(gemeenteId, id, tx, 'update');
        if (!before) throw new NotFoundError(t(this.kind.notFound, { id }));
        const current = this.inputOf(before);
        this.checkScope(rollen, before, changed, current);
        if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), before);
        const values = { ...current, ...changed };
        this.check(values);
        const differs = Object.fromEntries(Object.entries(changed).filter(([name, value]) => json(value) !== json(current[name])));
        await this.checkReferences(tx, gemeenteId, differs);
        const parent = this.kind.parent && this.parent ? await this.parent.find(gemeenteId, String((before.row as Row)[this.kind.parent.column]), tx) : undefined;
        const context: RuleContext = { tx, gemeenteId, parent };
        const extra = (await this.kind.rules?.beforeUpdate?.(context, before as never, values)) ?? {};
        const row = await updateRow(tx, this.kind.table, gemeenteId, before.id, { ...this.columns(differs, 'update'), ...extra });
        const address = this.kind.address?.column;
        if (address && (before.row as Row)[address] !== row[address]) {
          await rememberAddress(tx, gemeenteId, this.kind.name, String((before.row as Row)[address]), before.id);
        }
        const after = await this.saveRelations(tx, gemeenteId, row, differs, before);
        await this.log(context, actor, 'gewijzigd', after, await this.audited(before, context), await this.audited(after, context));
        return after;
      }),
    );
  }

  /** Takes a record out of use; it stays, with its history. The kind's rules may refuse while others still need it. */
  archive(gemeenteId: string, id: string, versie: number, actor: Actor): Promise<RecordOf<K>> {
    return this.changes.run(gemeenteId, async (tx) => {
      const before = await this.find(gemeenteId, id, tx, 'update');
      if (!before) throw new NotFoundError(t(this.kind.notFound, { id }));
      if (before.versie !== versie) throw new ConflictError(t('bewerken.conflict.tekst'), before);
      const parent = this.kind.parent && this.parent ? await this.parent.find(gemeenteId, String((before.row as Row)[this.kind.parent.column]), tx) : undefined;
      const context: RuleContext = { tx, gemeenteId, parent };
      const extra = (await this.kind.rules?.beforeArchive?.(context, before as never)) ?? {};
      const row = await updateRow(tx, this.kind.table, gemeenteId, before.id, { gearchiveerdOp: new Date() });
      const voor = { ...(await this.audited(before, context)), ...extra.voor };
      await this.log(context, actor, 'gearchiveerd', before, voor, { gearchiveerdOp: row.gearchiveerdOp, ...extra.na, versie: row.versie });
      return before;
    });
  }

  /** The record with these column values, archived or not (for a kind whose former records come back). */
  findAnyWhere(tx: Database, gemeenteId: string, columns: Record<string, unknown>) {
    return findRowWhere(tx, this.kind.table, gemeenteId, columns);
  }

  // --- The rules every change follows ----------------------------------------------------------------------------------

  /** A new record's values: what was given, else each field's initial value, else null; fields set later left out. */
  private complete(input: Values): Values {
    const values: Values = {};
    for (const [name, field] of this.fieldEntries) {
      if (field.editable === 'update') continue;
      values[name] = input[name] !== undefined ? input[name] : (field.initial ?? null);
    }
    return values;
  }

  private columns(values: Values, when: 'create' | 'update'): Values {
    const columns: Values = {};
    for (const [name, field] of this.fieldEntries) {
      if (field.relation || !(name in values)) continue;
      if (when === 'create' && field.editable === 'update') continue;
      if (when === 'update' && field.editable === 'create') continue;
      columns[field.column ?? name] = values[name];
    }
    return columns;
  }

  private async saveRelations(tx: Database, gemeenteId: string, row: Row, values: Values, before: LoadedRecord | undefined): Promise<RecordOf<K>> {
    const [loaded] = await this.load(tx, gemeenteId, [row]);
    for (const [name, field] of this.fieldEntries) {
      if (!field.relation) continue;
      const target = loaded!.values as Values;
      if (name in values) target[name] = await field.relation.save(tx, gemeenteId, row.id, values[name], (before?.values as Values | undefined)?.[name]);
      else if (before) target[name] = (before.values as Values)[name];
    }
    return loaded!;
  }

  private check(values: Values): void {
    const refused = this.kind.rules?.check?.(values);
    if (refused) throw new FieldError(refused.field, refused.message);
  }

  private checkScope(rollen: readonly RolToewijzing[] | undefined, before: LoadedRecord, changed: Values, current: Values): void {
    const scope = this.kind.scope;
    if (!scope) return;
    const mine = scope.of(rollen, before);
    if (!mine) throw new HttpError(403, t('auth.geenToegang.titel'), t(scope.notYours));
    if (mine === 'alles') return;
    const outside = Object.keys(changed).filter((name) => !scope.fields.includes(name) && json(changed[name]) !== json(current[name]));
    if (outside.length > 0) throw new HttpError(403, t('auth.geenToegang.titel'), t(scope.onlyTheseFields));
  }

  /** A chosen record (a select of another kind's records) must be current in this gemeente; it is share-locked. */
  private async checkReferences(tx: Database, gemeenteId: string, values: Values): Promise<void> {
    for (const [name, field] of this.fieldEntries) {
      const value = values[name];
      if (!field.references || typeof value !== 'string') continue;
      const found = await currentIds(tx, field.references.table, gemeenteId, isUuid(value) ? [value] : []);
      if (!found.has(value)) throw new FieldError(name, t(field.references.message));
    }
  }

  private async lockParent(tx: Database, gemeenteId: string, parentId: string | undefined): Promise<LoadedRecord | undefined> {
    if (!this.kind.parent) return undefined;
    // Locking the parent makes two additions under it take turns, so a limit (two focusdoelen) cannot be slipped past.
    const parent = parentId && this.parent ? await this.parent.find(gemeenteId, parentId, tx, 'update') : undefined;
    if (!parent) throw new NotFoundError(t(this.kind.parent.kind.notFound, { id: parentId ?? '' }));
    return parent;
  }

  /** The code for a new record: its name in kebab case, with -2, -3 … when the gemeente already has that code. */
  private async freeCode(tx: Database, gemeenteId: string, from: string): Promise<string> {
    const spec = this.kind.code!;
    await lockCodes(tx, gemeenteId);
    const stem = kebabCase(from, this.kind.name);
    const taken = new Set(await codesLike(tx, this.kind.table, String(this.kind.fields[spec.column]?.column ?? spec.column), gemeenteId, stem));
    if (!taken.has(stem)) return stem;
    let n = 2;
    while (taken.has(`${stem}-${n}`)) n += 1;
    return `${stem}-${n}`;
  }

  /** Two saves of one unique value at the same moment both pass the checks; the constraint stops the second. */
  private async guard<T>(values: Values, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      for (const unique of this.kind.rules?.unique ?? []) {
        if (isUniqueViolation(error, unique.constraint)) throw new FieldError(unique.field, unique.message(values));
      }
      throw error;
    }
  }
}
