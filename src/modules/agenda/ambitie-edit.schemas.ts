import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { text, versie } from './agenda-edit.schemas.js';

/** A code as in the API and the seed: lower-case words joined by hyphens, e.g. gelijke-kansen. */
export const AMBITIE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const AMBITIE_CODE_MAX = 80;
export const AMBITIE_NAAM_MAX = 200;
export const AMBITIE_OMSCHRIJVING_MAX = 4000;
export const VOLGORDE_MAX = 999;

/** A whole number typed into a text field; empty gives null when allowed, else the "empty" message. */
export const wholeNumber = (messages: { ongeldig: string; leeg?: string }, range: { min: number; max: number }) =>
  z.string().transform((value, ctx) => {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (messages.leeg === undefined) return null;
      ctx.addIssue({ code: 'custom', message: messages.leeg });
      return z.NEVER;
    }
    const number = /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!(number >= range.min && number <= range.max)) {
      ctx.addIssue({ code: 'custom', message: messages.ongeldig });
      return z.NEVER;
    }
    return number;
  });

/** The same, where empty is not allowed: always a number. */
export const requiredWholeNumber = (messages: { ongeldig: string; leeg: string }, range: { min: number; max: number }) =>
  wholeNumber(messages, range).pipe(z.number());

const code = z
  .string()
  .transform((v) => v.trim())
  .pipe(
    z
      .string()
      .min(1, t('ambitieBewerken.codeLeeg'))
      .max(AMBITIE_CODE_MAX, t('fout.veld.teLang', { max: AMBITIE_CODE_MAX }))
      .regex(AMBITIE_CODE, t('ambitieBewerken.codeVorm')),
  );

const fields = {
  code,
  naam: text(t('ambitieBewerken.naamLeeg'), AMBITIE_NAAM_MAX),
  omschrijving: text(t('ambitieBewerken.omschrijvingLeeg'), AMBITIE_OMSCHRIJVING_MAX),
};

const volgordeRange = { min: 1, max: VOLGORDE_MAX };

/** A new ambitie: the place in the list may be left empty (then it goes last). */
export const ambitieNieuwFormSchema = z.object({
  ...fields,
  volgorde: wholeNumber({ ongeldig: t('ambitieBewerken.volgordeOngeldig') }, volgordeRange),
});

/** Changing an ambitie: every field, on top of the version the form was loaded with. */
export const ambitieFormSchema = z.object({
  versie,
  ...fields,
  volgorde: requiredWholeNumber({ ongeldig: t('ambitieBewerken.volgordeOngeldig'), leeg: t('ambitieBewerken.volgordeLeeg') }, volgordeRange),
});

export const archiveerFormSchema = z.object({ versie });
