import { describe, expect, it } from 'vitest';
import { useSeededApp, withEmptyGemeente } from '../../../test/helpers/app.js';
import { createUser, gemeenteId, rol } from '../../../test/helpers/session.js';
import { findAccountOverzicht, insertApiToken, replaceHerstelcodes, useHerstelcode } from './auth.repository.js';

const fx = useSeededApp();
const db = () => fx.t.database.db;

async function token(gemeenteId: string, gebruikerId: string, naam: string, aangemaaktOp: Date) {
  return insertApiToken(db(), { gemeenteId, gebruikerId, naam, prefix: naam.slice(0, 8), tokenHash: `hash-${gebruikerId}-${naam}`, aangemaaktOp });
}

describe('the account page in one statement (findAccountOverzicht)', () => {
  it('gives the user, only their own tokens oldest first, and only their unused recovery codes', async () => {
    const zoetermeer = await gemeenteId(db());
    const owner = await createUser(db(), zoetermeer, { email: 'overzicht@test.example', naam: 'Eigenaar', rollen: [rol('procesmanager')] });
    const other = await createUser(db(), zoetermeer, { email: 'ander@test.example', naam: 'Ander', rollen: [rol('procesmanager')] });

    const empty = await findAccountOverzicht(db(), zoetermeer, owner.id);
    expect(empty).toMatchObject({ gebruiker: { id: owner.id, email: 'overzicht@test.example' }, tokens: [], herstelcodes: 0 });

    await token(zoetermeer, owner.id, 'tweede', new Date('2026-02-01T10:00:00Z'));
    await token(zoetermeer, owner.id, 'eerste', new Date('2026-01-01T10:00:00Z'));
    await token(zoetermeer, other.id, 'van een ander', new Date('2025-12-01T10:00:00Z'));
    await replaceHerstelcodes(db(), zoetermeer, owner.id, ['a', 'b', 'c']);
    await replaceHerstelcodes(db(), zoetermeer, other.id, ['d', 'e', 'f', 'g']);
    await useHerstelcode(db(), zoetermeer, owner.id, 'b', new Date());

    const overzicht = await findAccountOverzicht(db(), zoetermeer, owner.id);
    expect(overzicht?.gebruiker.id).toBe(owner.id);
    expect(overzicht?.tokens.map((t) => t.naam)).toEqual(['eerste', 'tweede']);
    expect(overzicht?.tokens[0]?.aangemaaktOp).toEqual(new Date('2026-01-01T10:00:00Z'));
    expect(overzicht?.herstelcodes).toBe(2);
    expect((await findAccountOverzicht(db(), zoetermeer, other.id))?.herstelcodes).toBe(4);
  });

  it('finds nothing for a user of another gemeente', async () => {
    const zoetermeer = await gemeenteId(db());
    const user = await createUser(db(), zoetermeer, { email: 'tenant@test.example', naam: 'Tenant', rollen: [rol('procesmanager')] });
    await withEmptyGemeente(db(), async (delft) => {
      expect(await findAccountOverzicht(db(), delft, user.id)).toBeUndefined();
      expect(await findAccountOverzicht(db(), zoetermeer, user.id)).toBeDefined();
    });
  });
});
