import type { Database } from '../../db/client.js';
import type { Rol } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import type { MailerPool } from '../../lib/mail/mailer-pool.js';
import type { Gemeente } from '../gemeente/gemeente.service.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import {
  deleteAndereSessies,
  expireOpenLinks,
  findAccountOverzicht,
  findGebruikerByEmail,
  findGebruikerById,
  findGeldigeLink,
  insertApiToken,
  insertEenmaligeLink,
  replaceHerstelcodes,
  revokeApiToken,
  updateGebruiker,
  useEenmaligeLink,
  type GebruikerRow,
} from './auth.repository.js';
import { hashPassword, verifyPassword } from './security/password-hash.js';
import { checkPassword, type PasswordProblem } from './security/password-policy.js';
import { generateRecoveryCodes, hashRecoveryCode } from './security/recovery-codes.js';
import { createApiToken, createSecretToken, hashSecretToken } from './security/secret-token.js';
import { createTotpSecret, totpQrSvg, totpUri, verifyTotp } from './security/totp.js';
import type { SessionService } from './session.service.js';
import { ACCOUNT_RULE, ADRES_RULE, Throttle } from './throttle.js';

export const UITNODIGING_GELDIG_DAGEN = 7;
export const HERSTEL_GELDIG_MINUTEN = 60;

export type LinkDoel = 'uitnodiging' | 'wachtwoord-herstel';

const line = (actie: string, gebruiker: GebruikerRow, omschrijving?: string) => ({
  soort: 'beveiliging' as const,
  actie,
  objectType: 'gebruiker',
  objectId: gebruiker.id,
  ...(omschrijving ? { omschrijving } : {}),
});

/** The user's own account: invitations, passwords, the second factor and personal API tokens. */
export class AccountService {
  private readonly throttle: Throttle;

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
    private readonly mailers: MailerPool,
  ) {
    this.throttle = new Throttle(db);
  }

  /** Makes a single-use link and mails it; earlier open links of the same kind stop working. */
  async sendLink(gemeente: Gemeente, gebruiker: GebruikerRow, doel: LinkDoel, baseUrl: string): Promise<void> {
    const token = createSecretToken();
    const now = new Date();
    const ms = doel === 'uitnodiging' ? UITNODIGING_GELDIG_DAGEN * 86_400_000 : HERSTEL_GELDIG_MINUTEN * 60_000;
    await expireOpenLinks(this.db, gemeente.id, gebruiker.id, doel, now);
    await insertEenmaligeLink(this.db, {
      tokenHash: hashSecretToken(token),
      gemeenteId: gemeente.id,
      gebruikerId: gebruiker.id,
      doel,
      verlooptOp: new Date(now.getTime() + ms),
    });
    const pad = doel === 'uitnodiging' ? '/uitnodiging/' : '/wachtwoord-herstellen/';
    const vars = { naam: gebruiker.naam, gemeente: gemeente.naam, link: `${baseUrl}${pad}${token}`, dagen: UITNODIGING_GELDIG_DAGEN, minuten: HERSTEL_GELDIG_MINUTEN };
    await this.mailers.for(gemeente).send(
      doel === 'uitnodiging'
        ? { to: gebruiker.email, subject: t('mail.uitnodiging.onderwerp', vars), text: t('mail.uitnodiging.tekst', vars) }
        : { to: gebruiker.email, subject: t('mail.herstel.onderwerp', vars), text: t('mail.herstel.tekst', vars) },
    );
  }

  /**
   * "Forgot password": always the same answer whether the address exists or not, so the form does not reveal
   * who has an account. Throttled like a login, because every request sends an e-mail.
   */
  async requestReset(gemeente: Gemeente, email: string, ip: string, baseUrl: string): Promise<'verstuurd' | { wacht: number }> {
    const normalised = email.trim().toLowerCase();
    const keys = [`herstel:${normalised}`, `herstel-adres:${ip}`];
    const wait = await this.throttle.remaining(gemeente.id, [
      { sleutel: keys[0]!, rule: { vrij: 3, maxSeconden: ACCOUNT_RULE.maxSeconden } },
      { sleutel: keys[1]!, rule: ADRES_RULE },
    ]);
    if (wait > 0) return { wacht: wait };
    // Every request counts, successful or not: the limit is on mails sent, not on wrong guesses.
    await this.throttle.fail(gemeente.id, keys);
    const gebruiker = await findGebruikerByEmail(this.db, gemeente.id, normalised);
    const actor: Actor = { gebruikerId: null, naam: null, ip };
    if (gebruiker && gebruiker.status === 'actief') {
      await this.sendLink(gemeente, gebruiker, 'wachtwoord-herstel', baseUrl);
      await insertAuditRegel(this.db, gemeente.id, actor, line('wachtwoord-herstel-gevraagd', gebruiker));
    }
    return 'verstuurd';
  }

  /** The user behind a link that is still valid, without using it up. */
  async findLinkUser(gemeenteId: string, token: string, doel: LinkDoel): Promise<GebruikerRow | undefined> {
    const link = await findGeldigeLink(this.db, gemeenteId, hashSecretToken(token), doel, new Date());
    if (!link) return undefined;
    const gebruiker = await findGebruikerById(this.db, gemeenteId, link.gebruikerId);
    if (!gebruiker || gebruiker.status === 'geblokkeerd') return undefined;
    if (doel === 'wachtwoord-herstel' && gebruiker.status !== 'actief') return undefined;
    return gebruiker;
  }

  /**
   * Sets the password through an invitation or reset link, using the link up in the same transaction. Every
   * other session of the user ends: whoever knew the old password is out.
   */
  async setPasswordWithLink(
    gemeenteId: string,
    token: string,
    doel: LinkDoel,
    wachtwoord: string,
    ip: string,
  ): Promise<{ status: 'ok'; gebruiker: GebruikerRow } | { status: 'ongeldig' } | { status: 'zwak'; probleem: PasswordProblem }> {
    const gebruiker = await this.findLinkUser(gemeenteId, token, doel);
    if (!gebruiker) return { status: 'ongeldig' };
    const probleem = checkPassword(wachtwoord, { email: gebruiker.email, naam: gebruiker.naam });
    if (probleem) return { status: 'zwak', probleem };
    const hash = await hashPassword(wachtwoord);
    const updated = await this.db.transaction(async (tx) => {
      const used = await useEenmaligeLink(tx, gemeenteId, hashSecretToken(token), doel, new Date());
      if (!used) return undefined;
      const row = await updateGebruiker(tx, gemeenteId, gebruiker.id, { wachtwoordHash: hash, status: 'actief' });
      await insertAuditRegel(
        tx,
        gemeenteId,
        { gebruikerId: gebruiker.id, naam: gebruiker.naam, ip },
        line(doel === 'uitnodiging' ? 'uitnodiging-aanvaard' : 'wachtwoord-hersteld', gebruiker),
      );
      return row;
    });
    if (!updated) return { status: 'ongeldig' };
    await this.sessions.destroyAllOf(gemeenteId, gebruiker.id);
    return { status: 'ok', gebruiker: updated };
  }

  /**
   * A logged-in user changes their password. The current one is asked (a session left open on a shared computer
   * must not be enough) and counted like a login; every other session of the user ends.
   */
  async changePassword(
    gemeenteId: string,
    gebruikerId: string,
    input: { huidig: string; nieuw: string },
    keepSessionHash: string,
    ip: string,
  ): Promise<'ok' | 'huidig-onjuist' | { wacht: number } | { probleem: PasswordProblem }> {
    const gebruiker = await findGebruikerById(this.db, gemeenteId, gebruikerId);
    if (!gebruiker?.wachtwoordHash) return 'huidig-onjuist';
    const key = `account:${gebruiker.email}`;
    const wait = await this.throttle.remaining(gemeenteId, [{ sleutel: key, rule: ACCOUNT_RULE }]);
    if (wait > 0) return { wacht: wait };
    const actor: Actor = { gebruikerId: gebruiker.id, naam: gebruiker.naam, ip };
    if (!(await verifyPassword(gebruiker.wachtwoordHash, input.huidig))) {
      await this.throttle.fail(gemeenteId, [key]);
      await insertAuditRegel(this.db, gemeenteId, actor, line('wachtwoord-wijzigen-mislukt', gebruiker));
      return 'huidig-onjuist';
    }
    const probleem = checkPassword(input.nieuw, { email: gebruiker.email, naam: gebruiker.naam });
    if (probleem) return { probleem };
    const hash = await hashPassword(input.nieuw);
    await this.db.transaction(async (tx) => {
      await updateGebruiker(tx, gemeenteId, gebruiker.id, { wachtwoordHash: hash });
      await deleteAndereSessies(tx, gemeenteId, gebruiker.id, keepSessionHash);
      await insertAuditRegel(tx, gemeenteId, actor, line('wachtwoord-gewijzigd', gebruiker));
    });
    await this.throttle.clear(gemeenteId, [key]);
    return 'ok';
  }

  /** Begins setting up the authenticator app: a new secret, not active until a first code proves it works. */
  async beginTotp(gemeente: Gemeente, gebruiker: GebruikerRow): Promise<{ secret: string; uri: string; qrSvg: string }> {
    let secret = gebruiker.totpActiefSinds ? null : gebruiker.totpGeheim;
    if (!secret) {
      secret = createTotpSecret();
      await updateGebruiker(this.db, gemeente.id, gebruiker.id, { totpGeheim: secret, totpActiefSinds: null, totpLaatsteStap: null });
    }
    const uri = totpUri({ secret, account: gebruiker.email, issuer: t('site.naam', { gemeente: gemeente.naam }) });
    return { secret, uri, qrSvg: await totpQrSvg(uri) };
  }

  /** Turns the app on once the user typed a correct code; returns the recovery codes, shown once. */
  async confirmTotp(gemeenteId: string, gebruikerId: string, code: string, actor: Actor): Promise<string[] | undefined> {
    const gebruiker = await findGebruikerById(this.db, gemeenteId, gebruikerId);
    if (!gebruiker?.totpGeheim || gebruiker.totpActiefSinds) return undefined;
    const result = verifyTotp(gebruiker.totpGeheim, code, { lastUsedStep: gebruiker.totpLaatsteStap });
    if (!result.ok) return undefined;
    const codes = generateRecoveryCodes();
    await this.db.transaction(async (tx) => {
      await updateGebruiker(tx, gemeenteId, gebruiker.id, { totpActiefSinds: new Date(), totpLaatsteStap: result.step });
      await replaceHerstelcodes(tx, gemeenteId, gebruiker.id, codes.map(hashRecoveryCode));
      await insertAuditRegel(tx, gemeenteId, actor, line('tweestapsverificatie-aangezet', gebruiker));
    });
    return codes;
  }

  async newRecoveryCodes(gemeenteId: string, gebruiker: GebruikerRow, actor: Actor): Promise<string[]> {
    const codes = generateRecoveryCodes();
    await this.db.transaction(async (tx) => {
      await replaceHerstelcodes(tx, gemeenteId, gebruiker.id, codes.map(hashRecoveryCode));
      await insertAuditRegel(tx, gemeenteId, actor, line('herstelcodes-vernieuwd', gebruiker));
    });
    return codes;
  }

  /** What the account page shows: the user, their API tokens and the number of unused recovery codes. */
  overview(gemeenteId: string, gebruikerId: string) {
    return findAccountOverzicht(this.db, gemeenteId, gebruikerId);
  }

  /** A new personal API token; the token itself is returned once and never stored. */
  async createToken(gemeenteId: string, gebruiker: { id: string; naam: string }, naam: string, actor: Actor) {
    const { token, prefix } = createApiToken();
    const row = await this.db.transaction(async (tx) => {
      const inserted = await insertApiToken(tx, { gemeenteId, gebruikerId: gebruiker.id, naam, prefix, tokenHash: hashSecretToken(token) });
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'beveiliging',
        actie: 'api-token-aangemaakt',
        objectType: 'api-token',
        objectId: inserted.id,
        omschrijving: `${naam} (${prefix}…)`,
      });
      return inserted;
    });
    return { token, row };
  }

  async revokeToken(gemeenteId: string, gebruikerId: string, tokenId: string, actor: Actor): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const revoked = await revokeApiToken(tx, gemeenteId, gebruikerId, tokenId, new Date());
      if (!revoked) return false;
      await insertAuditRegel(tx, gemeenteId, actor, {
        soort: 'beveiliging',
        actie: 'api-token-ingetrokken',
        objectType: 'api-token',
        objectId: revoked.id,
        omschrijving: `${revoked.naam} (${revoked.prefix}…)`,
      });
      return true;
    });
  }
}

export type { Rol };
