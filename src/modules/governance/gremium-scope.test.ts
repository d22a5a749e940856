import { describe, expect, it } from 'vitest';
import type { Rol } from '../auth/permissions.js';
import { gremiumScope } from './gremium-scope.js';

const TAFEL = '3f1c2d9e-0000-4000-8000-000000000001';
const ANDERE_TAFEL = '3f1c2d9e-0000-4000-8000-000000000002';
const rol = (naam: Rol, gremiumId: string | null = null) => ({ rol: naam, gremiumId });

describe('gremiumScope', () => {
  it('lets the procesmanager change all of every gremium', () => {
    expect(gremiumScope([rol('procesmanager')], TAFEL)).toBe('alles');
    expect(gremiumScope([rol('voorzitter-overlegtafel', TAFEL), rol('procesmanager')], ANDERE_TAFEL)).toBe('alles');
  });

  it('lets a voorzitter-overlegtafel change part of the tafel they chair, and nothing of another', () => {
    expect(gremiumScope([rol('voorzitter-overlegtafel', TAFEL)], TAFEL)).toBe('beperkt');
    expect(gremiumScope([rol('voorzitter-overlegtafel', ANDERE_TAFEL)], TAFEL)).toBeUndefined();
    expect(gremiumScope([rol('voorzitter-overlegtafel', ANDERE_TAFEL), rol('voorzitter-overlegtafel', TAFEL)], TAFEL)).toBe('beperkt');
  });

  it('gives another role with the same gremium id nothing', () => {
    expect(gremiumScope([rol('stuurgroeplid', TAFEL)], TAFEL)).toBeUndefined();
    expect(gremiumScope([rol('beheerder', TAFEL)], TAFEL)).toBeUndefined();
  });

  it('gives the public and a user without roles nothing', () => {
    expect(gremiumScope(undefined, TAFEL)).toBeUndefined();
    expect(gremiumScope([], TAFEL)).toBeUndefined();
  });
});
