import { describe, expect, it } from 'vitest';
import { PERMISSIES, ROLLEN, heeftPermissie, vereistMfa, type Permissie, type Rol, type RolToewijzing } from './permissions.js';

const als = (...rollen: Rol[]): RolToewijzing[] => rollen.map((rol) => ({ rol, gremiumId: null }));

// Written out by hand, not derived from the table: who may do what is the rule under test.
const ALLEEN = (...rollen: Rol[]) => rollen;
const ELKE_ROL: Rol[] = ['beheerder', 'procesmanager', 'stuurgroeplid', 'voorzitter-overlegtafel', 'platformlid', 'data-beheerder'];
const VERWACHT: Record<Permissie, { publiek: boolean; zonderRol: boolean; rollen: Rol[] }> = {
  publiek: { publiek: true, zonderRol: true, rollen: ELKE_ROL },
  'account.eigen': { publiek: false, zonderRol: true, rollen: ELKE_ROL },
  'intern.lezen': { publiek: false, zonderRol: false, rollen: ELKE_ROL },
  'agenda.bewerken': { publiek: false, zonderRol: false, rollen: ALLEEN('procesmanager') },
  'governance.bewerken': { publiek: false, zonderRol: false, rollen: ALLEEN('procesmanager') },
  'gremium.eigen-tafel': { publiek: false, zonderRol: false, rollen: ALLEEN('procesmanager', 'voorzitter-overlegtafel') },
  'historie.lezen': { publiek: false, zonderRol: false, rollen: ALLEEN('beheerder', 'procesmanager') },
  'gebruikers.beheren': { publiek: false, zonderRol: false, rollen: ALLEEN('beheerder') },
  'audit.lezen': { publiek: false, zonderRol: false, rollen: ALLEEN('beheerder') },
  'outbox.lezen': { publiek: false, zonderRol: false, rollen: ALLEEN('beheerder') },
};

describe('the permission table', () => {
  it('knows the six roles of the database', () => {
    expect(ROLLEN).toEqual(ELKE_ROL);
  });

  it('has exactly the permissions written out here', () => {
    expect(Object.keys(PERMISSIES).sort()).toEqual(Object.keys(VERWACHT).sort());
  });

  describe.each(Object.entries(VERWACHT) as [Permissie, (typeof VERWACHT)[Permissie]][])('%s', (permissie, verwacht) => {
    it(`is ${verwacht.publiek ? '' : 'not '}for the public (not logged in)`, () => {
      expect(heeftPermissie(undefined, permissie)).toBe(verwacht.publiek);
    });

    it(`is ${verwacht.zonderRol ? '' : 'not '}for a logged-in user without roles`, () => {
      expect(heeftPermissie([], permissie)).toBe(verwacht.zonderRol);
    });

    it.each(ELKE_ROL)('with the role %s alone', (rol) => {
      expect(heeftPermissie(als(rol), permissie)).toBe(verwacht.rollen.includes(rol));
    });
  });

  it('is enough when any one of several roles holds the permission, whichever comes first', () => {
    expect(heeftPermissie(als('stuurgroeplid', 'procesmanager'), 'agenda.bewerken')).toBe(true);
    expect(heeftPermissie(als('procesmanager', 'stuurgroeplid'), 'agenda.bewerken')).toBe(true);
    expect(heeftPermissie(als('stuurgroeplid', 'platformlid'), 'agenda.bewerken')).toBe(false);
  });

  it('keeps accounts and agenda apart: the beheerder does not edit the agenda, the procesmanager manages no accounts', () => {
    expect(heeftPermissie(als('beheerder'), 'agenda.bewerken')).toBe(false);
    expect(heeftPermissie(als('procesmanager'), 'gebruikers.beheren')).toBe(false);
  });
});

describe('vereistMfa', () => {
  it('asks a second factor of the beheerder and the procesmanager only', () => {
    expect(ELKE_ROL.filter((rol) => vereistMfa(als(rol)))).toEqual(['beheerder', 'procesmanager']);
  });

  it('asks it when any of the roles needs it, and not of a user without roles', () => {
    expect(vereistMfa(als('stuurgroeplid', 'beheerder'))).toBe(true);
    expect(vereistMfa(als('stuurgroeplid', 'platformlid'))).toBe(false);
    expect(vereistMfa([])).toBe(false);
  });
});
