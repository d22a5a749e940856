import { describe, expect, it } from 'vitest';
import { formatWait } from './dates.js';

describe('formatWait', () => {
  it('says seconds and minutes in words, singular and plural', () => {
    expect(formatWait(1)).toBe('1 seconde');
    expect(formatWait(45)).toBe('45 seconden');
    expect(formatWait(60)).toBe('1 minuut');
    expect(formatWait(61)).toBe('2 minuten');
  });
});
