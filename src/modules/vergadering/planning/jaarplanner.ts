import { binnen, dagnummer, uitDagnummer, type IsoDatum, type Periode } from './kalender.js';

export type VergaderSoort = 'zelfstandig' | 'met-kernteam';

export interface PlanVraag {
  /** The first meeting's wished date; every later one falls on the same weekday. */
  readonly eersteDatum: IsoDatum;
  /** The last day of the period (included). */
  readonly tot: IsoDatum;
  readonly intervalWeken: number;
  readonly eersteSoort: VergaderSoort;
  /** The themes (actielijnen) in the order they take turns; may be empty. */
  readonly themas: readonly string[];
  /** Days on which no meeting may be: public holidays, school holidays, other free days. */
  readonly vrij: readonly Periode[];
}

export interface VoorgesteldeVergadering {
  readonly datum: IsoDatum;
  readonly soort: VergaderSoort;
  readonly thema: string | undefined;
  /** The date the rhythm asked for, when a free day moved the meeting. */
  readonly verschovenVan?: IsoDatum;
}

/**
 * How far a meeting may move from its place in the rhythm to avoid a free day: half the interval, at most three
 * weeks, so that it stays nearer its own place than its neighbours'. With six weeks: three either way.
 */
export function maxVerschuivingWeken(intervalWeken: number): number {
  return Math.min(3, Math.floor(intervalWeken / 2));
}

/** Two meetings are never closer than half the interval (at least a week), however the free days fall. */
export function minAfstandWeken(intervalWeken: number): number {
  return Math.max(1, Math.ceil(intervalWeken / 2));
}

/**
 * Proposes a gremium's meetings for a period. The rhythm is fixed from the first date (every `intervalWeken`
 * weeks, on that weekday), so a moved meeting does not push the ones after it. A meeting whose date is free moves to
 * the nearest allowed date on the same weekday — earlier before later at equal distance, never further than
 * maxVerschuivingWeken from its place and never closer than minAfstandWeken to the meeting before it; when no
 * such date exists (a summer holiday longer than the window) that meeting is left out. The types alternate over the
 * meetings that are planned, starting with `eersteSoort`, and the themes take turns in their order, so every theme
 * has had a meeting before any has a second.
 */
export function planVergaderingen(vraag: PlanVraag): VoorgesteldeVergadering[] {
  if (!Number.isInteger(vraag.intervalWeken) || vraag.intervalWeken < 1) throw new RangeError('Het aantal weken tussen vergaderingen moet een heel getal van 1 of meer zijn.');
  const isVrij = (datum: IsoDatum) => vraag.vrij.some((periode) => binnen(datum, periode));
  const stap = vraag.intervalWeken * 7;
  const laatste = dagnummer(vraag.tot);
  const eerste = dagnummer(vraag.eersteDatum);
  const voorstel: VoorgesteldeVergadering[] = [];
  let vorige: number | undefined;
  for (let plek = eerste; plek <= laatste; plek += stap) {
    const datum = kiesDatum(plek, { eerste, laatste, vorige, isVrij, intervalWeken: vraag.intervalWeken });
    if (datum === undefined) continue;
    const index = voorstel.length;
    const gevraagd = uitDagnummer(plek);
    const gekozen = uitDagnummer(datum);
    voorstel.push({
      datum: gekozen,
      soort: index % 2 === 0 ? vraag.eersteSoort : andereSoort(vraag.eersteSoort),
      // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, without themes index % 0 is NaN and themas[NaN] undefined; stated for the reader
      thema: vraag.themas.length > 0 ? vraag.themas[index % vraag.themas.length] : undefined,
      ...(gekozen === gevraagd ? {} : { verschovenVan: gevraagd }),
    });
    vorige = datum;
  }
  return voorstel;
}

function andereSoort(soort: VergaderSoort): VergaderSoort {
  return soort === 'zelfstandig' ? 'met-kernteam' : 'zelfstandig';
}

/** The day number for the meeting whose place in the rhythm is `plek`, or undefined when it cannot be held. */
function kiesDatum(
  plek: number,
  grenzen: { eerste: number; laatste: number; vorige: number | undefined; isVrij: (datum: IsoDatum) => boolean; intervalWeken: number },
): number | undefined {
  for (let weken = 0; weken <= maxVerschuivingWeken(grenzen.intervalWeken); weken += 1) {
    // At 0 weeks both directions are the same day, asked twice.
    for (const richting of [-1, 1]) {
      const dag = plek + richting * weken * 7;
      if (dag < grenzen.eerste || dag > grenzen.laatste) continue;
      // Stryker disable next-line ConditionalExpression: equivalent, without a meeting before, dag - undefined is NaN and the comparison false
      if (grenzen.vorige !== undefined && dag - grenzen.vorige < minAfstandWeken(grenzen.intervalWeken) * 7) continue;
      if (!grenzen.isVrij(uitDagnummer(dag))) return dag;
    }
  }
  return undefined;
}
