import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface OutboxEntry {
  id: string;
  date: Date;
  to: string;
  subject: string;
}

// The id doubles as a file name, so this pattern is the only thing standing between a URL parameter and the
// file system: no dots, no slashes, fixed length.
const OUTBOX_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-[0-9a-f]{8}$/;
const OUTBOX_FILE = /^(\d{8}T\d{9}Z-[0-9a-f]{8})\.eml$/;

/** A new outbox id such as 20261129T215600123Z-1a2b3c4d: sorts by time, unique through the random suffix. */
export function newOutboxId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

/** Whether the string has the exact shape of an outbox id (and is therefore a safe file name). */
export function isOutboxId(id: string): boolean {
  return OUTBOX_ID.test(id);
}

/** Newest first. Missing directory = empty list. */
export async function listOutbox(outboxDir: string): Promise<OutboxEntry[]> {
  let files: Dirent[];
  try {
    files = await readdir(outboxDir, { withFileTypes: true });
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = files
    .filter((file) => file.isFile())
    .map((file) => OUTBOX_FILE.exec(file.name)?.[1])
    .filter((id): id is string => id !== undefined)
    .sort()
    .reverse();
  const entries = await Promise.all(
    ids.map(async (id) => {
      const message = await readMessage(outboxDir, id);
      return message && toEntry(id, message);
    }),
  );
  return entries.filter((entry) => entry !== undefined);
}

/** undefined when the id is unknown or not a valid outbox id (no path traversal: validate id against a strict pattern). */
export async function readOutboxMessage(
  outboxDir: string,
  id: string,
): Promise<(OutboxEntry & { text: string }) | undefined> {
  if (!isOutboxId(id)) return undefined;
  const message = await readMessage(outboxDir, id);
  return message && { ...toEntry(id, message), text: findPlainText(message, 0) ?? '' };
}

async function readMessage(outboxDir: string, id: string): Promise<Entity | undefined> {
  try {
    return parseEntity((await readFile(path.join(outboxDir, `${id}.eml`))).toString('latin1'));
  } catch (error) {
    // Deleted between readdir and read, or never existed: both mean "no such message".
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

function toEntry(id: string, message: Entity): OutboxEntry {
  const headerDate = message.headers.get('date');
  const parsedDate = headerDate === undefined ? undefined : new Date(headerDate);
  return {
    id,
    date: parsedDate && !Number.isNaN(parsedDate.getTime()) ? parsedDate : dateFromId(id),
    to: decodeHeader(message.headers.get('to') ?? ''),
    subject: decodeHeader(message.headers.get('subject') ?? ''),
  };
}

function dateFromId(id: string): Date {
  const [, year, month, day, hour, minute, second, millis] = OUTBOX_ID.exec(id) ?? [];
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`);
}

function isNotFound(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A directory under a message's name is not a message either.
  return code === 'ENOENT' || code === 'EISDIR';
}

// --- A small MIME reader, just enough for what nodemailer writes (mailparser is not a dependency). ---
// Messages are handled as latin1 strings: every byte maps to exactly one char and back, so the string functions
// can cut the message without corrupting multi-byte UTF-8, which is decoded only at the very end.

interface Entity {
  headers: Map<string, string>;
  body: string;
}

function parseEntity(raw: string): Entity {
  let head: string;
  let body: string;
  const blankLine = /^\r?\n/.exec(raw) ?? /\r?\n\r?\n/.exec(raw);
  if (blankLine) {
    head = raw.slice(0, blankLine.index);
    body = raw.slice(blankLine.index + blankLine[0].length);
  } else {
    head = raw;
    body = '';
  }
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    // The first occurrence wins, as with the fields a mail client shows.
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parseContentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (value === undefined) return { type: 'text/plain', params };
  const semicolon = value.indexOf(';');
  const type = (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  if (semicolon >= 0) {
    const param = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]*))/g;
    for (const match of value.slice(semicolon).matchAll(param)) {
      const quoted = match[2]?.replace(/\\(.)/g, '$1');
      params.set(match[1]!.toLowerCase(), quoted ?? match[3] ?? '');
    }
  }
  return { type, params };
}

// Deep enough for text + html + attachments; a bound keeps a hostile file from recursing without end.
const MAX_DEPTH = 8;

function findPlainText(entity: Entity, depth: number): string | undefined {
  const { type, params } = parseContentType(entity.headers.get('content-type'));
  if (/^attachment\b/i.test(entity.headers.get('content-disposition') ?? '')) return undefined;
  if (type.startsWith('multipart/')) {
    const boundary = params.get('boundary');
    if (!boundary || depth >= MAX_DEPTH) return undefined;
    for (const part of splitMultipart(entity.body, boundary)) {
      const text = findPlainText(parseEntity(part), depth + 1);
      if (text !== undefined) return text;
    }
    return undefined;
  }
  if (type !== 'text/plain') return undefined;
  // nodemailer ends the message with a line break whether or not the text had one; it belongs to the message,
  // not to the text. Inside a multipart the delimiter already took its own line break.
  const body = depth === 0 ? entity.body.replace(/\r?\n$/, '') : entity.body;
  const bytes = decodeTransferEncoding(body, entity.headers.get('content-transfer-encoding'));
  // The encoded form uses CRLF line ends; callers wrote the text with \n.
  return decodeCharset(bytes, params.get('charset')).replace(/\r\n/g, '\n');
}

function splitMultipart(body: string, boundary: string): string[] {
  const escaped = boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // The line break before a delimiter belongs to the delimiter, not to the part (RFC 2046 §5.1.1).
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${escaped}(--)?[ \\t]*(?:\\r?\\n|$)`, 'g');
  const parts: string[] = [];
  let start: number | undefined;
  for (const match of body.matchAll(delimiter)) {
    if (start !== undefined) parts.push(body.slice(start, match.index));
    if (match[1]) return parts;
    start = match.index + match[0].length;
  }
  // No closing delimiter: a truncated file still yields what it has.
  if (start !== undefined) parts.push(body.slice(start));
  return parts;
}

function decodeTransferEncoding(body: string, encoding: string | undefined): Buffer {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'quoted-printable':
      // Trailing whitespace was added in transit (RFC 2045 §6.7 rule 3); "=" at a line end is a soft break,
      // and a bare "=" at the very end can only be one too (a literal "=" is always written as =3D).
      return decodeQuotedPrintable(body.replace(/[ \t]+(?=\r?\n|$)/g, '').replace(/=(?:\r?\n|$)/g, ''), false);
    case 'base64':
      return Buffer.from(body.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
    default:
      return Buffer.from(body, 'latin1');
  }
}

function decodeQuotedPrintable(input: string, underscoreIsSpace: boolean): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    const hex = input.slice(i + 1, i + 3);
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (char === '_' && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(input.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    // Unknown charset label: UTF-8 is what nodemailer writes, so it is the best guess.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** Decodes RFC 2047 encoded-words (and raw UTF-8, RFC 6532) in a latin1-read header value. */
function decodeHeader(latin1Value: string): string {
  const value = Buffer.from(latin1Value, 'latin1').toString('utf8');
  let out = '';
  let last = 0;
  let pending: { charset: string; chunks: Buffer[] } | undefined;
  const flush = () => {
    if (pending) out += decodeCharset(Buffer.concat(pending.chunks), pending.charset);
    pending = undefined;
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    // Whitespace between adjacent encoded-words is folding, not content (RFC 2047 §6.2).
    if (!(pending && /^\s*$/.test(between))) {
      flush();
      out += between;
    }
    // A language suffix (utf-8*nl, RFC 2231) is not part of the charset name.
    const charset = match[1]!.split('*')[0]!.toLowerCase();
    const text = match[3]!;
    const bytes =
      match[2]!.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text, true);
    // Adjacent words are joined as bytes first: an encoder may split one multi-byte character across two words.
    if (pending && pending.charset === charset) {
      pending.chunks.push(bytes);
    } else {
      flush();
      pending = { charset, chunks: [bytes] };
    }
    last = match.index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}
