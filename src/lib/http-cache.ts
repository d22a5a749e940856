import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A response body prepared once, with a strong ETag derived from its bytes. Kept as bytes: a string would be
 * measured and encoded again on every send.
 */
export interface PreparedBody {
  readonly body: Buffer;
  readonly etag: string;
  readonly contentType: string;
}

export function prepareBody(text: string, contentType: string): PreparedBody {
  const body = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { body, etag, contentType };
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** Sends a prepared body, or 304 Not Modified when the client already has these bytes. */
export function sendPrepared(request: FastifyRequest, reply: FastifyReply, prepared: PreparedBody): FastifyReply {
  // Clients may keep a copy but must ask each time whether it is still current: the agenda can change.
  reply.header('ETag', prepared.etag).header('Cache-Control', 'no-cache');
  if (matchesEtag(request.headers['if-none-match'], prepared.etag)) return reply.code(304).send();
  return reply.type(prepared.contentType).send(prepared.body);
}
