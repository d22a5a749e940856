/**
 * What became editable with the record-kind declarations in the governance: the relations between gremia (the
 * structure drawing follows at once), and the codes and slugs that were fixed after creation (a gremium's old
 * address keeps working).
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRegel } from '../../db/schema.js';
import { decodeHtml } from '../../../test/helpers/app.js';
import { useEditors } from '../../../test/helpers/session.js';
import type { Governance } from './governance.service.js';

const ed = useEditors({ email: 'pm@relaties.example', naam: 'Rik Procesmanager', lid: 'platformlid' });
const { api, publicPage } = ed;

async function gov(): Promise<Governance> {
  return ed.t.app.services.governance.get((await ed.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!);
}



describe('relations between gremia', () => {
  it('adds a relation from a gremium\'s form; the structure drawing and its text show it at once', async () => {
    const governance = await gov();
    const tafel = governance.gremia.find((g) => g.type === 'overlegtafel')!;
    const platform = governance.gremia.find((g) => g.type === 'bestuurlijk-platform')!;
    const zin = `${tafel.naam} informeert ${platform.naam}`;
    expect(await publicPage('/structuur')).not.toContain(zin);
    expect(decodeHtml((await ed.pm.get(`/gremia/${tafel.id}/bewerken`)).body)).toContain(`href="/gremia/${tafel.id}/relaties/nieuw"`);
    const created = await ed.pm.submit(`/gremia/${tafel.id}/relaties/nieuw`, { soort: 'informeert', naarGremiumId: platform.id, omschrijving: 'na elk overleg' });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`/gremia/${tafel.id}/bewerken?melding=opgeslagen`);
    const structuur = await publicPage('/structuur');
    expect(structuur).toContain(`${zin}</span><span class="lea-toelichting">: na elk overleg</span>`);
    // The drawing is made from the same data: the new arrow is described in its accessible text.
    expect(/<svg[\s\S]*<\/svg>/.exec(structuur)![0]).toContain(zin);
    expect(await publicPage(`/structuur/${tafel.slug}`)).toContain(zin);
    const relatie = (await gov()).relaties.find((r) => r.vanGremiumId === tafel.id && r.naarGremiumId === platform.id)!;
    const [line] = await ed.t.database.db.select().from(auditRegel).where(and(eq(auditRegel.objectId, relatie.id), eq(auditRegel.actie, 'aangemaakt')));
    expect(line?.na).toMatchObject({ soort: 'informeert', naarGremiumId: platform.id, omschrijving: 'na elk overleg', versie: 1 });
  });

  it('refuses a relation of a gremium with itself, and the same relation twice, at the field', async () => {
    const governance = await gov();
    const tafel = governance.gremia.find((g) => g.type === 'overlegtafel')!;
    const platform = governance.gremia.find((g) => g.type === 'bestuurlijk-platform')!;
    const self = await ed.pm.submit(`/gremia/${tafel.id}/relaties/nieuw`, { soort: 'overlegt-met', naarGremiumId: tafel.id, omschrijving: '' });
    expect(self.statusCode).toBe(400);
    expect(decodeHtml(self.body)).toContain('Een overleg kan geen relatie met zichzelf hebben.');
    const twice = await ed.pm.submit(`/gremia/${tafel.id}/relaties/nieuw`, { soort: 'informeert', naarGremiumId: platform.id, omschrijving: '' });
    expect(twice.statusCode).toBe(400);
    expect(decodeHtml(twice.body)).toContain('Deze relatie bestaat al.');
    const viaApi = await api('POST', `/api/v1/gremia/${tafel.id}/relaties`, { soort: 'informeert', naarGremiumId: platform.id });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().invalidParams).toEqual([{ name: 'body.naarGremiumId', reason: expect.stringContaining('bestaat al') }]);
  });

  it('changes and archives a relation through the API; archived, it leaves the drawing and may be made again', async () => {
    const governance = await gov();
    const relatie = governance.relaties[0]!;
    const zin = (soort: string) =>
      `${governance.gremia.find((g) => g.id === relatie.vanGremiumId)!.naam} ${soort} ${governance.gremia.find((g) => g.id === relatie.naarGremiumId)!.naam}`;
    const patched = await api('PATCH', `/api/v1/gremium-relaties/${relatie.id}`, { versie: relatie.versie, soort: 'overlegt-met' });
    expect(patched.statusCode).toBe(200);
    expect(await publicPage('/structuur')).toContain(zin('overlegt met'));
    expect((await api('DELETE', `/api/v1/gremium-relaties/${relatie.id}`, { versie: relatie.versie + 1 })).statusCode).toBe(204);
    expect(await publicPage('/structuur')).not.toContain(zin('overlegt met'));
    const again = await api('POST', `/api/v1/gremia/${relatie.vanGremiumId}/relaties`, { soort: 'overlegt-met', naarGremiumId: relatie.naarGremiumId });
    expect(again.statusCode).toBe(201);
    expect((await ed.t.app.inject({ url: `/api/v1/gremium-relaties/${again.json().id}` })).json()).toMatchObject({ soort: 'overlegt-met', versie: 1 });
  });
});

describe('codes and slugs', () => {
  it("change a gremium's slug: its page moves, and the old address redirects permanently", async () => {
    const gremium = (await gov()).gremia.find((g) => g.type === 'kernteam')!;
    expect((await ed.t.app.inject({ url: `/structuur/${gremium.slug}` })).statusCode).toBe(200);
    expect(await publicPage('/structuur')).toContain(`href="/structuur/${gremium.slug}"`);
    const saved = await ed.pm.submit(`/gremia/${gremium.id}/bewerken`, {
      naam: gremium.naam,
      slug: 'kernteam-jeugd',
      type: gremium.type,
      omschrijving: gremium.omschrijving ?? '',
      opdracht: gremium.opdracht ?? '',
      mandaat: gremium.mandaat ?? '',
      vergaderfrequentie: gremium.vergaderfrequentie ?? '',
    });
    expect(saved.statusCode).toBe(303);
    const old = await ed.t.app.inject({ url: `/structuur/${gremium.slug}` });
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe('/structuur/kernteam-jeugd');
    expect(await publicPage('/structuur/kernteam-jeugd')).toContain(gremium.naam);
    expect((await ed.t.app.inject({ url: '/structuur/bestaat-niet' })).statusCode).toBe(404);
  });

  it('refuse a code that is taken or not written as a code, and keep the code when the field is left empty', async () => {
    const [first, second] = (await gov()).organisaties;
    const taken = await ed.pm.submit(`/organisaties/${second!.id}/bewerken`, { naam: second!.naam, code: first!.code, sectoren: second!.sectoren });
    expect(taken.statusCode).toBe(400);
    expect(decodeHtml(taken.body)).toContain('Deze code is al in gebruik.');
    const invalid = await ed.pm.submit(`/organisaties/${second!.id}/bewerken`, { naam: second!.naam, code: 'Met Spaties', sectoren: second!.sectoren });
    expect(decodeHtml(invalid.body)).toContain('Gebruik voor de code alleen kleine letters, cijfers en streepjes');
    const kept = await ed.pm.submit(`/organisaties/${second!.id}/bewerken`, { naam: second!.naam, code: '', sectoren: second!.sectoren });
    expect(kept.statusCode).toBe(303);
    expect((await gov()).organisaties.find((o) => o.id === second!.id)!.code).toBe(second!.code);
    const changed = await api('PATCH', `/api/v1/organisaties/${second!.id}`, { versie: second!.versie + 1, code: 'nieuwe-code' });
    expect(changed.json()).toMatchObject({ code: 'nieuwe-code' });
  });
});
