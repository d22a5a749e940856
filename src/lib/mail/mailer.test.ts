import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestSmtpServer } from '../../../test/helpers/smtp-server.js';
import { createMailer, type MailMessage } from './mailer.js';
import { listOutbox, newOutboxId, readOutboxMessage } from './outbox.js';

const resetUrl =
  'https://lea.gemeente.example/wachtwoord-herstellen?token=Zq8-Kx_3vTnL0pWcY2rB7mHfD4sJ9aEoUiG6bNlRtXy&welkom=%C3%A9%C3%A9n#stap=2';

const dutchMessage: MailMessage = {
  to: 'Anneke de Vries <anneke@voorbeeld.nl>',
  subject: 'Herstel je wachtwoord voor één LEA-omgeving – kosten € 0',
  text: [
    'Beste Anneke,',
    '',
    'Je hebt gevraagd om je wachtwoord te herstellen. Dat kan één keer, via de link hieronder; die is geëindigd na één uur.',
    `Klik hier: ${resetUrl}`,
    '',
    'Café-overleg: € 12,50 per persoon, coördinatie door de gemeente.',
    '',
    'Met vriendelijke groet,',
    'De beheerder',
  ].join('\n'),
};

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lea-mail-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createMailer in outbox mode', () => {
  it('writes a real .eml that reads back with the exact text, subject and link', async () => {
    const outboxDir = path.join(dir, 'data', 'outbox');
    const mailer = createMailer({ from: '"LEA-platform Gemeente Één" <noreply@lea.example>', outboxDir });
    expect(mailer.transport).toBe('outbox');
    const before = Date.now();
    await mailer.send(dutchMessage);
    await mailer.close();

    const entries = await listOutbox(outboxDir);
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.id).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{8}$/);
    expect(entry!.to).toBe('Anneke de Vries <anneke@voorbeeld.nl>');
    expect(entry!.subject).toBe(dutchMessage.subject);
    // The Date header has whole seconds.
    expect(entry!.date.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(entry!.date.getTime()).toBeLessThanOrEqual(Date.now());

    const message = await readOutboxMessage(outboxDir, entry!.id);
    expect(message).toEqual({ ...entry, text: dutchMessage.text });
    const links = message!.text.match(/https:\/\/\S+/g);
    expect(links).toEqual([resetUrl]);

    const raw = await readFile(path.join(outboxDir, `${entry!.id}.eml`), 'latin1');
    expect(raw).toMatch(/^From: =\?UTF-8\?Q\?LEA-platform_Gemeente_=C3=89=C3=A9n\?= <noreply@lea\.example>\r\n/);
    expect(raw).toContain('\r\nMIME-Version: 1.0\r\n');
    expect(raw).toContain('\r\nContent-Transfer-Encoding: quoted-printable\r\n');
    // The link is wrapped and =-escaped in the file, so the exact match above really went through the decoder.
    expect(raw).not.toContain(resetUrl);
    expect(raw).toMatch(/\r\nMessage-ID: <[^>]+@lea\.example>\r\n/);
    // RFC 5322: CRLF everywhere and no line over 998 characters; QP keeps them under 78.
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(Math.max(...raw.split('\r\n').map((line) => line.length))).toBeLessThanOrEqual(78);
  });

  it('keeps the files private and leaves no temp files behind', async () => {
    const outboxDir = path.join(dir, 'outbox');
    const mailer = createMailer({ from: 'noreply@lea.example', outboxDir });
    await mailer.send(dutchMessage);
    expect((await stat(outboxDir)).mode & 0o777).toBe(0o700);
    const names = await readdir(outboxDir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^\d{8}T\d{9}Z-[0-9a-f]{8}\.eml$/);
    expect((await stat(path.join(outboxDir, names[0]!))).mode & 0o777).toBe(0o600);
  });

  it('lists newest first with unique ids, even within one millisecond', async () => {
    const mailer = createMailer({ from: 'noreply@lea.example', outboxDir: dir });
    for (const n of [1, 2, 3]) {
      await mailer.send({ to: `persoon${n}@voorbeeld.nl`, subject: `Bericht ${n}`, text: `Tekst ${n}` });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await Promise.all(
      [4, 5, 6, 7].map((n) => mailer.send({ to: 'x@voorbeeld.nl', subject: `Gelijktijdig ${n}`, text: '.' })),
    );
    const entries = await listOutbox(dir);
    expect(entries).toHaveLength(7);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(7);
    expect(entries.map((entry) => entry.id)).toEqual(entries.map((entry) => entry.id).sort().reverse());
    expect(entries.slice(4).map((entry) => entry.subject)).toEqual(['Bericht 3', 'Bericht 2', 'Bericht 1']);
  });

  it('writes text and html as multipart/alternative and reads back the text part', async () => {
    const mailer = createMailer({ from: 'noreply@lea.example', outboxDir: dir });
    await mailer.send({ ...dutchMessage, text: `${dutchMessage.text}\n`, html: `<p>Klik <a href="${resetUrl}">hier</a></p>` });
    const [entry] = await listOutbox(dir);
    const raw = await readFile(path.join(dir, `${entry!.id}.eml`), 'latin1');
    expect(raw).toMatch(/\r\nContent-Type: multipart\/alternative;/);
    expect(raw).toContain('Content-Type: text/html; charset=utf-8');
    const message = await readOutboxMessage(dir, entry!.id);
    expect(message!.text).toBe(`${dutchMessage.text}\n`);
  });

  it('refuses more than one recipient and a malformed sender', async () => {
    const mailer = createMailer({ from: 'noreply@lea.example', outboxDir: dir });
    await expect(mailer.send({ ...dutchMessage, to: 'a@voorbeeld.nl, b@voorbeeld.nl' })).rejects.toThrow(
      'to must be exactly one e-mail address',
    );
    await expect(mailer.send({ ...dutchMessage, to: 'geen adres' })).rejects.toThrow();
    expect(await listOutbox(dir)).toEqual([]);
    expect(() => createMailer({ from: 'noreply', outboxDir: dir })).toThrow('from must be exactly one');
  });

  it('treats an empty smtpUrl as not configured', () => {
    expect(createMailer({ smtpUrl: '', from: 'noreply@lea.example', outboxDir: dir }).transport).toBe('outbox');
  });
});

describe('createMailer in SMTP mode', () => {
  it('delivers the message to the SMTP server', async () => {
    const server = await startTestSmtpServer();
    try {
      const mailer = createMailer({ smtpUrl: server.url, from: '"LEA-platform" <noreply@lea.example>', outboxDir: dir });
      expect(mailer.transport).toBe('smtp');
      await mailer.send(dutchMessage);
      await mailer.close();

      expect(server.received).toHaveLength(1);
      const [mail] = server.received;
      expect(mail!.from).toBe('noreply@lea.example');
      expect(mail!.to).toEqual(['anneke@voorbeeld.nl']);
      // Decode what the server got with the outbox reader: it proves both paths produce the same readable mail.
      const id = newOutboxId();
      await writeFile(path.join(dir, `${id}.eml`), mail!.raw);
      const message = await readOutboxMessage(dir, id);
      expect(message!.to).toBe('Anneke de Vries <anneke@voorbeeld.nl>');
      expect(message!.subject).toBe(dutchMessage.subject);
      expect(message!.text).toBe(dutchMessage.text);
      expect(message!.text).toContain(resetUrl);
      // Nothing lands in the outbox directory in SMTP mode besides the file this test wrote.
      expect(await readdir(dir)).toEqual([`${id}.eml`]);
    } finally {
      await server.close();
    }
  });

  it('rejects when the server refuses the recipient', async () => {
    const server = await startTestSmtpServer({ rejectRecipient: true });
    try {
      const mailer = createMailer({ smtpUrl: server.url, from: 'noreply@lea.example', outboxDir: dir });
      await expect(mailer.send(dutchMessage)).rejects.toThrow(/Onbekende ontvanger|rejected/);
      await mailer.close();
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('rejects when no server listens', async () => {
    const server = await startTestSmtpServer();
    await server.close();
    const mailer = createMailer({ smtpUrl: server.url, from: 'noreply@lea.example', outboxDir: dir });
    await expect(mailer.send(dutchMessage)).rejects.toThrow();
    await mailer.close();
  });

  it('refuses a URL that is not smtp:// or smtps:// without echoing it', () => {
    expect(() =>
      createMailer({ smtpUrl: 'http://gebruiker:geheim@mail.example', from: 'noreply@lea.example', outboxDir: dir }),
    ).toThrow(/^smtpUrl must start with smtp:\/\/ or smtps:\/\/$/);
  });
});
