/**
 * HTTP/1.1 over a bare TCP socket, for requests no HTTP client would send: invalid bytes in the path, broken
 * header lines, a Content-Length that lies, a body the server stops reading. One request per connection.
 */
import net from 'node:net';

export interface RawRequest {
  method: string;
  /** The request target exactly as sent, in latin1 (one char = one byte), so invalid UTF-8 can be sent too. */
  target: string;
  /** Header lines in order; a value of undefined leaves a default header (Host, Connection, Content-Length) out. */
  headers?: [string, string | undefined][];
  /** Extra raw header lines, sent as they are (e.g. a line without a colon). */
  rawHeaderLines?: string[];
  body?: Buffer | string;
}

export interface RawResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: Buffer;
  /** The request as it went out, shortened, for messages. */
  sent: string;
}

export function buildRequest(request: RawRequest, host: string): Buffer {
  const body = request.body === undefined ? undefined : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body, 'utf8');
  const given = new Map((request.headers ?? []).map(([name, value]) => [name.toLowerCase(), value]));
  const lines = [`${request.method} ${request.target} HTTP/1.1`];
  if (!given.has('host')) lines.push(`Host: ${host}`);
  if (!given.has('connection')) lines.push('Connection: close');
  if (body && !given.has('content-length') && !given.has('transfer-encoding')) lines.push(`Content-Length: ${body.length}`);
  for (const [name, value] of request.headers ?? []) if (value !== undefined) lines.push(`${name}: ${value}`);
  lines.push(...(request.rawHeaderLines ?? []));
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return body ? Buffer.concat([head, body]) : head;
}

function parse(data: Buffer, method: string): { response?: Omit<RawResponse, 'sent'>; complete: boolean } {
  let offset = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', offset);
    if (end < 0) return { complete: false };
    const lines = data.subarray(offset, end).toString('latin1').split('\r\n');
    const match = /^HTTP\/1\.[01] (\d{3}) ?(.*)$/.exec(lines[0] ?? '');
    if (!match) throw new Error(`geen HTTP-antwoord: ${JSON.stringify(lines[0])}`);
    const status = Number(match[1]);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    // 100 Continue and other interim answers come before the real one.
    if (status < 200) {
      offset = end + 4;
      continue;
    }
    const rest = data.subarray(end + 4);
    const response = { status, reason: match[2] ?? '', headers, body: rest };
    if (method === 'HEAD' || status === 204 || status === 304) return { response: { ...response, body: Buffer.alloc(0) }, complete: true };
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return { response: { ...response, body: rest.subarray(0, length) }, complete: rest.length >= length };
    }
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const chunks: Buffer[] = [];
      let at = 0;
      for (;;) {
        const lineEnd = rest.indexOf('\r\n', at);
        if (lineEnd < 0) return { response: { ...response, body: Buffer.concat(chunks) }, complete: false };
        const size = parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
        if (size === 0) return { response: { ...response, body: Buffer.concat(chunks) }, complete: true };
        if (rest.length < lineEnd + 2 + size + 2) return { response: { ...response, body: Buffer.concat(chunks) }, complete: false };
        chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    return { response, complete: false };
  }
}

/** Sends one request and reads the answer; the server may close early (it often does, on errors): what came counts. */
export function rawRequest(port: number, request: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  const bytes = buildRequest(request, `127.0.0.1:${port}`);
  const sent = bytes.subarray(0, 300).toString('latin1') + (bytes.length > 300 ? `… (${bytes.length} bytes)` : '');
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      let parsed;
      try {
        parsed = parse(data, request.method);
      } catch (parseError) {
        return reject(new Error(`${(parseError as Error).message}\nverzonden: ${sent}`));
      }
      if (parsed.response) return resolve({ ...parsed.response, sent });
      reject(new Error(`geen antwoord (${error?.message ?? 'verbinding gesloten'})\nverzonden: ${sent}`));
    };
    const timer = setTimeout(() => finish(new Error(`geen antwoord binnen ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      try {
        if (parse(data, request.method).complete) finish();
      } catch {
        finish();
      }
    });
    socket.on('end', () => finish());
    socket.on('close', () => finish());
    // The server may answer and close before it has read everything (413, 401): a write error then is normal.
    socket.on('error', (error) => finish(error));
    socket.write(bytes, () => undefined);
  });
}
