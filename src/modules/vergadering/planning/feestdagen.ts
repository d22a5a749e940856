import { plusDagen, weekdag, type IsoDatum } from './kalender.js';

export interface Feestdag {
  readonly datum: IsoDatum;
  readonly naam: string;
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher): the first Sunday
 * after the ecclesiastical full moon on or after 21 March. Always between 22 March and 25 April.
 */
export function paaszondag(jaar: number): IsoDatum {
  gregoriaansJaar(jaar);
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  // Stryker disable next-line ArithmeticOperator: equivalent, - 15 instead of + 15 differs by 30, the modulus, while the sum stays positive
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return `${jaar}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

/** 27 April, or the 26th when the 27th is a Sunday (Wet vaststelling Koningsdag). */
export function koningsdag(jaar: number): IsoDatum {
  gregoriaansJaar(jaar);
  return weekdag(`${jaar}-04-27`) === 0 ? `${jaar}-04-26` : `${jaar}-04-27`;
}

/** The calculations hold for the Gregorian calendar (from 1583) and ISO dates have four-digit years. */
function gregoriaansJaar(jaar: number): void {
  if (!Number.isInteger(jaar) || jaar < 1583 || jaar > 9999) throw new RangeError(`Geen jaar tussen 1583 en 9999: ${jaar}`);
}

/**
 * The Dutch public holidays of a year on which no meeting is planned: those of the Algemene termijnenwet
 * (Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag, Hemelvaartsdag, Tweede Pinksterdag, both
 * Kerstdagen) and the two Sundays of Pasen and Pinksteren. Goede Vrijdag is not a public holiday under that law and
 * most organisations work; a gemeente that wants it free enters it as a free day. Bevrijdingsdag is in every year:
 * the law names it each year, although many employers give it free only once in five.
 */
export function feestdagen(jaar: number): Feestdag[] {
  const pasen = paaszondag(jaar);
  const dagen: Feestdag[] = [
    { datum: `${jaar}-01-01`, naam: 'Nieuwjaarsdag' },
    { datum: pasen, naam: 'Eerste Paasdag' },
    { datum: plusDagen(pasen, 1), naam: 'Tweede Paasdag' },
    { datum: koningsdag(jaar), naam: 'Koningsdag' },
    { datum: `${jaar}-05-05`, naam: 'Bevrijdingsdag' },
    { datum: plusDagen(pasen, 39), naam: 'Hemelvaartsdag' },
    { datum: plusDagen(pasen, 49), naam: 'Eerste Pinksterdag' },
    { datum: plusDagen(pasen, 50), naam: 'Tweede Pinksterdag' },
    { datum: `${jaar}-12-25`, naam: 'Eerste Kerstdag' },
    { datum: `${jaar}-12-26`, naam: 'Tweede Kerstdag' },
  ];
  return dagen.sort((x, y) => x.datum.localeCompare(y.datum));
}
