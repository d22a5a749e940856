import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import addressparser from 'nodemailer/lib/addressparser';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type StreamTransport from 'nodemailer/lib/stream-transport';
import { isOutboxId, newOutboxId } from './outbox.js';

/**
 * nodemailer and its transports load when the first message is sent: most starts send none, and loading them
 * costs about 0.05 s of every start. Only its address parser, one small file, is needed before.
 */
function lazyTransport<T>(options: SMTPTransport.Options | StreamTransport.Options): { get(): Promise<Transporter<T>>; close(): Promise<void> } {
  let transporter: Promise<Transporter<T>> | undefined;
  return {
    get: () => (transporter ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options) as Transporter<T>)),
    close: async () => {
      (await transporter)?.close();
    },
  };
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  /** Sends one message; rejects if the SMTP server refuses it. */
  send(message: MailMessage): Promise<void>;
  /** 'smtp' or 'outbox', for the start-up log and the beheerder's page. */
  readonly transport: 'smtp' | 'outbox';
  close(): Promise<void>;
}

export interface MailerOptions {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

/** SMTP when smtpUrl is set (e.g. smtp://user:pass@host:587 or smtps://...), else .eml files in outboxDir. */
export function createMailer(options: MailerOptions): Mailer {
  requireSingleAddress(options.from, 'from');
  // An empty SMTP_URL in the environment means "not configured", not "connect to localhost".
  return options.smtpUrl ? createSmtpMailer(options.smtpUrl, options.from) : createOutboxMailer(options);
}

function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  if (!/^smtps?:\/\//i.test(smtpUrl)) {
    // The URL is not echoed: it usually carries the SMTP password.
    throw new Error('smtpUrl must start with smtp:// or smtps://');
  }
  const transporter = lazyTransport<SMTPTransport.SentMessageInfo>({
    url: smtpUrl,
    // nodemailer waits minutes by default; a password-reset request should fail fast instead.
    // Query parameters in the URL (e.g. ?connectionTimeout=60000) still take precedence.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    transport: 'smtp',
    async send(message) {
      const info = await (await transporter.get()).sendMail(composeOptions(from, message));
      // With a single recipient nodemailer already rejects; this guards against a partial accept.
      if (info.rejected.length > 0) throw new Error('SMTP server refused the recipient');
    },
    close: () => transporter.close(),
  };
}

function createOutboxMailer(options: MailerOptions): Mailer {
  const transporter = lazyTransport<StreamTransport.SentMessageInfo>({
    streamTransport: true,
    buffer: true,
    // RFC 5322 line endings, so the .eml opens in any mail client, in the same format SMTP would carry.
    newline: 'windows',
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    transport: 'outbox',
    async send(message) {
      const date = new Date();
      const id = newOutboxId(date);
      const info = await (await transporter.get()).sendMail({ ...composeOptions(options.from, message), date });
      if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer did not return the message as a buffer');
      await writeAtomically(options.outboxDir, id, info.message);
    },
    close: () => transporter.close(),
  };
}

function composeOptions(from: string, message: MailMessage): SendMailOptions {
  requireSingleAddress(message.to, 'to');
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    ...(message.html === undefined ? {} : { html: message.html }),
    // Quoted-printable keeps Dutch text readable in the raw file and is what the outbox reader decodes.
    textEncoding: 'quoted-printable',
  };
}

// A comma in a stored e-mail address must not silently turn one message into several.
function requireSingleAddress(value: string, field: string): void {
  const parsed = addressparser(value, { flatten: true });
  if (parsed.length !== 1 || !parsed[0]?.address.includes('@')) {
    throw new Error(`${field} must be exactly one e-mail address`);
  }
}

// Readers (the beheerder's outbox page) must never see a half-written file, hence temp file + rename.
async function writeAtomically(outboxDir: string, id: string, data: Buffer): Promise<void> {
  if (!isOutboxId(id)) throw new Error('invalid outbox id');
  await mkdir(outboxDir, { recursive: true, mode: 0o700 });
  const target = path.join(outboxDir, `${id}.eml`);
  // The leading dot and other suffix keep the temp file out of listOutbox.
  const temp = path.join(outboxDir, `.${id}.eml.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
