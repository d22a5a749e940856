import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOutboxId, listOutbox, newOutboxId, readOutboxMessage } from './outbox.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lea-outbox-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const crlf = (lines: string[]) => lines.join('\r\n');

describe('outbox ids', () => {
  it('encode the time, sort by it and are unique', () => {
    const id = newOutboxId(new Date('2026-11-29T21:56:00.123Z'));
    expect(id).toMatch(/^20261129T215600123Z-[0-9a-f]{8}$/);
    expect(isOutboxId(id)).toBe(true);
    expect(newOutboxId(new Date('2026-11-29T21:56:00.124Z')) > id).toBe(true);
    expect(new Set(Array.from({ length: 100 }, () => newOutboxId(new Date(0)))).size).toBe(100);
  });

  it('reject anything that could reach outside the directory', async () => {
    const valid = newOutboxId();
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', `${valid}.eml`), 'Subject: verstopt\r\n\r\nx');
    await writeFile(path.join(dir, 'geheim.eml'), 'Subject: geheim\r\n\r\nx');
    for (const id of ['', 'geheim', '../geheim', `sub/${valid}`, `${valid}.eml`, `${valid}\0`, '20261129T215600123Z-ABCDEF12']) {
      expect(isOutboxId(id)).toBe(false);
      expect(await readOutboxMessage(dir, id)).toBeUndefined();
    }
  });
});

describe('listOutbox', () => {
  it('returns an empty list for a missing directory', async () => {
    expect(await listOutbox(path.join(dir, 'bestaat-niet'))).toEqual([]);
  });

  it('ignores temp files and files that are not outbox messages', async () => {
    const id = '20261129T215600123Z-0123abcd';
    await writeFile(path.join(dir, `${id}.eml`), crlf(['To: a@voorbeeld.nl', 'Subject: echt', '', 'x']));
    await writeFile(path.join(dir, `.${id}.eml.tmp`), 'half');
    await writeFile(path.join(dir, 'notitie.eml'), 'Subject: nee\r\n\r\n');
    await mkdir(path.join(dir, '20261129T215600123Z-0123abce.eml'));
    const entries = await listOutbox(dir);
    expect(entries.map((entry) => entry.id)).toEqual([id]);
    expect(await readOutboxMessage(dir, '20261129T215600123Z-0123abce')).toBeUndefined();
  });

  it('falls back to the time in the id when the Date header is missing or broken', async () => {
    await writeFile(path.join(dir, '20261129T215600123Z-0123abcd.eml'), 'Subject: zonder datum\r\n\r\nx');
    await writeFile(path.join(dir, '20261130T080000000Z-0123abcd.eml'), 'Date: gisteren\r\n\r\nx');
    const entries = await listOutbox(dir);
    expect(entries.map((entry) => entry.date.toISOString())).toEqual([
      '2026-11-30T08:00:00.000Z',
      '2026-11-29T21:56:00.123Z',
    ]);
    expect(entries[1]).toMatchObject({ to: '', subject: 'zonder datum' });
  });
});

describe('readOutboxMessage decoding', () => {
  const id = '20261129T215600123Z-0123abcd';
  const write = (raw: string | Buffer) => writeFile(path.join(dir, `${id}.eml`), raw);

  it('decodes folded B and Q encoded-words, also when a character is split across two words', async () => {
    const euro = Buffer.from('€');
    // "één € " with the euro sign's three bytes split over two base64 words.
    const first = Buffer.concat([Buffer.from('één '), euro.subarray(0, 1)]).toString('base64');
    const second = Buffer.concat([euro.subarray(1), Buffer.from(' test')]).toString('base64');
    await write(
      crlf([
        `Subject: =?UTF-8?B?${first}?=`,
        ` =?utf-8?B?${second}?= en =?ISO-8859-1?Q?caf=E9_?=`,
        '\t=?UTF-8*nl?Q?=C3=A9=C3=A9n?=',
        'To: =?UTF-8?Q?Jos_=C3=89=C3=A9n?= <jos@voorbeeld.nl>',
        'Date: Sun, 29 Nov 2026 21:56:00 +0100',
        '',
        'Hallo',
      ]),
    );
    expect(await readOutboxMessage(dir, id)).toEqual({
      id,
      date: new Date('2026-11-29T20:56:00.000Z'),
      to: 'Jos Één <jos@voorbeeld.nl>',
      subject: 'één € test en café één',
      text: 'Hallo',
    });
  });

  it('decodes quoted-printable soft breaks, =XX bytes and transport-added trailing spaces', async () => {
    const url = 'https://lea.gemeente.example/uitnodiging?token=a_b-c%20d&x=1';
    await write(
      crlf([
        'Content-Type: text/plain; charset="utf-8"',
        'Content-Transfer-Encoding: Quoted-Printable',
        '',
        'Caf=C3=A9 ge=C3=ABindigd: =E2=82=AC 5=2C-   ',
        'https://lea.gemeente.example/uitnodiging?token=3Da_b-c%20d=  ',
        '&x=3D1',
        'regel met spatie aan het eind=20',
        'eind=',
        '',
      ]),
    );
    const message = await readOutboxMessage(dir, id);
    expect(message!.text).toBe(`Café geëindigd: € 5,-\n${url}\nregel met spatie aan het eind \neind`);
  });

  it('decodes a base64 body in another charset', async () => {
    await write(
      crlf([
        'Content-Type: text/plain; charset=iso-8859-1',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('één café\nregel twee', 'latin1').toString('base64'),
        '',
      ]),
    );
    expect((await readOutboxMessage(dir, id))!.text).toBe('één café\nregel twee');
  });

  it('reads an 8bit UTF-8 body with bare LF line ends', async () => {
    await write(Buffer.from('Subject: =?UTF-8?Q?=C3=A9?=\nContent-Transfer-Encoding: 8bit\n\néén\n€\n', 'utf8'));
    const message = await readOutboxMessage(dir, id);
    expect(message).toMatchObject({ subject: 'é', text: 'één\n€' });
  });

  it('finds the text/plain part in nested multiparts and skips attachments', async () => {
    await write(
      crlf([
        'Content-Type: multipart/mixed; boundary=buiten',
        '',
        'preamble',
        '--buiten',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Disposition: attachment; filename="bijlage.txt"',
        '',
        'niet dit',
        '--buiten',
        'Content-Type: multipart/alternative; boundary="--_NmP-binnen"',
        '',
        '----_NmP-binnen',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>niet dit</p>',
        '----_NmP-binnen',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'w=C3=A9l dit',
        '',
        '----_NmP-binnen--',
        '--buiten--',
        'epilogue',
      ]),
    );
    expect((await readOutboxMessage(dir, id))!.text).toBe('wél dit\n');
  });

  it('returns an empty text when there is no text/plain part', async () => {
    await write(crlf(['Content-Type: text/html', '', '<p>alleen html</p>']));
    expect((await readOutboxMessage(dir, id))!.text).toBe('');
  });
});
