import { describe, expect, it } from 'vitest';
import { kebabCase } from './kebab-case.js';

describe('kebabCase', () => {
  it('writes a name as lower-case words joined by hyphens, "&" as "en"', () => {
    expect(kebabCase('Stichting Jong & Oud', 'x')).toBe('stichting-jong-en-oud');
    expect(kebabCase('Jong&Oud', 'x')).toBe('jong-en-oud');
    expect(kebabCase('LEA Zoetermeer 2025', 'x')).toBe('lea-zoetermeer-2025');
  });

  it('drops accents and treats every other character as a separator, never doubled', () => {
    expect(kebabCase('Café Één', 'x')).toBe('cafe-een');
    expect(kebabCase('Brede school (Oosterheem) / Rokkeveen', 'x')).toBe('brede-school-oosterheem-rokkeveen');
    expect(kebabCase('po -- vo', 'x')).toBe('po-vo');
  });

  it('starts and ends with a letter or digit', () => {
    expect(kebabCase('  --Overleg!  ', 'x')).toBe('overleg');
    expect(kebabCase('"Samen"', 'x')).toBe('samen');
  });

  it('keeps at most 60 characters, without a hyphen at the cut', () => {
    const name = `${'a'.repeat(59)} bcd`;
    expect(kebabCase(name, 'x')).toBe('a'.repeat(59));
    expect(kebabCase('b'.repeat(70), 'x')).toBe('b'.repeat(60));
    expect(kebabCase(`${'c'.repeat(58)} d e`, 'x')).toBe(`${'c'.repeat(58)}-d`);
  });

  it('gives the fallback when nothing usable is left', () => {
    expect(kebabCase('', 'organisatie')).toBe('organisatie');
    expect(kebabCase('!!! ???', 'gremium')).toBe('gremium');
    expect(kebabCase('日本', 'gremium')).toBe('gremium');
  });
});
