import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPassword, commonPasswordList } from './password-policy.js';

// First in this file: the list is read once per process, so this is the test that sees it being read.
describe('the shipped common-password list', () => {
  it('is loaded once, lowercase, without entries the length rule refuses anyway', () => {
    const list = commonPasswordList();
    expect(list.has('')).toBe(false);
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

  it('takes off digits and punctuation only at the ends: a listed word with digits inside is another word', () => {
    expect(checkPassword('2024zoetermeer!')).toBe('veelgebruikt');
    expect(checkPassword('zoeter2024meer')).toBeUndefined();
    expect(checkPassword('zoeter-meer-fietsen')).toBeUndefined();
  });

  it('accepts an uncommon passphrase with digits and punctuation at its ends', () => {
    expect(checkPassword('zeilbootkade2024!')).toBeUndefined();
    expect(checkPassword('!!tulp fiets molen')).toBeUndefined();
  });

  it('refuses the local part of the address even when its pieces are too short to count alone', () => {
    const context = { email: 'jo.ab@example.nl' };
    expect(checkPassword('hallo jo.ab, hoe gaat het', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('de jo en de ab gaan uit', context)).toBeUndefined();
  });

  it('refuses each longer piece of the local part on its own', () => {
    expect(checkPassword('familie devries 2024', { email: 'j.devries@example.nl' })).toBe('bevat-persoonsgegevens');
    expect(checkPassword('lea voor iedereen!', { email: 'j.devries+lea@example.nl' })).toBeUndefined();
  });

  it('ignores case and spaces around the address in the context', () => {
    expect(checkPassword('jo.ab@ex.nl-2024', { email: '  Jo.Ab@Ex.NL ' })).toBe('bevat-persoonsgegevens');
  });

  it('refuses the name written together, with and without its particles', () => {
    const context = { naam: 'Jan de Bok' };
    expect(checkPassword('jandebok2024!', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('janbok-fietst-graag', context)).toBe('bevat-persoonsgegevens');
    expect(checkPassword('de bok en jan fietsen', context)).toBeUndefined();
  });

  it.each(['van', 'von', 'der', 'den', 'de', 'het', 'ter', 'ten', 'te', 'op', 'in', 'aan', "'t", 'la', 'le', 'du'])(
    'leaves out the particle "%s" when it writes the name together',
    (particle) => {
      expect(checkPassword('janbok-fietst-graag', { naam: `Jan ${particle} Bok` })).toBe('bevat-persoonsgegevens');
    },
  );

  it('counts a name of three characters as a whole, not one of two', () => {
    expect(checkPassword('eva fietst naar huis', { naam: 'Eva' })).toBe('bevat-persoonsgegevens');
    expect(checkPassword('boterham met kaas', { naam: 'Bo' })).toBeUndefined();
  });

  it('counts a part of a name from four characters on', () => {
    expect(checkPassword('anna fietst naar huis', { naam: 'Anna de Wit' })).toBe('bevat-persoonsgegevens');
    expect(checkPassword('witte tulpen op het dak', { naam: 'Anna de Wit' })).toBeUndefined();
  });
});
