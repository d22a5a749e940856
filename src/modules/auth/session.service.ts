import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.js';
import type { GebruikerRow } from './auth.repository.js';
import {
  completeSessieMfa,
  deleteSessie,
  deleteSessiesVanGebruiker,
  deleteVerlopenSessies,
  findSessie,
  insertSessie,
  touchSessie,
} from './auth.repository.js';
import type { RolToewijzing } from './permissions.js';

/** The cookie carries this random id; the database keeps only its hash, so a leaked table opens no session. */
export function hashSessionId(rawId: string): string {
  return createHash('sha256').update(rawId).digest('hex');
}

export interface LoadedSession {
  rawId: string;
  idHash: string;
  mfaVoltooid: boolean;
  gebruiker: GebruikerRow;
  rollen: RolToewijzing[];
}

/** Writing "last active" on every request would turn every page view into a write; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly options: { idleMinutes: number; absoluteHours: number },
  ) {}

  /** Starts a new session with a new id: an id from before the login is never reused (session fixation). */
  async create(gemeenteId: string, gebruikerId: string, mfaVoltooid: boolean, ip: string | null): Promise<string> {
    const rawId = randomBytes(32).toString('base64url');
    const now = new Date();
    await insertSessie(this.db, {
      idHash: hashSessionId(rawId),
      gemeenteId,
      gebruikerId,
      mfaVoltooid,
      aangemaaktOp: now,
      laatstActiefOp: now,
      verlooptOp: new Date(now.getTime() + this.options.absoluteHours * 3_600_000),
      ip,
    });
    return rawId;
  }

  /** The session behind a cookie, if it exists, belongs to this gemeente, has not timed out and its user may log in. */
  async load(rawId: string, gemeenteId: string, now = new Date()): Promise<LoadedSession | undefined> {
    const idHash = hashSessionId(rawId);
    const found = await findSessie(this.db, idHash);
    if (!found || found.sessie.gemeenteId !== gemeenteId) return undefined;
    const idleLimit = now.getTime() - this.options.idleMinutes * 60_000;
    const expired = found.sessie.verlooptOp.getTime() <= now.getTime() || found.sessie.laatstActiefOp.getTime() < idleLimit;
    if (expired || found.gebruiker.status !== 'actief') {
      await deleteSessie(this.db, idHash);
      return undefined;
    }
    if (now.getTime() - found.sessie.laatstActiefOp.getTime() > TOUCH_INTERVAL_MS) await touchSessie(this.db, idHash, now);
    return { rawId, idHash, mfaVoltooid: found.sessie.mfaVoltooid, gebruiker: found.gebruiker, rollen: found.rollen };
  }

  completeMfa(idHash: string) {
    return completeSessieMfa(this.db, idHash);
  }

  destroy(idHash: string) {
    return deleteSessie(this.db, idHash);
  }

  /** Ends every session of a user: after a password reset, a block or a role change. */
  destroyAllOf(gemeenteId: string, gebruikerId: string) {
    return deleteSessiesVanGebruiker(this.db, gemeenteId, gebruikerId);
  }

  purgeExpired(now = new Date()) {
    return deleteVerlopenSessies(this.db, now, new Date(now.getTime() - this.options.idleMinutes * 60_000));
  }
}
