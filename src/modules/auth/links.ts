import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';

/**
 * The address at the start of links in e-mails. Never taken blindly from the Host header: a forged header would
 * otherwise send a reset link, with its secret token, to the forger's site. PUBLIC_URL wins; otherwise the request's
 * host is used only when it is one of the gemeente's own domains or this machine.
 */
export function mailBaseUrl(request: FastifyRequest, config: Config): string {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/$/, '');
  const hostname = request.hostname.toLowerCase();
  const own = request.gemeente.domeinen.map((d) => d.toLowerCase());
  if (own.includes(hostname) || hostname === 'localhost' || hostname === '127.0.0.1') {
    return `${request.protocol}://${request.host}`;
  }
  const first = own[0];
  return first ? `https://${first}` : `http://localhost:${config.PORT}`;
}
