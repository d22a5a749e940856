import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../../config.js';

/**
 * Password rules after NCSC and NIST SP 800-63B: length instead of composition rules, no list of required character
 * kinds, and a refusal of passwords that attackers try first.
 */

/** Fewest characters (Unicode code points, after NFKC) a password may have. */
export const PASSWORD_MIN_LENGTH = 12;
/** Most characters a password may have; long enough for any passphrase, short enough to bound the hashing work. */
export const PASSWORD_MAX_LENGTH = 128;

/** Why a password is refused; the caller turns the code into a Dutch message. */
export type PasswordProblem = 'te-kort' | 'te-lang' | 'veelgebruikt' | 'bevat-persoonsgegevens' | 'herhaling';

/** What is known about the account, to refuse passwords made of it. */
export interface PasswordContext {
  email?: string;
  naam?: string;
}

// From the project root, which src/ and the bundle in dist/ find alike.
const COMMON_PASSWORDS_FILE = path.join(projectRoot, 'data', 'security', 'common-passwords.txt');

let commonPasswords: Set<string> | undefined;

/** The shipped list of common passwords, read on first use and kept (about 19k entries, under 2 MB in memory). */
export function commonPasswordList(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
  return commonPasswords;
}

// Name parts too common to say anything about the person.
const NAME_PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'het', 'ter', 'ten', 'te', 'op', 'in', 'aan', "'t", 'la', 'le', 'du',
]);
// Shorter pieces of a name or address turn up in too many unrelated words ("jan" in "januari").
const MIN_WHOLE_LENGTH = 3;
const MIN_PIECE_LENGTH = 4;

/** Checks a new password against the policy; undefined when it is acceptable, else the first problem found. */
export function checkPassword(plain: string, context: PasswordContext = {}): PasswordProblem | undefined {
  const password = plain.normalize('NFKC');
  const length = codePointLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'te-kort';
  if (length > PASSWORD_MAX_LENGTH) return 'te-lang';

  const lower = password.toLowerCase();
  if (isRepetition(lower)) return 'herhaling';
  if (containsPersonalData(lower, context)) return 'bevat-persoonsgegevens';
  if (isCommon(lower)) return 'veelgebruikt';
  return undefined;
}

function codePointLength(text: string): number {
  return Array.from(text).length;
}

/** One character or one run of characters repeated throughout ("aaaaaaaaaaaa", "abcabcabcabc", "welkomwelkom"). */
function isRepetition(password: string): boolean {
  // A string is a repetition of a shorter unit exactly when it occurs in itself doubled, other than at 0 and n.
  return (password + password).indexOf(password, 1) < password.length;
}

/**
 * On the list as typed, or after taking off what people add to a listed password to satisfy a policy: digits and
 * punctuation at either end ("Wachtwoord2024!", "2024zoetermeer!").
 */
function isCommon(password: string): boolean {
  const list = commonPasswordList();
  if (list.has(password)) return true;
  const core = password.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  // Nothing taken off: the password itself, looked up above; all taken off: '', which the list never holds.
  return list.has(core);
}

function containsPersonalData(password: string, context: PasswordContext): boolean {
  const parts = personalParts(context);
  return parts.some((part) => password.includes(part));
}

function personalParts(context: PasswordContext): string[] {
  const wholes: string[] = [];
  const pieces: string[] = [];
  const email = context.email?.normalize('NFKC').toLowerCase().trim();
  if (email) {
    const at = email.lastIndexOf('@');
    const local = at > 0 ? email.slice(0, at) : email;
    wholes.push(email, local);
    // "j.de-vries+lea@…" also yields "vries", so the surname alone is caught too.
    pieces.push(...local.split(/[._+-]+/));
  }
  const naam = context.naam?.normalize('NFKC').toLowerCase().trim();
  if (naam) {
    const words = naam.split(/[\s.,-]+/).filter((word) => word !== '' && !NAME_PARTICLES.has(word));
    wholes.push(naam.replace(/[\s.,-]+/g, ''), words.join(''));
    pieces.push(...words);
  }
  return [
    ...wholes.filter((part) => codePointLength(part) >= MIN_WHOLE_LENGTH),
    ...pieces.filter((part) => codePointLength(part) >= MIN_PIECE_LENGTH && !NAME_PARTICLES.has(part)),
  ];
}
