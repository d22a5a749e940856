import { describe, expect, it } from 'vitest';
import { t } from '../i18n/index.js';
import { joinDutch } from './join-dutch.js';

describe('joinDutch', () => {
  const en = t('lijst.en');

  it('joins the last two with "en" and the others with commas', () => {
    expect(en).toBe('en');
    expect(joinDutch(['po', 'vo'])).toBe('po en vo');
    expect(joinDutch(['po', 'vo', 'mbo'])).toBe('po, vo en mbo');
    expect(joinDutch(['a', 'b', 'c', 'd'])).toBe('a, b, c en d');
  });

  it('gives one item as it is, and nothing for none', () => {
    expect(joinDutch(['po'])).toBe('po');
    expect(joinDutch([])).toBe('');
  });

  it('writes numbers as they are', () => {
    expect(joinDutch([1, 2, 3])).toBe('1, 2 en 3');
    expect(joinDutch([2026])).toBe('2026');
  });
});
