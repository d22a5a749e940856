import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const contentSecurityPolicy = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:'],
  styleSrc: ["'self'"],
  fontSrc: ["'self'"],
  scriptSrc: ["'self'"],
  connectSrc: ["'self'"],
  manifestSrc: ["'self'"],
};
const strictTransportSecurity = { maxAge: 63072000, includeSubDomains: true };
const referrerPolicy = 'strict-origin-when-cross-origin';
const permissionsPolicy = 'camera=(), microphone=(), geolocation=(), interest-cohort=()';

/**
 * The same headers as plain values, for the answers written straight to the socket when Node's HTTP parser refuses
 * a request (errors.tsx): no Fastify hook runs then. A test compares them with what helmet sends on a normal page.
 */
export const securityHeaderValues: Record<string, string> = {
  'Content-Security-Policy': Object.entries(contentSecurityPolicy)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join(';'),
  'Strict-Transport-Security': `max-age=${strictTransportSecurity.maxAge}; includeSubDomains`,
  'Referrer-Policy': referrerPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'SAMEORIGIN',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': permissionsPolicy,
};

/** Strict headers for every response: no inline script or style, no framing, no sniffing. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    strictTransportSecurity,
    referrerPolicy: { policy: referrerPolicy },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('Permissions-Policy', permissionsPolicy);
  });
}
