import type { Database } from '../../db/client.js';
import { insertAuditRegel } from '../audit/audit.repository.js';
import type { Gemeente } from '../gemeente/gemeente.service.js';
import {
  deleteVerlopenOidcLogins,
  findGebruikerByEmail,
  findGebruikerByOidcSubject,
  insertGebruiker,
  insertOidcLogin,
  takeOidcLogin,
  updateGebruiker,
  type GebruikerRow,
} from './auth.repository.js';
import type { LoginService, NextStep } from './login.service.js';
import { OidcError, type OidcClient, type OidcIdentity } from './oidc/oidc-client.js';
import { hashSecretToken } from './security/secret-token.js';

const STATE_TTL_MS = 10 * 60_000;

export type SsoResult =
  | { status: 'ingelogd'; rawSessionId: string; volgende: NextStep; terug: string }
  | { status: 'mislukt'; reden: 'verlopen' | 'provider' | 'geblokkeerd' };

/**
 * Single sign-on through the gemeente's own OpenID Connect provider. The state of each login lives in the
 * database (instances stay stateless) and is also bound to the browser by a cookie, so nobody can make another
 * person's browser finish a login that the attacker started (login CSRF).
 */
export class SsoService {
  constructor(
    private readonly db: Database,
    private readonly client: OidcClient,
    private readonly login: LoginService,
  ) {}

  /** Starts a login: returns the provider's address and the state to put in the browser's cookie. */
  async start(gemeenteId: string, terug: string): Promise<{ url: string; state: string }> {
    const started = await this.client.startLogin();
    const now = new Date();
    await deleteVerlopenOidcLogins(this.db, now);
    await insertOidcLogin(this.db, {
      stateHash: hashSecretToken(started.state),
      gemeenteId,
      nonce: started.nonce,
      codeVerifier: started.codeVerifier,
      terug,
      verlooptOp: new Date(now.getTime() + STATE_TTL_MS),
    });
    return { url: started.url, state: started.state };
  }

  async finish(gemeente: Gemeente, callbackUrl: URL, cookieState: string | undefined, ip: string): Promise<SsoResult> {
    const state = callbackUrl.searchParams.get('state') ?? '';
    if (!state || state !== cookieState) return { status: 'mislukt', reden: 'verlopen' };
    const pending = await takeOidcLogin(this.db, gemeente.id, hashSecretToken(state), new Date());
    if (!pending) return { status: 'mislukt', reden: 'verlopen' };
    let identity: OidcIdentity;
    try {
      identity = await this.client.finishLogin(callbackUrl, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
    } catch (error) {
      if (!(error instanceof OidcError)) throw error;
      await insertAuditRegel(this.db, gemeente.id, { gebruikerId: null, naam: null, ip }, {
        soort: 'beveiliging',
        actie: 'sso-mislukt',
        omschrijving: error.message,
      });
      return { status: 'mislukt', reden: 'provider' };
    }
    const gebruiker = await this.matchOrProvision(gemeente.id, identity, ip);
    if (gebruiker.status === 'geblokkeerd') {
      await insertAuditRegel(this.db, gemeente.id, { gebruikerId: gebruiker.id, naam: gebruiker.naam, ip }, {
        soort: 'beveiliging',
        actie: 'inloggen-mislukt',
        objectType: 'gebruiker',
        objectId: gebruiker.id,
        omschrijving: 'via single sign-on; account geblokkeerd',
      });
      return { status: 'mislukt', reden: 'geblokkeerd' };
    }
    const started = await this.login.startSession(gemeente.id, gebruiker, ip);
    await insertAuditRegel(this.db, gemeente.id, { gebruikerId: gebruiker.id, naam: gebruiker.naam, ip }, {
      soort: 'beveiliging',
      actie: started.volgende === 'klaar' ? 'inloggen' : 'sso-juist',
      objectType: 'gebruiker',
      objectId: gebruiker.id,
      omschrijving: `via single sign-on (${identity.issuer})`,
    });
    return { status: 'ingelogd', ...started, terug: pending.terug };
  }

  /**
   * The account for this identity: first by the provider's own subject, then by e-mail address (linking the
   * subject), else a new account without roles — the beheerder decides what it may do.
   */
  private async matchOrProvision(gemeenteId: string, identity: OidcIdentity, ip: string): Promise<GebruikerRow> {
    const bySubject = await findGebruikerByOidcSubject(this.db, gemeenteId, identity.issuer, identity.subject);
    if (bySubject) return bySubject;
    const email = identity.email.trim().toLowerCase();
    const byEmail = await findGebruikerByEmail(this.db, gemeenteId, email);
    if (byEmail) {
      // An invited user who arrives through SSO has proven the address: the invitation is fulfilled.
      const status = byEmail.status === 'uitgenodigd' ? 'actief' : byEmail.status;
      const linked = await updateGebruiker(this.db, gemeenteId, byEmail.id, { oidcIssuer: identity.issuer, oidcSubject: identity.subject, status });
      await insertAuditRegel(this.db, gemeenteId, { gebruikerId: byEmail.id, naam: byEmail.naam, ip }, {
        soort: 'beveiliging',
        actie: 'sso-gekoppeld',
        objectType: 'gebruiker',
        objectId: byEmail.id,
        omschrijving: email,
      });
      return linked ?? byEmail;
    }
    return this.db.transaction(async (tx) => {
      const row = await insertGebruiker(tx, { gemeenteId, email, naam: identity.naam?.trim() || email, status: 'actief' });
      const linked = await updateGebruiker(tx, gemeenteId, row.id, { oidcIssuer: identity.issuer, oidcSubject: identity.subject });
      await insertAuditRegel(tx, gemeenteId, { gebruikerId: row.id, naam: row.naam, ip }, {
        soort: 'beveiliging',
        actie: 'gebruiker-aangemaakt-via-sso',
        objectType: 'gebruiker',
        objectId: row.id,
        omschrijving: email,
        na: { naam: row.naam, email, rollen: [] },
      });
      return linked ?? row;
    });
  }
}
