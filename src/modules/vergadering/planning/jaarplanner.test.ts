import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feestdagen } from './feestdagen.js';
import { maxVerschuivingWeken, minAfstandWeken, planVergaderingen, type PlanVraag, type VergaderSoort } from './jaarplanner.js';
import { binnen, dagnummer, uitDagnummer, weekdag, type Periode } from './kalender.js';

const ACTIELIJNEN = ['AL1', 'AL2', 'AL3', 'AL4', 'AL5', 'AL6'];

/** Regio midden 2025–2026 as the issue gives it (the shipped data file will say where they come from). */
const SCHOOLVAKANTIES_MIDDEN: Periode[] = [
  { van: '2025-10-18', tot: '2025-10-26' },
  { van: '2025-12-20', tot: '2026-01-04' },
  { van: '2026-02-14', tot: '2026-02-22' },
  { van: '2026-04-18', tot: '2026-05-03' },
  { van: '2026-07-18', tot: '2026-08-30' },
];
/** Six-weekly from Tuesday 6 January 2026, without themes or free days, unless `wijziging` says otherwise. */
const vraagMet = (wijziging: Partial<PlanVraag>): PlanVraag => ({
  eersteDatum: '2026-01-06',
  tot: '2026-12-31',
  intervalWeken: 6,
  eersteSoort: 'zelfstandig',
  themas: [],
  vrij: [],
  ...wijziging,
});
const dagen = (jaar: number): Periode[] => feestdagen(jaar).map((f) => ({ van: f.datum, tot: f.datum }));

describe('planVergaderingen: the demo year of the stuurgroep', () => {
  const plan = () =>
    planVergaderingen(vraagMet({ eersteDatum: '2025-09-02', themas: ACTIELIJNEN, vrij: [...SCHOOLVAKANTIES_MIDDEN, ...dagen(2025), ...dagen(2026)] }));

  it('plans every six weeks on Tuesdays, moving only around holidays', () => {
    const voorstel = plan();
    // 17 February 2026 is in the voorjaarsvakantie: a week earlier. 4 August is in the zomervakantie, which lasts
    // longer than the three weeks a meeting may move after it: three weeks earlier, before the holiday.
    expect(voorstel.map((v) => [v.datum, v.verschovenVan ?? null])).toEqual([
      ['2025-09-02', null],
      ['2025-10-14', null],
      ['2025-11-25', null],
      ['2026-01-06', null],
      ['2026-02-10', '2026-02-17'],
      ['2026-03-31', null],
      ['2026-05-12', null],
      ['2026-06-23', null],
      ['2026-07-14', '2026-08-04'],
      ['2026-09-15', null],
      ['2026-10-27', null],
      ['2026-12-08', null],
    ]);
  });

  it('alternates the types and gives every actielijn a turn before any repeats', () => {
    const voorstel = plan();
    expect(voorstel.map((v) => v.soort)).toEqual(voorstel.map((_, i) => (i % 2 === 0 ? 'zelfstandig' : 'met-kernteam')));
    expect(new Set(voorstel.slice(0, 6).map((v) => v.thema)).size).toBe(6);
    expect(voorstel.map((v) => v.thema)).toEqual(voorstel.map((_, i) => ACTIELIJNEN[i % 6]));
  });
});

describe('planVergaderingen: a meeting moved by free days', () => {
  it('keeps half an interval from the one before, moving further or the other way instead', () => {
    // The second meeting's place (17 Feb) and two weeks around it are free: it goes three weeks later, to 10 March.
    // The third's place (31 March) and the weeks next to it are free too; two weeks earlier would be a week after
    // the second, three weeks earlier the same day, so it goes three weeks later.
    const voorstel = planVergaderingen(
      vraagMet({
        tot: '2026-05-31',
        eersteSoort: 'met-kernteam',
        themas: ['A', 'B'],
        vrij: [
          { van: '2026-01-27', tot: '2026-03-09' },
          { van: '2026-03-24', tot: '2026-04-14' },
        ],
      }),
    );
    expect(voorstel).toEqual([
      { datum: '2026-01-06', soort: 'met-kernteam', thema: 'A' },
      { datum: '2026-03-10', soort: 'zelfstandig', thema: 'B', verschovenVan: '2026-02-17' },
      { datum: '2026-04-21', soort: 'met-kernteam', thema: 'A', verschovenVan: '2026-03-31' },
      { datum: '2026-05-12', soort: 'zelfstandig', thema: 'B' },
    ]);
  });
});

describe('planVergaderingen: the end of the period', () => {
  it('never moves a meeting past the last day; it moves it earlier instead', () => {
    const voorstel = planVergaderingen(vraagMet({ tot: '2026-02-20', vrij: [{ van: '2026-02-01', tot: '2026-02-17' }] }));
    expect(voorstel).toEqual([
      { datum: '2026-01-06', soort: 'zelfstandig', thema: undefined },
      { datum: '2026-01-27', soort: 'met-kernteam', thema: undefined, verschovenVan: '2026-02-17' },
    ]);
  });
});

describe('planVergaderingen: properties for any start, period and free days', () => {
  const datum = fc.integer({ min: dagnummer('2020-01-01'), max: dagnummer('2035-12-31') }).map(uitDagnummer);
  const periode = fc.tuple(datum, fc.integer({ min: 0, max: 60 })).map(([van, lengte]): Periode => ({ van, tot: uitDagnummer(dagnummer(van) + lengte) }));
  const vraag = fc.record({
    eersteDatum: datum,
    lengte: fc.integer({ min: 0, max: 3 * 365 }),
    intervalWeken: fc.integer({ min: 1, max: 12 }),
    eersteSoort: fc.constantFrom<VergaderSoort>('zelfstandig', 'met-kernteam'),
    themas: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 8 }),
    vrij: fc.array(periode, { maxLength: 30 }),
  }).map(({ lengte, ...rest }): PlanVraag => ({ ...rest, tot: uitDagnummer(dagnummer(rest.eersteDatum) + lengte) }));

  it('keeps every meeting in the period, on the first date\'s weekday, in order and never on a free day', () => {
    fc.assert(
      fc.property(vraag, (v) => {
        const voorstel = planVergaderingen(v);
        for (const [i, m] of voorstel.entries()) {
          expect(m.datum >= v.eersteDatum && m.datum <= v.tot).toBe(true);
          expect(weekdag(m.datum)).toBe(weekdag(v.eersteDatum));
          expect(v.vrij.some((p) => binnen(m.datum, p))).toBe(false);
          if (i > 0) expect(dagnummer(m.datum) - dagnummer(voorstel[i - 1]!.datum)).toBeGreaterThanOrEqual(minAfstandWeken(v.intervalWeken) * 7);
        }
      }),
    );
  });

  it('keeps the rhythm: each meeting within half an interval (at most three weeks) of its place, which a moved one names', () => {
    fc.assert(
      fc.property(vraag, (v) => {
        const stap = v.intervalWeken * 7;
        const plekken = new Set<string>();
        for (const m of planVergaderingen(v)) {
          const plek = m.verschovenVan ?? m.datum;
          expect((dagnummer(plek) - dagnummer(v.eersteDatum)) % stap).toBe(0);
          expect(Math.abs(dagnummer(m.datum) - dagnummer(plek))).toBeLessThanOrEqual(maxVerschuivingWeken(v.intervalWeken) * 7);
          expect(m.verschovenVan).not.toBe(m.datum);
          expect(plekken.has(plek)).toBe(false);
          plekken.add(plek);
        }
      }),
    );
  });

  it('alternates the types from the first, and rotates the themes fairly', () => {
    fc.assert(
      fc.property(vraag, (v) => {
        const voorstel = planVergaderingen(v);
        for (const [i, m] of voorstel.entries()) {
          const andere = v.eersteSoort === 'zelfstandig' ? 'met-kernteam' : 'zelfstandig';
          expect(m.soort).toBe(i % 2 === 0 ? v.eersteSoort : andere);
          // In every beginning of the list, no theme has two meetings more than another.
          const counts = v.themas.map((t) => voorstel.slice(0, i + 1).filter((x) => x.thema === t).length);
          if (counts.length > 0) expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          expect(m.thema === undefined).toBe(v.themas.length === 0);
        }
      }),
    );
  });

  it('without free days plans exactly the rhythm', () => {
    fc.assert(
      fc.property(vraag, (v) => {
        const voorstel = planVergaderingen({ ...v, vrij: [] });
        const aantal = Math.floor((dagnummer(v.tot) - dagnummer(v.eersteDatum)) / (v.intervalWeken * 7)) + 1;
        expect(voorstel).toHaveLength(aantal);
        expect(voorstel.every((m) => m.verschovenVan === undefined)).toBe(true);
      }),
    );
  });

  it('leaves a meeting out only when every date within reach is free, outside the period or too close', () => {
    fc.assert(
      fc.property(vraag, (v) => {
        const voorstel = planVergaderingen(v);
        const stap = v.intervalWeken * 7;
        const geplaatst = new Set(voorstel.map((m) => m.verschovenVan ?? m.datum));
        for (let plek = dagnummer(v.eersteDatum); plek <= dagnummer(v.tot); plek += stap) {
          if (geplaatst.has(uitDagnummer(plek))) continue;
          const vorige = voorstel.filter((m) => m.datum < uitDagnummer(plek)).at(-1);
          for (let w = -maxVerschuivingWeken(v.intervalWeken); w <= maxVerschuivingWeken(v.intervalWeken); w += 1) {
            const dag = plek + w * 7;
            const mogelijk =
              dag >= dagnummer(v.eersteDatum) &&
              dag <= dagnummer(v.tot) &&
              (vorige === undefined || dag - dagnummer(vorige.datum) >= minAfstandWeken(v.intervalWeken) * 7) &&
              !v.vrij.some((p) => binnen(uitDagnummer(dag), p));
            expect(mogelijk, `${uitDagnummer(plek)} ${w}`).toBe(false);
          }
        }
      }),
    );
  });

  it('moves a meeting at most half the interval, three weeks at most, and keeps meetings half an interval apart', () => {
    expect([1, 2, 3, 6, 7, 8, 12].map(maxVerschuivingWeken)).toEqual([0, 1, 1, 3, 3, 3, 3]);
    expect([1, 2, 3, 6, 7, 12].map(minAfstandWeken)).toEqual([1, 1, 2, 3, 4, 6]);
  });

  it('refuses an interval that is not a whole number of weeks', () => {
    for (const intervalWeken of [0, -6, 1.5, Number.NaN]) {
      expect(() => planVergaderingen(vraagMet({ intervalWeken }))).toThrow('heel getal');
    }
  });
});
