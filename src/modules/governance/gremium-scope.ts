import type { Scope } from '../../records/record-kind.js';
import { heeftPermissie, type RolToewijzing } from '../auth/permissions.js';

/**
 * How much of a gremium a user may change: all of it (the procesmanager), or as voorzitter-overlegtafel the
 * omschrijving and vergaderfrequentie of the tafel they chair; undefined: nothing.
 */
export function gremiumScope(rollen: readonly RolToewijzing[] | undefined, gremiumId: string): Scope | undefined {
  if (heeftPermissie(rollen, 'governance.bewerken')) return 'alles';
  if (rollen?.some((r) => r.rol === 'voorzitter-overlegtafel' && r.gremiumId === gremiumId)) return 'beperkt';
  return undefined;
}
