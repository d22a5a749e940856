import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { actielijn, gemeente } from '../../db/schema.js';
import { decodeHtml, useSeededApp } from '../../../test/helpers/app.js';

const fx = useSeededApp();

async function page(url: string) {
  const response = await fx.t.app.inject({ method: 'GET', url });
  return { response, text: decodeHtml(response.body) };
}

const pageUrls = ['/', '/actielijnen/1', '/actielijnen/6', '/oab-afspraken', '/stuurgroep', '/structuur', '/toegankelijkheid'];

describe('the start page', () => {
  it('shows the agenda period, the overarching theme, the three ambities and the six actielijnen', async () => {
    const { response, text } = await page('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(text).toContain('september 2025 – december 2026');
    expect(text).toContain('inclusie');
    for (const ambitie of fx.data.ambities) expect(text).toContain(ambitie.naam);
    expect(fx.data.actielijnen).toHaveLength(6);
    for (const al of fx.data.actielijnen) {
      expect(text).toContain(`href="/actielijnen/${al.nummer}"`);
      // The title is split around its key phrase; compare without tags.
      expect(text.replace(/<[^>]+>/g, '')).toContain(al.titel);
      for (const fd of al.focusdoelen) expect(text).toContain(fd.tekst);
    }
  });
});

describe('the actielijn pages', () => {
  it('show the beleidsthema, every focusdoel with its sub-points, and the betrokkenen', async () => {
    for (const al of fx.data.actielijnen) {
      const { response, text } = await page(`/actielijnen/${al.nummer}`);
      expect(response.statusCode).toBe(200);
      expect(text).toContain(al.beleidsthema);
      for (const fd of al.focusdoelen) {
        expect(text).toContain(fd.tekst);
        for (const subpunt of fd.subpunten) expect(text).toContain(subpunt);
      }
      for (const b of al.betrokkenen) expect(text).toContain(b.naam);
    }
  });

  it('link a betrokkene that is a gremium to that gremium on the structure page', async () => {
    const { text } = await page('/actielijnen/6');
    expect(text).toMatch(/<a class="utrecht-link" href="\/structuur#gremium-thuiszitterstafel-po">Thuiszitterstafel po/);
  });

  it('answer 404 with a page for a number that does not exist or is not a number', async () => {
    for (const url of ['/actielijnen/7', '/actielijnen/0', '/actielijnen/abc', '/actielijnen/1.5']) {
      const { response, text } = await page(url);
      expect(response.statusCode, url).toBe(404);
      expect(text).toContain('<h1');
      expect(response.headers['content-type']).toContain('text/html');
    }
  });
});

describe('the OAB page', () => {
  it("keeps the customer's text verbatim in the HTML itself, apostrophes included", async () => {
    const response = await fx.t.app.inject({ method: 'GET', url: '/oab-afspraken' });
    const withApostrophe = fx.data.oabAfspraken.categorieen.flatMap((c) => c.afspraken).filter((a) => a.includes("'"));
    expect(withApostrophe.length).toBeGreaterThan(0);
    for (const afspraak of withApostrophe) expect(response.body).toContain(afspraak);
  });

  it('shows every OAB-afspraak under its category', async () => {
    const { text } = await page('/oab-afspraken');
    for (const categorie of fx.data.oabAfspraken.categorieen) {
      const at = text.indexOf(`>${categorie.naam}</h3>`);
      expect(at, categorie.naam).toBeGreaterThan(0);
      for (const afspraak of categorie.afspraken) {
        expect(text.indexOf(afspraak)).toBeGreaterThan(at);
      }
    }
  });
});

describe('the stuurgroep page', () => {
  it('lists every member with whom they represent; one member represents both po and vo', async () => {
    const { text } = await page('/stuurgroep');
    const rows = [...text.matchAll(/<tr class="utrecht-table__row"><th scope="row"[^>]*>([^<]+)<\/th><td[^>]*>([^<]*)<\/td><td[^>]*>([^<]*)<\/td>/g)];
    expect(rows.map((row) => row[1])).toEqual(
      fx.data.lidmaatschappen.map((l) => fx.data.personen.find((p) => p.code === l.persoon)!.naam),
    );
    const daphne = rows.find((row) => row[1] === 'Daphne van der Aa')!;
    expect(daphne[3]).toBe('het primair onderwijs en het voortgezet onderwijs');
    expect(rows.find((row) => row[1] === 'Marijke van der Meer')![2]).toBe('Wethouder, Gemeente Zoetermeer');
  });
});

describe('the structure page', () => {
  it('draws the gremia as an SVG image with a title, and describes every relation in text', async () => {
    const { text } = await page('/structuur');
    expect(text).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="diagram-titel diagram-beschrijving"/);
    for (const g of fx.data.gremia) {
      expect(text).toContain(`id="gremium-${g.slug}"`);
    }
    expect(text).toContain('Stuurgroep LEA informeert Bestuurlijk platform');
    expect(text).toContain('Thuiszitterstafel po rapporteert aan Stuurgroep LEA');
    expect(text).toContain('Stuurgroep LEA overlegt met Kernteam Meerpunt');
    expect([...text.matchAll(/class="lea-diagram__lijn lea-diagram__lijn--/g)].length).toBe(fx.data.gremiumRelaties.length + 3);
  });
});

describe('every page', () => {
  it('has one h1, a skip link to the main landmark, breadcrumbs (except the start page) and a language', async () => {
    for (const url of pageUrls) {
      const { text } = await page(url);
      expect(text.startsWith('<!doctype html>'), url).toBe(true);
      expect(text.match(/<h1[\s>]/g), url).toHaveLength(1);
      expect(text).toContain('<html lang="nl"');
      expect(text).toMatch(/<a class="utrecht-skip-link[^"]*" href="#inhoud">/);
      expect(text).toContain('<main id="inhoud"');
      if (url !== '/') expect(text, url).toContain('aria-label="Kruimelpad"');
      expect(text, url).not.toMatch(/<script|style="/);
    }
  });

  it('carries strict security headers', async () => {
    const { response } = await page('/');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    // Framing is refused the same way by old and new browsers; headers no current browser acts on are not sent.
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=()');
    expect(response.headers['x-xss-protection']).toBeUndefined();
    expect(response.headers['x-download-options']).toBeUndefined();
  });

  it('links a stylesheet that is served, compressed and cacheable', async () => {
    const { text } = await page('/');
    const href = text.match(/<link rel="stylesheet" href="([^"]+)"/)![1]!;
    const css = await fx.t.app.inject({ method: 'GET', url: href, headers: { 'accept-encoding': 'gzip' } });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['cache-control']).toContain('immutable');
    const plain = await fx.t.app.inject({ method: 'GET', url: href });
    expect(plain.body).toContain('.utrecht-skip-link');
  });
});

describe('caching', () => {
  it('answers 304 when the client has the current version, and shows a change once the data version rises', async () => {
    const first = await fx.t.app.inject({ method: 'GET', url: '/actielijnen/2' });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await fx.t.app.inject({ method: 'GET', url: '/actielijnen/2', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    const [g] = await fx.t.database.db.select().from(gemeente);
    await fx.t.database.db.update(actielijn).set({ titel: 'Een nieuwe titel voor actielijn twee.' }).where(eq(actielijn.nummer, 2));
    await fx.t.database.db.update(gemeente).set({ dataVersie: sql`${gemeente.dataVersie} + 1` }).where(eq(gemeente.id, g!.id));

    const changed = await fx.t.app.inject({ method: 'GET', url: '/actielijnen/2', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('Een nieuwe titel voor actielijn twee.');
    expect(changed.headers.etag).not.toBe(etag);
  });
});
