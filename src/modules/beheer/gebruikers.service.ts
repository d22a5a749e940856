import type { Database } from '../../db/client.js';
import type { GebruikerStatus, Rol } from '../../db/schema.js';
import { insertAuditRegel, type Actor } from '../audit/audit.repository.js';
import type { AccountService } from '../auth/account.service.js';
import {
  findGebruikerByEmail,
  findGebruikerById,
  insertGebruiker,
  listAlleRollen,
  listGebruikers,
  listRollen,
  replaceRollen,
  updateGebruiker,
  type GebruikerRow,
} from '../auth/auth.repository.js';
import type { RolToewijzing } from '../auth/permissions.js';
import type { Gemeente } from '../gemeente/gemeente.service.js';
import type { SessionService } from '../auth/session.service.js';

export interface GebruikerMetRollen extends GebruikerRow {
  rollen: RolToewijzing[];
}

export type InviteResult = { status: 'ok'; gebruiker: GebruikerRow } | { status: 'bestaat' };

function rollenText(rollen: RolToewijzing[]): string[] {
  return rollen.map((r) => (r.gremiumId ? `${r.rol}:${r.gremiumId}` : r.rol)).sort();
}

/** The beheerder's work on accounts: invite, give and take roles, block and unblock. Every step is logged. */
export class GebruikersService {
  constructor(
    private readonly db: Database,
    private readonly accounts: AccountService,
    private readonly sessions: SessionService,
  ) {}

  async list(gemeenteId: string): Promise<GebruikerMetRollen[]> {
    const [gebruikers, rollen] = await Promise.all([listGebruikers(this.db, gemeenteId), listAlleRollen(this.db, gemeenteId)]);
    return gebruikers.map((g) => ({
      ...g,
      rollen: rollen.filter((r) => r.gebruikerId === g.id).map(({ rol, gremiumId }) => ({ rol, gremiumId })),
    }));
  }

  async get(gemeenteId: string, id: string): Promise<GebruikerMetRollen | undefined> {
    const gebruiker = await findGebruikerById(this.db, gemeenteId, id);
    if (!gebruiker) return undefined;
    return { ...gebruiker, rollen: await listRollen(this.db, gemeenteId, id) };
  }

  async invite(
    gemeente: Gemeente,
    input: { naam: string; email: string; rollen: RolToewijzing[] },
    actor: Actor,
    baseUrl: string,
  ): Promise<InviteResult> {
    if (await findGebruikerByEmail(this.db, gemeente.id, input.email)) return { status: 'bestaat' };
    const gebruiker = await this.db.transaction(async (tx) => {
      const row = await insertGebruiker(tx, { gemeenteId: gemeente.id, email: input.email, naam: input.naam, status: 'uitgenodigd' });
      await replaceRollen(tx, gemeente.id, row.id, input.rollen);
      await insertAuditRegel(tx, gemeente.id, actor, {
        soort: 'beveiliging',
        actie: 'gebruiker-uitgenodigd',
        objectType: 'gebruiker',
        objectId: row.id,
        omschrijving: row.email,
        na: { naam: row.naam, email: row.email, rollen: rollenText(input.rollen) },
      });
      return row;
    });
    await this.accounts.sendLink(gemeente, gebruiker, 'uitnodiging', baseUrl);
    return { status: 'ok', gebruiker };
  }

  async resendInvite(gemeente: Gemeente, id: string, actor: Actor, baseUrl: string): Promise<boolean> {
    const gebruiker = await findGebruikerById(this.db, gemeente.id, id);
    if (!gebruiker || gebruiker.status !== 'uitgenodigd') return false;
    await this.accounts.sendLink(gemeente, gebruiker, 'uitnodiging', baseUrl);
    await insertAuditRegel(this.db, gemeente.id, actor, {
      soort: 'beveiliging',
      actie: 'uitnodiging-opnieuw-verstuurd',
      objectType: 'gebruiker',
      objectId: id,
      omschrijving: gebruiker.email,
    });
    return true;
  }

  /**
   * Changes roles and status together, refused when the account changed since the form was opened. A user's
   * sessions end when their roles or status change, so new rights apply at once and old ones stop at once.
   */
  async update(
    gemeenteId: string,
    id: string,
    input: { versie: number; rollen: RolToewijzing[]; status: GebruikerStatus },
    actor: Actor,
  ): Promise<'ok' | 'niet-gevonden' | 'conflict' | 'laatste-beheerder'> {
    const result = await this.db.transaction(async (tx) => {
      const before = await findGebruikerById(tx, gemeenteId, id);
      if (!before) return 'niet-gevonden' as const;
      if (before.versie !== input.versie) return 'conflict' as const;
      const rollenBefore = await listRollen(tx, gemeenteId, id);
      const wasBeheerder = before.status === 'actief' && rollenBefore.some((r) => r.rol === 'beheerder');
      const blijftBeheerder = input.status === 'actief' && input.rollen.some((r) => r.rol === 'beheerder');
      if (wasBeheerder && !blijftBeheerder && !(await this.otherActiveBeheerder(tx, gemeenteId, id))) return 'laatste-beheerder' as const;
      const status: GebruikerStatus = before.status === 'uitgenodigd' && input.status === 'actief' ? 'uitgenodigd' : input.status;
      await updateGebruiker(tx, gemeenteId, id, { status });
      await replaceRollen(tx, gemeenteId, id, input.rollen);
      const voor = { status: before.status, rollen: rollenText(rollenBefore) };
      const na = { status, rollen: rollenText(input.rollen) };
      if (JSON.stringify(voor) !== JSON.stringify(na)) {
        await insertAuditRegel(tx, gemeenteId, actor, {
          soort: 'beveiliging',
          actie: voor.status !== na.status && na.status === 'geblokkeerd' ? 'gebruiker-geblokkeerd' : 'rollen-gewijzigd',
          objectType: 'gebruiker',
          objectId: id,
          omschrijving: before.email,
          voor,
          na,
        });
      }
      return 'ok' as const;
    });
    if (result === 'ok') await this.sessions.destroyAllOf(gemeenteId, id);
    return result;
  }

  private async otherActiveBeheerder(db: Database, gemeenteId: string, exceptId: string): Promise<boolean> {
    const [gebruikers, rollen] = await Promise.all([listGebruikers(db, gemeenteId), listAlleRollen(db, gemeenteId)]);
    const actief = new Set(gebruikers.filter((g) => g.status === 'actief' && g.id !== exceptId).map((g) => g.id));
    return rollen.some((r) => r.rol === 'beheerder' && actief.has(r.gebruikerId));
  }

  /** The first beheerder of a gemeente without one (first start, or INITIAL_ADMIN_* from the environment). */
  async ensureBeheerder(
    gemeenteId: string,
    input: { email: string; naam: string; wachtwoordHash: () => Promise<string> },
  ): Promise<GebruikerRow | undefined> {
    const rollen = await listAlleRollen(this.db, gemeenteId);
    if (rollen.some((r) => r.rol === 'beheerder')) return undefined;
    // Hashed only now: a password hash costs a tenth of a second, and a gemeente that has its beheerder (every
    // start but the first) needs none.
    const wachtwoordHash = await input.wachtwoordHash();
    return this.db.transaction(async (tx) => {
      const existing = await findGebruikerByEmail(tx, gemeenteId, input.email);
      const row =
        existing ??
        (await insertGebruiker(tx, { gemeenteId, email: input.email, naam: input.naam, status: 'actief', wachtwoordHash }));
      if (existing) await updateGebruiker(tx, gemeenteId, existing.id, { status: 'actief', wachtwoordHash });
      await replaceRollen(tx, gemeenteId, row.id, [{ rol: 'beheerder', gremiumId: null }]);
      await insertAuditRegel(tx, gemeenteId, { gebruikerId: null, naam: 'Installatie', ip: null }, {
        soort: 'beveiliging',
        actie: 'eerste-beheerder-aangemaakt',
        objectType: 'gebruiker',
        objectId: row.id,
        omschrijving: row.email,
      });
      return row;
    });
  }
}

export type { Rol };

declare module '../../app-services.js' {
  interface AppServices {
    gebruikers: GebruikersService;
  }
}
