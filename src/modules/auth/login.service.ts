import type { Database } from '../../db/client.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import {
  claimTotpStep,
  findGebruikerByEmail,
  findGebruikerById,
  listRollen,
  updateGebruiker,
  useHerstelcode,
  type GebruikerRow,
} from './auth.repository.js';
import { vereistMfa } from './permissions.js';
import { needsRehash, hashPassword, verifyDummyPassword, verifyPassword } from './security/password-hash.js';
import { hashRecoveryCode } from './security/recovery-codes.js';
import { verifyTotp } from './security/totp.js';
import type { SessionService } from './session.service.js';
import { ACCOUNT_RULE, ADRES_RULE, Throttle } from './throttle.js';

/** What comes after a correct password: done, a code from the app, or setting up the app first. */
export type NextStep = 'klaar' | 'code' | 'instellen';

export type LoginResult =
  | { status: 'ingelogd'; rawSessionId: string; volgende: NextStep }
  | { status: 'mislukt' }
  | { status: 'wacht'; seconden: number };

export type CodeResult = { status: 'ok' } | { status: 'mislukt' } | { status: 'wacht'; seconden: number };

const securityLine = (actie: string, gebruiker: GebruikerRow | undefined, omschrijving?: string) => ({
  soort: 'beveiliging' as const,
  actie,
  objectType: 'gebruiker',
  objectId: gebruiker?.id ?? null,
  ...(omschrijving ? { omschrijving } : {}),
});

export class LoginService {
  private readonly throttle: Throttle;

  constructor(
    private readonly db: Database,
    private readonly sessions: SessionService,
  ) {
    this.throttle = new Throttle(db);
  }

  /** Which step follows the password for this user: a second factor is required for privileged roles. */
  async nextStep(gemeenteId: string, gebruiker: GebruikerRow): Promise<NextStep> {
    if (gebruiker.totpActiefSinds) return 'code';
    const rollen = await listRollen(this.db, gemeenteId, gebruiker.id);
    return vereistMfa(rollen) ? 'instellen' : 'klaar';
  }

  /** Starts a session for a user who has just proven who they are (password, invitation or single sign-on). */
  async startSession(gemeenteId: string, gebruiker: GebruikerRow, ip: string | null): Promise<{ rawSessionId: string; volgende: NextStep }> {
    const volgende = await this.nextStep(gemeenteId, gebruiker);
    const rawSessionId = await this.sessions.create(gemeenteId, gebruiker.id, volgende === 'klaar', ip);
    if (volgende === 'klaar') await updateGebruiker(this.db, gemeenteId, gebruiker.id, { laatstIngelogdOp: new Date() });
    return { rawSessionId, volgende };
  }

  async loginWithPassword(gemeenteId: string, email: string, wachtwoord: string, ip: string): Promise<LoginResult> {
    const normalised = email.trim().toLowerCase();
    const keys = [`account:${normalised}`, `adres:${ip}`];
    const wait = await this.throttle.remaining(gemeenteId, [
      { sleutel: keys[0]!, rule: ACCOUNT_RULE },
      { sleutel: keys[1]!, rule: ADRES_RULE },
    ]);
    const actor: Actor = { gebruikerId: null, naam: null, ip };
    if (wait > 0) {
      await insertAuditRegel(this.db, gemeenteId, actor, securityLine('inloggen-vertraagd', undefined, normalised));
      return { status: 'wacht', seconden: wait };
    }
    const gebruiker = await findGebruikerByEmail(this.db, gemeenteId, normalised);
    // An unknown address costs as much time as a known one, so timing does not tell which addresses exist.
    const ok =
      gebruiker?.wachtwoordHash && gebruiker.status === 'actief'
        ? await verifyPassword(gebruiker.wachtwoordHash, wachtwoord)
        : await verifyDummyPassword(wachtwoord);
    if (!ok || !gebruiker) {
      await this.throttle.fail(gemeenteId, keys);
      await insertAuditRegel(
        this.db,
        gemeenteId,
        { ...actor, gebruikerId: gebruiker?.id ?? null, naam: gebruiker?.naam ?? null },
        securityLine('inloggen-mislukt', gebruiker, normalised),
      );
      return { status: 'mislukt' };
    }
    await this.throttle.clear(gemeenteId, [keys[0]!]);
    if (gebruiker.wachtwoordHash && needsRehash(gebruiker.wachtwoordHash)) {
      await updateGebruiker(this.db, gemeenteId, gebruiker.id, { wachtwoordHash: await hashPassword(wachtwoord) });
    }
    const started = await this.startSession(gemeenteId, gebruiker, ip);
    await insertAuditRegel(
      this.db,
      gemeenteId,
      { gebruikerId: gebruiker.id, naam: gebruiker.naam, ip },
      securityLine(started.volgende === 'klaar' ? 'inloggen' : 'wachtwoord-juist', gebruiker),
    );
    return { status: 'ingelogd', ...started };
  }

  /** The second step: a code from the authenticator app, or one of the recovery codes. */
  async verifySecondFactor(gemeenteId: string, sessionIdHash: string, gebruikerId: string, code: string, ip: string): Promise<CodeResult> {
    const key = `code:${gebruikerId}`;
    const wait = await this.throttle.remaining(gemeenteId, [{ sleutel: key, rule: ACCOUNT_RULE }]);
    if (wait > 0) return { status: 'wacht', seconden: wait };
    const gebruiker = await findGebruikerById(this.db, gemeenteId, gebruikerId);
    if (!gebruiker?.totpGeheim || !gebruiker.totpActiefSinds) return { status: 'mislukt' };
    const actor: Actor = { gebruikerId: gebruiker.id, naam: gebruiker.naam, ip };

    let accepted = false;
    let method = 'app';
    const cleaned = code.replace(/\s+/g, '');
    if (/^\d{6}$/.test(cleaned)) {
      const result = verifyTotp(gebruiker.totpGeheim, cleaned, { lastUsedStep: gebruiker.totpLaatsteStap });
      accepted = result.ok && (await claimTotpStep(this.db, gemeenteId, gebruiker.id, result.step));
    } else if (cleaned.length >= 10) {
      method = 'herstelcode';
      accepted = await useHerstelcode(this.db, gemeenteId, gebruiker.id, hashRecoveryCode(cleaned), new Date());
    }
    if (!accepted) {
      await this.throttle.fail(gemeenteId, [key]);
      await insertAuditRegel(this.db, gemeenteId, actor, securityLine('tweede-stap-mislukt', gebruiker));
      return { status: 'mislukt' };
    }
    await this.throttle.clear(gemeenteId, [key]);
    await this.sessions.completeMfa(sessionIdHash);
    await updateGebruiker(this.db, gemeenteId, gebruiker.id, { laatstIngelogdOp: new Date() });
    await insertAuditRegel(
      this.db,
      gemeenteId,
      actor,
      securityLine('inloggen', gebruiker, method === 'herstelcode' ? 'met een herstelcode' : 'met de authenticator-app'),
    );
    return { status: 'ok' };
  }

  /** Completes a login that waited for the user to set up the authenticator app (proven by its first code). */
  async completeSetupLogin(gemeenteId: string, session: { idHash: string; gebruiker: GebruikerRow }, ip: string): Promise<void> {
    await this.sessions.completeMfa(session.idHash);
    await updateGebruiker(this.db, gemeenteId, session.gebruiker.id, { laatstIngelogdOp: new Date() });
    await insertAuditRegel(
      this.db,
      gemeenteId,
      { gebruikerId: session.gebruiker.id, naam: session.gebruiker.naam, ip },
      securityLine('inloggen', session.gebruiker, 'na het instellen van de authenticator-app'),
    );
  }

  async logout(gemeenteId: string, sessionIdHash: string, actor: Actor): Promise<void> {
    await this.sessions.destroy(sessionIdHash);
    if (actor.gebruikerId) {
      await insertAuditRegel(this.db, gemeenteId, actor, {
        soort: 'beveiliging',
        actie: 'uitloggen',
        objectType: 'gebruiker',
        objectId: actor.gebruikerId,
      });
    }
  }
}
