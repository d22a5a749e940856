/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd), in UTC so that no time zone or daylight-saving change can move a
 * day. Meetings are planned on days, not instants.
 */

export type IsoDatum = string;

const DAY_MS = 86_400_000;
// Stryker disable next-line Regex: equivalent, the round trip in dagnummer refuses any text around the date too
const isoDatum = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day count since 1970-01-01 of an ISO date; throws for anything that is not a real date. */
export function dagnummer(datum: IsoDatum): number {
  const match = isoDatum.exec(datum);
  if (!match) throw new RangeError(`Geen datum (jjjj-mm-dd): ${datum}`);
  const [, jaar, maand, dag] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(jaar, maand - 1, dag);
  // Date.UTC rolls 31 February over into March; a real date comes back as itself.
  if (uitDagnummer(ms / DAY_MS) !== datum) throw new RangeError(`Geen bestaande datum: ${datum}`);
  return ms / DAY_MS;
}

export function uitDagnummer(dag: number): IsoDatum {
  return new Date(dag * DAY_MS).toISOString().slice(0, 10);
}

export function plusDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return uitDagnummer(dagnummer(datum) + dagen);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdag(datum: IsoDatum): number {
  return new Date(dagnummer(datum) * DAY_MS).getUTCDay();
}

/** A period of whole days, both ends included. */
export interface Periode {
  readonly van: IsoDatum;
  readonly tot: IsoDatum;
}

export function binnen(datum: IsoDatum, periode: Periode): boolean {
  // ISO dates compare as text in calendar order.
  return datum >= periode.van && datum <= periode.tot;
}
