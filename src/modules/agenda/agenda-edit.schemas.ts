import { z } from 'zod';
import { t } from '../../i18n/index.js';

export const versie = z.coerce.number({ message: t('bewerken.versieOngeldig') }).int().positive(t('bewerken.versieOngeldig'));

export const text = (leeg: string, max: number) =>
  z
    .string()
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .pipe(z.string().min(1, leeg).max(max, t('fout.veld.teLang', { max })));

/** Input of the actielijn form and of PATCH /actielijnen/{id}: the same rules, one place. */
export const actielijnFields = {
  titel: text(t('bewerken.actielijn.titelLeeg'), 500),
  kernwoord: z
    .string()
    .transform((v) => v.trim())
    .pipe(z.string().max(200, t('fout.veld.teLang', { max: 200 })))
    .transform((v) => (v === '' ? null : v)),
  beleidsthema: text(t('bewerken.actielijn.beleidsthemaLeeg'), 2000),
};

/** The ambities an actielijn serves: checkboxes in the form (joined by commas), at least one. */
const ambitieIdsFromCheckboxes = z
  .string()
  .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.uuid(t('ambitieBewerken.actielijnOnbekend'))).min(1, t('ambitieBewerken.actielijnGeen')));

export const actielijnFormSchema = z
  .object({ versie, ...actielijnFields, ambities: ambitieIdsFromCheckboxes })
  .refine((v) => v.kernwoord === null || v.titel.includes(v.kernwoord), { path: ['kernwoord'], message: t('bewerken.actielijn.kernwoordNietInTitel') });

/** Sub-points: one per line in the form, an array in the API; empty lines are left out. */
const subpuntenFromLines = z.string().transform((v) =>
  v
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-•*]\s*/, '').trim())
    .filter(Boolean),
);

export const focusdoelFormSchema = z.object({
  versie,
  tekst: text(t('bewerken.focusdoel.tekstLeeg'), 2000),
  subpunten: subpuntenFromLines.pipe(z.array(z.string().max(1000, t('fout.veld.teLang', { max: 1000 }))).max(20, t('bewerken.focusdoel.teVeelSubpunten'))),
});
