import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword, commonPasswordList } from './password-policy.js';

describe('checkPassword', () => {
  it('accepts a passphrase of four Dutch words without any composition rule', () => {
    const passphrase = 'tulp fiets molen dak';
    expect(Array.from(passphrase)).toHaveLength(20);
    expect(checkPassword(passphrase, { email: 'jan.devries@zoetermeer.nl', naam: 'Jan de Vries' })).toBeUndefined();
    expect(checkPassword('zeilbootkade')).toBeUndefined();
  });

  it('refuses fewer than 12 and more than 128 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    expect(checkPassword('zeilbootkad')).toBe('te-kort');
    expect(checkPassword('')).toBe('te-kort');
    const long = 'tulp fiets molen dak '.repeat(7).slice(0, 128);
    expect(checkPassword(long)).toBeUndefined();
    expect(checkPassword(`${long}x`)).toBe('te-lang');
  });

  it('counts Unicode code points, not UTF-16 units', () => {
    const elevenEmoji = '🚲🌷🧀🐄⛵🏠🌧🦆🍟🎺🐟';
    expect(elevenEmoji.length).toBeGreaterThan(PASSWORD_MIN_LENGTH);
    expect(checkPassword(elevenEmoji)).toBe('te-kort');
    expect(checkPassword(`${elevenEmoji}🧇`)).toBeUndefined();
    expect(checkPassword('kat🙂hond🙂vis')).toBeUndefined();
  });

  it('normalises with NFKC before counting and comparing', () => {
    // Full-width letters and digits fold to plain "password1234".
    expect(checkPassword('ｐａｓｓｗｏｒｄ１２３４')).toBe('veelgebruikt');
    // "ﬃ" is one code point that NFKC turns into three.
    expect(checkPassword('ﬃﬃﬃﬃ')).toBe('herhaling');
  });

  it('refuses "password" and its usual variants, whatever the case', () => {
    const variants = ['password1234', 'Password1234', 'PASSWORD123456', 'Password2024!', '!!Password!!!!', 'qwerty123456'];
    for (const password of [...variants, '123qweasdzxc']) {
      expect(checkPassword(password), password).toBe('veelgebruikt');
    }
  });

  it('refuses common Dutch passwords', () => {
    for (const password of ['Wachtwoord2024!', 'welkom123456', 'Zoetermeer2025', 'Voetbal123456!', 'geheim123456']) {
      expect(checkPassword(password), password).toBe('veelgebruikt');
    }
  });

  it('refuses one character or one short run repeated', () => {
    expect(checkPassword('aaaaaaaaaaaa')).toBe('herhaling');
    expect(checkPassword('AaAaAaAaAaAa')).toBe('herhaling');
    expect(checkPassword('🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂')).toBe('herhaling');
    expect(checkPassword('abcabcabcabc')).toBe('herhaling');
    expect(checkPassword('welkomwelkom')).toBe('herhaling');
  });

  it('refuses the e-mail address, its local part and the name', () => {
    const context = { email: 'Jan.deVries+lea@Zoetermeer.nl', naam: 'Jan de Vries' };
    expect(checkPassword('jan.devries+lea@zoetermeer.nl', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('ik ben jan.devries+lea!', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('mijn-achternaam-devries', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('JanDeVries-is-de-baas', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('Vries aan zee in maart', context)).toBe('bevat-persoonsgegevens');
    // Short name parts stay allowed inside other words.
    expect(checkPassword('januari fietst hard', context)).toBeUndefined();
  });

  it('refuses a password equal to the e-mail address, given no other context', () => {
    expect(checkPassword('p.bakker@example.nl', { email: 'p.bakker@example.nl' })).toBe('bevat-persoonsgegevens');
    expect(checkPassword('p.bakker@example.nl', {})).toBeUndefined();
  });
});

describe('the shipped common-password list', () => {
  it('is loaded once, lowercase, without entries the length rule refuses anyway', () => {
    const list = commonPasswordList();
    expect(commonPasswordList()).toBe(list);
    expect(list.size).toBeGreaterThan(10_000);
    expect(list.size).toBeLessThan(100_000);
    const malformed = [...list].filter(
      (entry) => entry !== entry.normalize('NFKC').toLowerCase() || Array.from(entry).length < 8 || /\s/.test(entry),
    );
    expect(malformed).toEqual([]);
    for (const entry of ['password', 'wachtwoord', 'welkom01', 'zoetermeer', 'voetbal2024']) {
      expect(list.has(entry), entry).toBe(true);
    }
  });
});
