import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feestdagen, koningsdag, paaszondag } from './feestdagen.js';
import { binnen, dagnummer, plusDagen, uitDagnummer, weekdag } from './kalender.js';

describe('kalender', () => {
  it('counts days in UTC and refuses what is not a date', () => {
    expect(dagnummer('1970-01-01')).toBe(0);
    expect(uitDagnummer(dagnummer('2026-03-29'))).toBe('2026-03-29');
    // Across the change to summer time the day count still steps by one.
    expect(dagnummer('2026-03-30') - dagnummer('2026-03-29')).toBe(1);
    expect(plusDagen('2025-12-31', 1)).toBe('2026-01-01');
    expect(plusDagen('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdag('2026-12-03')).toBe(4);
    for (const wrong of ['2026-02-30', '2026-13-01']) expect(() => dagnummer(wrong), wrong).toThrow(`Geen bestaande datum: ${wrong}`);
    for (const wrong of ['2026-1-5', '5 januari 2026', '', 'x2026-01-05', '2026-01-05x']) {
      expect(() => dagnummer(wrong), wrong).toThrow(RangeError);
    }
    expect(() => dagnummer('2026-1-5')).toThrow('Geen datum (jjjj-mm-dd): 2026-1-5');
  });

  it('counts both ends of a period as inside it', () => {
    const periode = { van: '2026-02-14', tot: '2026-02-22' };
    expect(['2026-02-13', '2026-02-14', '2026-02-18', '2026-02-22', '2026-02-23'].map((d) => binnen(d, periode))).toEqual([false, true, true, true, false]);
  });
});

describe('feestdagen', () => {
  it('finds Easter Sunday as published, including the earliest and latest possible', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      // The two exceptions of the algorithm (its m = 1): the full moon rule would give 25 or 26 April.
      1954: '1954-04-18',
      1981: '1981-04-19',
      2049: '2049-04-18',
      2076: '2076-04-19',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [jaar, datum] of Object.entries(known)) expect(paaszondag(Number(jaar)), jaar).toBe(datum);
  });

  it('puts Easter on a Sunday between 22 March and 25 April in every year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (jaar) => {
        const pasen = paaszondag(jaar);
        expect(weekdag(pasen)).toBe(0);
        expect(pasen.slice(5) >= '03-22' && pasen.slice(5) <= '04-25').toBe(true);
        expect(pasen.slice(0, 4)).toBe(String(jaar));
      }),
    );
  });

  it('moves Koningsdag to the 26th only when the 27th is a Sunday', () => {
    expect(koningsdag(2025)).toBe('2025-04-26'); // 27 April 2025 was a Sunday
    expect(koningsdag(2026)).toBe('2026-04-27');
    expect(koningsdag(2031)).toBe('2031-04-26');
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (jaar) => {
        const dag = koningsdag(jaar);
        expect(weekdag(dag)).not.toBe(0);
        expect(dag === `${jaar}-04-27` || (dag === `${jaar}-04-26` && weekdag(`${jaar}-04-27`) === 0)).toBe(true);
      }),
    );
  });

  it('lists the holidays of 2026 in date order', () => {
    expect(feestdagen(2026)).toEqual([
      { datum: '2026-01-01', naam: 'Nieuwjaarsdag' },
      { datum: '2026-04-05', naam: 'Eerste Paasdag' },
      { datum: '2026-04-06', naam: 'Tweede Paasdag' },
      { datum: '2026-04-27', naam: 'Koningsdag' },
      { datum: '2026-05-05', naam: 'Bevrijdingsdag' },
      { datum: '2026-05-14', naam: 'Hemelvaartsdag' },
      { datum: '2026-05-24', naam: 'Eerste Pinksterdag' },
      { datum: '2026-05-25', naam: 'Tweede Pinksterdag' },
      { datum: '2026-12-25', naam: 'Eerste Kerstdag' },
      { datum: '2026-12-26', naam: 'Tweede Kerstdag' },
    ]);
  });

  it('lists the days in date order in every year, also when Hemelvaart comes before Bevrijdingsdag', () => {
    expect(feestdagen(2008).map((f) => f.naam).slice(3, 6)).toEqual(['Koningsdag', 'Hemelvaartsdag', 'Bevrijdingsdag']);
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 9999 }), (jaar) => {
        const datums = feestdagen(jaar).map((f) => f.datum);
        expect(datums).toEqual([...datums].sort());
      }),
    );
  });

  it('refuses a year outside the Gregorian calendar or ISO dates', () => {
    for (const jaar of [1582, 10000, 2025.5]) {
      expect(() => paaszondag(jaar), String(jaar)).toThrow(`Geen jaar tussen 1583 en 9999: ${jaar}`);
      expect(() => koningsdag(jaar), String(jaar)).toThrow(RangeError);
    }
    expect(paaszondag(1583)).toBe('1583-04-10');
    expect(koningsdag(9999)).toMatch(/^9999-04-2[67]$/);
  });

  it('keeps the Easter-based days at their distance from Easter, on their weekdays', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), (jaar) => {
        const dagen = Object.fromEntries(feestdagen(jaar).map((f) => [f.naam, f.datum]));
        const pasen = paaszondag(jaar);
        expect(dagen['Tweede Paasdag']).toBe(plusDagen(pasen, 1));
        expect(weekdag(dagen['Hemelvaartsdag']!)).toBe(4);
        expect(dagen['Hemelvaartsdag']).toBe(plusDagen(pasen, 39));
        expect(weekdag(dagen['Tweede Pinksterdag']!)).toBe(1);
        expect(dagen['Eerste Pinksterdag']).toBe(plusDagen(pasen, 49));
        expect(dagen['Bevrijdingsdag']).toBe(`${jaar}-05-05`);
      }),
    );
  });
});
