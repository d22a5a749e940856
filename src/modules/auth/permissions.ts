import { rolEnum, type Rol } from '../../db/schema.js';

export type { Rol };
export const ROLLEN: readonly Rol[] = rolEnum.enumValues;

/** Roles that must use a second factor (BIO2: multi-factor authentication for privileged accounts). */
export const ROLLEN_MET_VERPLICHTE_MFA: readonly Rol[] = ['beheerder', 'procesmanager'];

const iedereIngelogdeRol = ROLLEN;

/**
 * The one permission table. Every route names one of these keys in its config; the auth plugin refuses a request
 * whose user holds none of the roles listed. `publiek` needs no login at all. Least privilege: the beheerder
 * manages accounts but does not edit the agenda, and the procesmanager edits the agenda but not accounts.
 */
export const PERMISSIES = {
  publiek: 'iedereen',
  /** Own account: two-factor, personal API tokens. Also for a user without roles yet (e.g. just arrived via SSO). */
  'account.eigen': 'ingelogd',
  /** Contact details of persons and other internal information of the partnership. */
  'intern.lezen': iedereIngelogdeRol,
  'agenda.bewerken': ['procesmanager'],
  'governance.bewerken': ['procesmanager'],
  /**
   * The gremium edit routes: the procesmanager edits every gremium; a voorzitter-overlegtafel only the omschrijving
   * and vergaderfrequentie of the tafel they chair (the service checks that scope against the role's gremiumId).
   */
  'gremium.eigen-tafel': ['procesmanager', 'voorzitter-overlegtafel'],
  /** The record history under each edit form. */
  'historie.lezen': ['beheerder', 'procesmanager'],
  'gebruikers.beheren': ['beheerder'],
  'audit.lezen': ['beheerder'],
  'outbox.lezen': ['beheerder'],
} as const satisfies Record<string, 'iedereen' | 'ingelogd' | readonly Rol[]>;

export type Permissie = keyof typeof PERMISSIES;

export interface RolToewijzing {
  rol: Rol;
  /** Set for voorzitter-overlegtafel: the tafel it applies to. */
  gremiumId: string | null;
}

/** Whether a user with these roles holds the permission; `undefined` roles means not logged in. */
export function heeftPermissie(rollen: readonly RolToewijzing[] | undefined, permissie: Permissie): boolean {
  const toegestaan = PERMISSIES[permissie];
  if (toegestaan === 'iedereen') return true;
  if (!rollen) return false;
  if (toegestaan === 'ingelogd') return true;
  return rollen.some((toewijzing) => (toegestaan as readonly Rol[]).includes(toewijzing.rol));
}

export function vereistMfa(rollen: readonly RolToewijzing[]): boolean {
  return rollen.some((toewijzing) => ROLLEN_MET_VERPLICHTE_MFA.includes(toewijzing.rol));
}
