import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import { listGemeentenZonderBeheerder } from '../auth/auth.repository.js';
import { hashPassword } from '../auth/security/password-hash.js';
import type { GebruikersService } from './gebruikers.service.js';

export interface FirstLogin {
  gemeente: string;
  email: string;
  /** Absent when the password came from INITIAL_ADMIN_PASSWORD: we never print what the operator chose. */
  wachtwoord?: string | undefined;
}

/**
 * Every gemeente needs someone who can invite the others. A gemeente without a beheerder gets one: with the
 * address (and password) from the environment, or else with a random password printed once at start-up.
 * There is no default password, so nothing works until someone reads this installation's own output.
 */
export async function ensureFirstBeheerders(db: Database, gebruikers: GebruikersService, config: Config): Promise<FirstLogin[]> {
  const created: FirstLogin[] = [];
  // Asked once for all gemeenten; ensureBeheerder asks again for each one found, in case a beheerder was added meanwhile.
  for (const gemeente of await listGemeentenZonderBeheerder(db)) {
    const email = (config.INITIAL_ADMIN_EMAIL ?? `beheerder@${gemeente.slug}.example`).toLowerCase();
    const generated = config.INITIAL_ADMIN_PASSWORD ? undefined : randomBytes(15).toString('base64url');
    const wachtwoord = config.INITIAL_ADMIN_PASSWORD ?? generated!;
    const row = await gebruikers.ensureBeheerder(gemeente.id, { email, naam: 'Beheerder', wachtwoordHash: () => hashPassword(wachtwoord) });
    if (row) created.push({ gemeente: gemeente.naam, email, wachtwoord: generated });
  }
  return created;
}

export function formatFirstLogins(logins: FirstLogin[], loginUrl: string): string {
  const lines = logins.flatMap((login) => [
    `  Gemeente ${login.gemeente}`,
    `    e-mail:     ${login.email}`,
    login.wachtwoord ? `    wachtwoord: ${login.wachtwoord}` : '    wachtwoord: zoals ingesteld in INITIAL_ADMIN_PASSWORD',
  ]);
  return [
    '',
    '================================================================================',
    ' Eerste beheerder aangemaakt. Deze gegevens ziet u maar één keer.',
    ` Log in op ${loginUrl} en stel daarna tweestapsverificatie in.`,
    ...lines,
    '================================================================================',
    '',
  ].join('\n');
}
