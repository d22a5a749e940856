import { z } from 'zod';
import { t } from '../../i18n/index.js';
import { text, versie } from './agenda-edit.schemas.js';
import { requiredWholeNumber, wholeNumber } from './ambitie-edit.schemas.js';

export const JAAR_MIN = 2000;
export const JAAR_MAX = 2100;
export const NUMMER_MAX = 999;
export const OAB_TEKST_MAX = 2000;
export const TOELICHTING_MAX = 4000;

const categorieId = z.string().trim().pipe(z.uuid(t('oabBewerken.categorieOnbekend')));
const jaar = requiredWholeNumber({ ongeldig: t('oabBewerken.jaarOngeldig'), leeg: t('oabBewerken.jaarOngeldig') }, { min: JAAR_MIN, max: JAAR_MAX });
const tekst = text(t('oabBewerken.tekstLeeg'), OAB_TEKST_MAX);

/** A new afspraak: the number may be left empty (then the next free one is taken). */
export const afspraakNieuwFormSchema = z.object({
  categorieId,
  jaar,
  nummer: wholeNumber({ ongeldig: t('oabBewerken.nummerOngeldig') }, { min: 1, max: NUMMER_MAX }),
  tekst,
});

export const afspraakFormSchema = z.object({
  versie,
  categorieId,
  jaar,
  nummer: requiredWholeNumber({ ongeldig: t('oabBewerken.nummerOngeldig'), leeg: t('oabBewerken.nummerLeeg') }, { min: 1, max: NUMMER_MAX }),
  tekst,
});

/** The toelichting of a year; versie 0 means the year has no toelichting of its own yet. */
export const jaarFormSchema = z.object({
  versie: z
    .string()
    .regex(/^\d{1,9}$/, t('bewerken.versieOngeldig'))
    .transform(Number),
  toelichting: z
    .string()
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().max(TOELICHTING_MAX, t('fout.veld.teLang', { max: TOELICHTING_MAX })))
    .transform((v) => (v === '' ? null : v)),
});
