import { z } from 'zod';
import { gremiumTypeEnum, lidmaatschapRolEnum, sectorEnum, type Sector } from '../../db/schema.js';
import { t } from '../../i18n/index.js';
import { isUuid } from '../../lib/find.js';
import type { Namens } from './governance.service.js';

const versie = z.coerce.number({ message: t('bewerken.versieOngeldig') }).int().positive(t('bewerken.versieOngeldig'));

const tidy = (v: string | null) => (v ?? '').replace(/\r\n/g, '\n').trim();

/** A text that must be filled in; leading and trailing spaces do not count. */
const requiredText = (leeg: string, max: number) =>
  z
    .string()
    .transform(tidy)
    .pipe(z.string().min(1, leeg).max(max, t('fout.veld.teLang', { max })));

/** A text that may be left empty (or null in the API); empty is stored as null. */
const optionalText = (max: number) =>
  z
    .string()
    .nullable()
    .transform(tidy)
    .pipe(z.string().max(max, t('fout.veld.teLang', { max })))
    .transform((v) => (v === '' ? null : v));

/** Checked values of a checkbox group arrive joined by commas. */
const commaList = z.string().transform((v) =>
  v
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

const sectoren = new Set<string>(sectorEnum.enumValues);

/** Field rules that the forms and the API share, so both refuse the same input with the same words. */
export const organisatieFields = {
  naam: requiredText(t('governance.organisatie.naamLeeg'), 200),
};

export const persoonFields = {
  naam: requiredText(t('governance.persoon.naamLeeg'), 200),
  functie: optionalText(200),
  email: z
    .string()
    .nullable()
    .transform(tidy)
    .pipe(
      z
        .string()
        .max(254, t('fout.veld.teLang', { max: 254 }))
        .refine((v) => v === '' || z.email().safeParse(v).success, t('governance.persoon.emailOngeldig')),
    )
    .transform((v) => (v === '' ? null : v)),
};

export const gremiumFields = {
  naam: requiredText(t('governance.gremium.naamLeeg'), 200),
  type: z.enum(gremiumTypeEnum.enumValues, { message: t('governance.gremium.typeOnbekend') }),
  omschrijving: optionalText(10_000),
  opdracht: optionalText(10_000),
  mandaat: optionalText(10_000),
  vergaderfrequentie: optionalText(200),
};

export const lidmaatschapFields = {
  rol: z.enum(lidmaatschapRolEnum.enumValues, { message: t('governance.lidmaatschap.rolOnbekend') }),
};

// --- The forms ------------------------------------------------------------------------------------------------------

export const organisatieFormSchema = z.object({
  ...organisatieFields,
  sectoren: commaList.pipe(
    z.array(z.string().refine((v) => sectoren.has(v), t('governance.veld.keuzeOnbekend')).transform((v) => v as Sector)),
  ),
});
export const organisatieEditSchema = organisatieFormSchema.extend({ versie });

export const persoonFormSchema = z.object({
  ...persoonFields,
  organisatieId: z
    .string()
    .transform((v) => v.trim())
    .refine((v) => v === '' || isUuid(v), t('governance.persoon.organisatieOnbekend'))
    .transform((v) => (v === '' ? null : v)),
});
export const persoonEditSchema = persoonFormSchema.extend({ versie });

export const gremiumFormSchema = z.object(gremiumFields);
export const gremiumEditSchema = gremiumFormSchema.extend({ versie });
/** What a voorzitter-overlegtafel sends for the tafel they chair. */
export const gremiumEigenTafelSchema = z.object({
  versie,
  omschrijving: gremiumFields.omschrijving,
  vergaderfrequentie: gremiumFields.vergaderfrequentie,
});

/** A choice of "namens" in the form: sector:po or organisatie:<id>. */
export function namensValue(n: Namens): string {
  return n.sector ? `sector:${n.sector}` : `organisatie:${n.organisatieId}`;
}

const namensFromForm = commaList.pipe(
  z
    .array(
      z.string().transform((value, ctx): Namens => {
        const [kind, key = ''] = value.split(':', 2);
        if (kind === 'sector' && sectoren.has(key)) return { sector: key as Sector, organisatieId: null };
        if (kind === 'organisatie' && isUuid(key)) return { sector: null, organisatieId: key };
        ctx.addIssue({ code: 'custom', message: t('governance.lidmaatschap.namensOnbekend') });
        return z.NEVER;
      }),
    )
    .min(1, t('governance.lidmaatschap.namensLeeg')),
);

export const lidmaatschapFormSchema = z.object({
  persoonId: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().min(1, t('governance.lidmaatschap.persoonLeeg')).refine(isUuid, t('governance.lidmaatschap.persoonOnbekend'))),
  ...lidmaatschapFields,
  namens: namensFromForm,
});
export const lidmaatschapEditSchema = z.object({ versie, ...lidmaatschapFields, namens: namensFromForm });
