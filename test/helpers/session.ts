/**
 * Accounts and logged-in browsers for integration tests: users are inserted straight through the repository
 * (no invitation mail needed), and TestBrowser drives the real login pages over `app.inject`, keeping cookies
 * the way a browser does and sending the CSRF token each form carries.
 */
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { auditRegel, gemeente, type GebruikerStatus } from '../../src/db/schema.js';
import type { Gemeente } from '../../src/modules/gemeente/gemeente.service.js';
import { findGebruikerById, insertGebruiker, replaceRollen, updateGebruiker } from '../../src/modules/auth/auth.repository.js';
import type { RolToewijzing } from '../../src/modules/auth/permissions.js';
import { hashPassword } from '../../src/modules/auth/security/password-hash.js';
import { createTotpSecret, currentTotpCode } from '../../src/modules/auth/security/totp.js';
import { decodeHtml, useSeededApp, type TestApp } from './app.js';

export type Response = LightMyRequestResponse;

/** A password that passes the password policy; every test user gets it unless the test chooses another. */
export const TEST_PASSWORD = 'groene-fiets-langs-de-gracht';

const TOTP_PERIOD_MS = 30_000;

function databaseOf(source: TestApp | Database): Database {
  return 'database' in source && 'app' in source ? source.database.db : (source as Database);
}

function fastifyOf(source: TestApp | FastifyInstance): FastifyInstance {
  return 'database' in source && 'app' in source ? source.app : (source as FastifyInstance);
}

/** The id of a gemeente by its slug (the demo gemeente unless told otherwise). */
export async function gemeenteId(source: TestApp | Database, slug = 'zoetermeer'): Promise<string> {
  const rows = await databaseOf(source).select({ id: gemeente.id }).from(gemeente).where(eq(gemeente.slug, slug));
  if (!rows[0]) throw new Error(`Geen gemeente met slug ${slug} in de testdatabase.`);
  return rows[0].id;
}

export interface TestUser {
  id: string;
  gemeenteId: string;
  email: string;
  naam: string;
  wachtwoord: string;
  /** The authenticator app's secret when the user has two-factor authentication on, else null. */
  totpSecret: string | null;
}

export interface NewUser {
  email: string;
  naam: string;
  rollen: RolToewijzing[];
  wachtwoord?: string;
  /** Turn the authenticator app on (secret set, active, no step used yet). */
  totp?: boolean;
  status?: GebruikerStatus;
}

/** Inserts an account directly (hashed password, roles, optionally an active authenticator app). */
export async function createUser(source: TestApp | Database, gemeente: string, input: NewUser): Promise<TestUser> {
  const db = databaseOf(source);
  const wachtwoord = input.wachtwoord ?? TEST_PASSWORD;
  const row = await insertGebruiker(db, {
    gemeenteId: gemeente,
    email: input.email,
    naam: input.naam,
    status: input.status ?? 'actief',
    wachtwoordHash: await hashPassword(wachtwoord),
  });
  await replaceRollen(db, gemeente, row.id, input.rollen);
  let totpSecret: string | null = null;
  if (input.totp) {
    totpSecret = createTotpSecret();
    await updateGebruiker(db, gemeente, row.id, { totpGeheim: totpSecret, totpActiefSinds: new Date(), totpLaatsteStap: null });
  }
  return { id: row.id, gemeenteId: gemeente, email: row.email, naam: row.naam, wachtwoord, totpSecret };
}

/** Shorthand for a role without a tafel. */
export function rol(name: RolToewijzing['rol']): RolToewijzing {
  return { rol: name, gremiumId: null };
}

// --- Cookies ------------------------------------------------------------------------------------------------------

export interface SetCookie {
  name: string;
  value: string;
  /** The attributes as sent, lower-cased names: { path: '/', httponly: '', samesite: 'Lax', … }. */
  attributes: Record<string, string>;
  /** The raw header line. */
  raw: string;
}

function setCookieLines(response: Response): string[] {
  const header = response.headers['set-cookie'];
  if (header === undefined) return [];
  return Array.isArray(header) ? header : [String(header)];
}

export function parseSetCookie(raw: string): SetCookie {
  const [pair = '', ...parts] = raw.split(';');
  const eq = pair.indexOf('=');
  const attributes: Record<string, string> = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    if (name) attributes[name] = at < 0 ? '' : part.slice(at + 1).trim();
  }
  return { name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim(), attributes, raw };
}

/** Every Set-Cookie of a response, parsed. */
export function setCookies(response: Response): SetCookie[] {
  return setCookieLines(response).map(parseSetCookie);
}

/** The Set-Cookie for one cookie name, or undefined when the response sets none. */
export function setCookie(response: Response, name: string): SetCookie | undefined {
  return setCookies(response).find((cookie) => cookie.name === name);
}

function deletes(cookie: SetCookie, now: number): boolean {
  const maxAge = cookie.attributes['max-age'];
  if (maxAge !== undefined && Number(maxAge) <= 0) return true;
  const expires = cookie.attributes.expires;
  return expires !== undefined && Date.parse(expires) <= now;
}

// --- HTML forms ---------------------------------------------------------------------------------------------------

export interface HtmlForm {
  action: string;
  csrf: string | undefined;
  /** The names of its fields, in order. */
  fields: string[];
  /** Its hidden fields and their values (a browser sends them along), the CSRF token included. */
  hidden: Record<string, string>;
}

/** The POST forms of a page, with their action, CSRF token and field names. */
export function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = match[1] ?? '';
    const body = match[2] ?? '';
    if (!/method="post"/i.test(attributes)) continue;
    const action = decodeHtml(/\baction="([^"]*)"/.exec(attributes)?.[1] ?? '');
    const csrf = /name="_csrf" value="([^"]*)"/.exec(body)?.[1];
    const fields = [...body.matchAll(/\bname="([^"]+)"/g)].map((m) => m[1]!);
    const hidden: Record<string, string> = {};
    for (const input of body.matchAll(/<input\b[^>]*\btype="hidden"[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(input[0])?.[1];
      if (name) hidden[name] = decodeHtml(/\bvalue="([^"]*)"/.exec(input[0])?.[1] ?? '');
    }
    forms.push({ action, csrf: csrf === undefined ? undefined : decodeHtml(csrf), fields, hidden });
  }
  return forms;
}

/** The first CSRF token on a page. */
export function csrfOf(html: string): string | undefined {
  const value = /name="_csrf" value="([^"]*)"/.exec(html)?.[1];
  return value === undefined ? undefined : decodeHtml(value);
}

// --- The browser --------------------------------------------------------------------------------------------------

export type Fields = Record<string, string | string[]>;

let addressCounter = 0;

/** A new address for each browser, so the per-address login throttle of one test does not slow another. */
function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/**
 * A very small browser over `app.inject`: keeps cookies (and forgets them when the server deletes them), sends
 * form posts form-urlencoded, and fills in the CSRF token of the form it submits. Redirects are not followed:
 * tests check them.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly ip: string;
  private readonly app: FastifyInstance;

  constructor(app: TestApp | FastifyInstance, options: { ip?: string } = {}) {
    this.app = fastifyOf(app);
    this.ip = options.ip ?? nextAddress();
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(response: Response): Response {
    const now = Date.now();
    for (const cookie of setCookies(response)) {
      if (deletes(cookie, now)) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return response;
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    const cookie = this.cookieHeader();
    return { ...(cookie ? { cookie } : {}), ...extra };
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: this.headers(headers) });
    return this.keep(response);
  }

  /** Posts the fields as a form, exactly as given (no CSRF token is added). */
  async post(url: string, fields: Fields, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
      payload: body.toString(),
    });
    return this.keep(response);
  }

  /** The CSRF token of the forms on a page, as the browser would have it after loading the page. */
  async csrf(pageUrl: string): Promise<string> {
    const page = await this.get(pageUrl);
    const token = csrfOf(page.body);
    if (!token) throw new Error(`Geen _csrf op ${pageUrl} (status ${page.statusCode}, location ${String(page.headers.location)}).`);
    return token;
  }

  /**
   * Loads the page, picks its form (the one with the given action, else the first holding every given field,
   * else the first that is not the log-out form) and posts it as a browser would: its hidden fields (the CSRF
   * token among them) with the given fields on top.
   */
  async submit(pageUrl: string, fields: Fields, action?: string): Promise<Response> {
    const page = await this.get(pageUrl);
    const forms = formsOf(page.body);
    const names = Object.keys(fields);
    const form =
      (action !== undefined ? forms.find((f) => f.action === action) : undefined) ??
      (action === undefined ? forms.find((f) => names.every((name) => f.fields.includes(name))) : undefined) ??
      forms.find((f) => f.action !== '/uitloggen');
    if (!form?.csrf) {
      throw new Error(`Geen formulier met _csrf op ${pageUrl} (status ${page.statusCode}, location ${String(page.headers.location)}).`);
    }
    return this.post(action ?? form.action, { ...form.hidden, ...fields, _csrf: form.csrf });
  }
}

// --- Logging in ---------------------------------------------------------------------------------------------------

/**
 * A TOTP code the server will take now for this user: the current step, or the next one (the server accepts one
 * step either side) when the current one was used already, so two logins in one 30-second step still work. Never
 * the previous step: it would fall out of the window if the clock turned between making and checking the code.
 */
export async function nextTotpCode(source: TestApp | Database, user: TestUser, now = Date.now()): Promise<string> {
  if (!user.totpSecret) throw new Error(`${user.email} heeft geen authenticator-app.`);
  const row = await findGebruikerById(databaseOf(source), user.gemeenteId, user.id);
  const current = Math.floor(now / TOTP_PERIOD_MS);
  const last = row?.totpLaatsteStap ?? -Infinity;
  const step = Math.max(current, last + 1);
  if (step > current + 1) throw new Error(`Alle TOTP-stappen rond nu zijn voor ${user.email} al gebruikt.`);
  return currentTotpCode(user.totpSecret, step * TOTP_PERIOD_MS + 1000);
}

/** A browser logged in as the user, through the login form (and the code page when the user has the app). */
export async function loginAs(app: TestApp, user: TestUser, options: { ip?: string } = {}): Promise<TestBrowser> {
  const browser = new TestBrowser(app, options);
  const login = await browser.submit('/inloggen', { email: user.email, wachtwoord: user.wachtwoord });
  if (login.statusCode !== 303) throw new Error(`Inloggen als ${user.email} gaf ${login.statusCode}.`);
  const next = String(login.headers.location);
  if (next.startsWith('/inloggen/code')) {
    const code = await browser.submit(next, { code: await nextTotpCode(app, user) });
    if (code.statusCode !== 303) throw new Error(`De code voor ${user.email} gaf ${code.statusCode}.`);
  } else if (next.startsWith('/account/tweestapsverificatie')) {
    throw new Error(`${user.email} moet eerst de authenticator-app instellen; maak de gebruiker met totp: true.`);
  }
  return browser;
}

export interface Editors {
  gid: string;
  procesmanager: TestUser;
  /** Two logged-in browsers of the same procesmanager, for conflicting edits. */
  pm: TestBrowser;
  pm2: TestBrowser;
  /** A personal API token of the procesmanager, and one of a user whose role may not edit. */
  token: string;
  lidToken: string;
}

/** The cast of an editing test: a procesmanager (with TOTP) in two browsers, and API tokens for them and a reader. */
export async function setUpEditors(app: TestApp, input: { email: string; naam: string; lid: RolToewijzing['rol'] }): Promise<Editors> {
  const gid = await gemeenteId(app);
  const procesmanager = await createUser(app, gid, { email: input.email, naam: input.naam, rollen: [rol('procesmanager')], totp: true });
  const lid = await createUser(app, gid, { email: `lid-${input.email}`, naam: 'Lid', rollen: [rol(input.lid)] });
  const actor = { gebruikerId: procesmanager.id, naam: procesmanager.naam, ip: null };
  return {
    gid,
    procesmanager,
    pm: await loginAs(app, procesmanager),
    pm2: await loginAs(app, procesmanager),
    token: (await app.app.services.accounts.createToken(gid, procesmanager, 'test', actor)).token,
    lidToken: (await app.app.services.accounts.createToken(gid, lid, 'test', { ...actor, gebruikerId: lid.id })).token,
  };
}

/**
 * The usual fixture of an editing test: the app on its own seeded database, a procesmanager in two browsers with an
 * API token, a reader's token, and the helpers those tests share. The fields are filled before the first test runs.
 */
export function useEditors(input: { email: string; naam: string; lid: RolToewijzing['rol'] }) {
  const fx = useSeededApp();
  const ed = {} as Editors & {
    t: TestApp;
    /** A write to the API with the procesmanager's token (or another). */
    api(method: 'PATCH' | 'POST' | 'DELETE', url: string, body: unknown, bearer?: string): Promise<Response>;
    /** The audit lines of a record for one action. */
    auditLines(objectId: string, actie: string): Promise<(typeof auditRegel.$inferSelect)[]>;
    gemeente(): Promise<Gemeente>;
    /** A public page as the public gets it, entities decoded. */
    publicPage(url: string): Promise<string>;
  };
  beforeAll(async () => {
    Object.assign(ed, await setUpEditors(fx.t, input), { t: fx.t });
  }, 60_000);
  ed.api = (method, url, body, bearer) =>
    fx.t.app.inject({ method, url, headers: { authorization: `Bearer ${bearer ?? ed.token}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  ed.auditLines = (objectId, actie) => auditLinesOf(fx.t, objectId, actie);
  ed.gemeente = async () => (await fx.t.app.services.gemeenten.list()).find((g) => g.id === ed.gid)!;
  ed.publicPage = async (url) => decodeHtml((await fx.t.app.inject({ url })).body);
  return ed;
}

/** The audit lines of a record for one action. */
export function auditLinesOf(t: TestApp, objectId: string, actie: string) {
  return t.database.db.select().from(auditRegel).where(and(eq(auditRegel.objectId, objectId), eq(auditRegel.actie, actie)));
}

/** Inside a quoted attribute "<script>" is inert text; everywhere else it must be escaped. */
export function expectNoLiveScript(body: string, label: string): void {
  expect(body.replace(/="[^"]*"/g, '=""'), label).not.toMatch(/<script/i);
  expect(body, label).not.toMatch(/"[^"]*<script[^"]*"\s*on\w+=/i);
}

/** The version a form carries. */
export const versieIn = (html: string) => /name="versie" value="(\d+)"/.exec(html)?.[1];

/** Every one of these texts is in the body. */
export function expectToContainAll(body: string, texts: readonly string[]): void {
  for (const text of texts) expect(body, text).toContain(text);
}

/** A refused archive: on the form, the reason at the archive button (409); in the API, 409 problem+json saying why. */
export function expectArchiveRefused(form: Response, viaApi: Response, reason: string, apiReason = reason): void {
  expect(form.statusCode).toBe(409);
  expectToContainAll(decodeHtml(form.body), ['href="#veld-archiveren"', 'id="veld-archiveren"', reason]);
  expect(viaApi.statusCode).toBe(409);
  expect(viaApi.headers['content-type']).toContain('application/problem+json');
  expect(viaApi.json().detail).toContain(apiReason);
}

/** An invalid form: 400, "Fout:" in the title, a link to each field in the summary, and these texts on the page. */
export function expectFormErrors(response: Response, fields: readonly string[], texts: readonly string[]): string {
  expect(response.statusCode).toBe(400);
  const html = decodeHtml(response.body);
  expect(html).toMatch(/<title>Fout: /);
  expectToContainAll(html, [...fields.map((field) => `href="#veld-${field}"`), ...texts]);
  return html;
}
