import { z } from 'zod';
import { t } from '../../i18n/index.js';
import type { PasswordProblem } from './security/password-policy.js';

/** A new password typed twice: the invitation, reset and change-password forms. */
export const newPasswordSchema = z
  .object({ wachtwoord: z.string().min(1, t('fout.veld.wachtwoordLeeg')), herhaling: z.string() })
  .refine((v) => v.wachtwoord === v.herhaling, { path: ['herhaling'], message: t('fout.veld.herhalingAnders') });

/** The Dutch message at the field for each reason the policy refuses a password. */
export const passwordProblemMessage: Record<PasswordProblem, string> = {
  'te-kort': t('wachtwoord.teKort'),
  'te-lang': t('wachtwoord.teLang'),
  veelgebruikt: t('wachtwoord.veelgebruikt'),
  'bevat-persoonsgegevens': t('wachtwoord.persoonsgegevens'),
  herhaling: t('wachtwoord.herhaling'),
};
