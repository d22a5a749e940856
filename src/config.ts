import { z } from 'zod';
import { DEFAULT_DATA_DIR, resolveDataDir } from './data-dir.js';
import { projectRoot } from './project-root.js';

export { projectRoot };

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Slug of the gemeente served when the Host header matches no gemeente's domain. */
  DEFAULT_GEMEENTE: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'alleen kleine letters, cijfers en streepjes')
    .optional(),
  /** Load the Zoetermeer demo data on start when the database holds no gemeente yet. */
  SEED_DEMO_DATA: booleanFromEnv.default(true),
  /** Public base URL (https://lea.example.nl), used in the OpenAPI document's servers list. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  TRUST_PROXY: booleanFromEnv.default(false),
  /** Contact details published in the OpenAPI document (the API Design Rules require them). */
  API_CONTACT_NAME: z.string().min(1).default('Beheer LEA-platform'),
  API_CONTACT_EMAIL: z.email().default('beheer@lea-platform.example'),
  API_CONTACT_URL: z.url().default('https://lea-platform.example'),
  /** How long (ms) an instance trusts its cached data version before asking the database again. */
  DATA_VERSION_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Outgoing mail, e.g. smtps://user:password@smtp.example.nl:465. Unset: mail is written to DATA_DIR/outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'moet beginnen met smtp:// of smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('LEA-platform <noreply@lea-platform.example>'),
  /** Minutes without activity after which a session ends, and hours after which it ends regardless. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  /** A first beheerder for an installation without one: e-mail, and optionally the password (else one is made up). */
  INITIAL_ADMIN_EMAIL: z.email().optional(),
  INITIAL_ADMIN_PASSWORD: z.string().min(12, 'minstens 12 tekens').optional(),
  /** Single sign-on through the gemeente's own OpenID Connect provider; all three are needed to turn it on. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends the browser back; default PUBLIC_URL (or http://localhost:PORT) + /inloggen/sso/callback. */
  OIDC_REDIRECT_URI: z.url().optional(),
  /** Only for a provider on this machine (tests, development): allow http instead of https. */
  OIDC_ALLOW_HTTP: booleanFromEnv.default(false),
  /** The name of the login button, e.g. "Inloggen met het gemeenteaccount". */
  OIDC_LABEL: z.string().min(1).default('Inloggen met uw organisatieaccount'),
});

export type Config = Readonly<
  Omit<z.infer<typeof envSchema>, 'DATA_DIR'> & {
    /** Absolute path of the data folder. */
    DATA_DIR: string;
  }
>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment into a typed, frozen config; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ongeldige configuratie:\n${lines.join('\n')}`);
  }
  if (Boolean(parsed.data.OIDC_ISSUER) !== Boolean(parsed.data.OIDC_CLIENT_ID)) {
    throw new ConfigError('Ongeldige configuratie:\n  OIDC_ISSUER en OIDC_CLIENT_ID horen bij elkaar: zet ze allebei, of geen van beide.');
  }
  return Object.freeze({
    ...parsed.data,
    DATA_DIR: resolveDataDir(parsed.data.DATA_DIR),
  });
}
