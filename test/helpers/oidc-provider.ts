/**
 * A real OpenID provider (oidc-provider) on http://127.0.0.1 for tests of single sign-on, with a minimal login
 * page of its own instead of the library's development interactions. Nothing is mocked: discovery, keys, the
 * token and userinfo endpoints and the PKCE, client and code checks are the library's own (plus one stricter
 * check on the client authentication method, see clientAuthAsRegistered).
 */
import { generateKeyPairSync, randomBytes, type JsonWebKey } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestOidcUser {
  sub: string;
  email: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestOidcProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  users: TestOidcUser[];
  /** Fixed port, e.g. to bring a provider back up where a client expects it; default a free one. */
  port?: number;
  /** The only client authentication the provider offers and accepts from the client; default client_secret_basic. */
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Put the scope claims (email, name) in the ID token as well, as some providers do; default only userinfo. */
  claimsInIdToken?: boolean;
}

export interface TestOidcProvider {
  issuer: string;
  close(): Promise<void>;
}

// The parts of oidc-provider this helper uses: the package ships no types and @types/oidc-provider is not installed.
interface InteractionDetails {
  uid: string;
  prompt: { name: string; details: { missingOIDCScope?: string[]; missingOIDCClaims?: string[] } };
  params: Record<string, unknown>;
  session?: { accountId?: string };
  grantId?: string;
}
interface Grant {
  addOIDCScope(scope: string): void;
  addOIDCClaims(claims: string[]): void;
  save(): Promise<string>;
}
interface Provider {
  callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  };
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => Provider;

const LOGIN_BUTTON = 'Inloggen bij test-IdP';
/** Expected start-up notices: Node 20 is below the library's preferred LTS, and tests want memory storage. */
const EXPECTED_NOTICES = [/Unsupported runtime/, /in-memory adapter/];

let providerClass: Promise<ProviderConstructor> | undefined;
let signingKey: JsonWebKey | undefined;

/** Starts a real OpenID provider with one confidential client and the given users; close() stops it. */
export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const Provider = await loadProvider();
  const usersBySub = new Map(options.users.map((user) => [user.sub, user]));
  const authMethod = options.tokenEndpointAuthMethod ?? 'client_secret_basic';

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // RSA because clients expect RS256 ID tokens unless registered otherwise; one key per process saves start-up time.
  signingKey ??= {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
    kid: 'test',
  };
  const configuration = {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: authMethod,
      },
    ],
    clientAuthMethods: [authMethod],
    // The library only demands PKCE from public clients by default; municipalities' providers may demand it always.
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile'],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: !options.claimsInIdToken,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const user = usersBySub.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: user.email,
            ...(user.email_verified === undefined ? {} : { email_verified: user.email_verified }),
            ...(user.name === undefined ? {} : { name: user.name }),
          };
        },
      };
    },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 600, Grant: 600 },
    clientBasedCORS: () => false,
  };
  let provider: Provider;
  try {
    provider = withoutExpectedNotices(() => new Provider(issuer, configuration));
  } catch (error) {
    server.close();
    throw error;
  }
  const handleProvider = provider.callback();
  // Attached only now because the provider needs the issuer, and with it the port the server was given.
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!clientAuthAsRegistered(req, authMethod)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'invalid_client', error_description: `only ${authMethod} is accepted` }));
      return;
    }
    const handled = (req.url ?? '').startsWith('/interaction/')
      ? handleInteraction(provider, usersBySub, req, res)
      : handleProvider(req, res);
    handled.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(error instanceof Error ? error.message : String(error));
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

/** Drives a browser-less login: follows the authorization URL, submits the login form for `email`, and returns the final redirect URL to the client's redirect_uri (with code and state), without fetching that redirect URL. Handles cookies itself. */
export async function loginAtTestProvider(authorizationUrl: string, email: string): Promise<URL> {
  const redirectUri = new URL(authorizationUrl).searchParams.get('redirect_uri');
  if (!redirectUri) throw new Error('The authorization URL has no redirect_uri');
  const target = new URL(redirectUri);
  const cookies = new Map<string, string>();

  let url = new URL(authorizationUrl);
  let init: RequestInit = { method: 'GET' };
  let loggedIn = false;
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookieHeader(cookies) },
    });
    storeCookies(cookies, response.headers.getSetCookie());

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      url = new URL(location, url);
      init = { method: 'GET' };
      if (url.origin === target.origin && url.pathname === target.pathname) return url;
      continue;
    }

    const body = await response.text();
    if (response.status === 200 && url.pathname.startsWith('/interaction/') && body.includes(LOGIN_BUTTON)) {
      if (loggedIn) throw new Error(`The test provider showed the login form again after logging in as ${email}`);
      loggedIn = true;
      init = {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login: email }).toString(),
      };
      continue;
    }
    throw new Error(
      `Unexpected answer from the test provider at ${url.href}: HTTP ${response.status} ${body.slice(0, 300)}`,
    );
  }
  throw new Error('Too many redirects at the test provider');
}

async function handleInteraction(
  provider: Provider,
  usersBySub: Map<string, TestOidcUser>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    // Typically an expired or missing interaction cookie: not a server fault.
    sendHtml(res, 400, page(`<p>Deze inlogpoging is verlopen of onbekend (${escapeHtml(String(error))}).</p>`));
    return;
  }
  const clientId = String(details.params.client_id);

  if (details.prompt.name === 'consent') {
    // A logged-in session asking for more than it was granted: approve without asking, as a municipality's IdP would.
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    const target = grant ?? new provider.Grant({ accountId: details.session?.accountId ?? '', clientId });
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
    if (missingOIDCScope) target.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) target.addOIDCClaims(missingOIDCClaims);
    const grantId = await target.save();
    const result = { consent: grant ? {} : { grantId } };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
    return;
  }
  if (details.prompt.name !== 'login') {
    sendHtml(res, 400, page(`<p>Onbekende stap: ${escapeHtml(details.prompt.name)}.</p>`));
    return;
  }

  if (req.method !== 'POST') {
    sendHtml(res, 200, loginForm(details.uid));
    return;
  }
  const login = new URLSearchParams(await readBody(req)).get('login')?.trim().toLowerCase() ?? '';
  const user = [...usersBySub.values()].find((candidate) => candidate.email.toLowerCase() === login);
  if (!user) {
    sendHtml(res, 400, loginForm(details.uid, `Onbekende gebruiker: ${login}`));
    return;
  }
  // Login and consent in one step: the grant covers what the client asked for, so no consent prompt follows.
  const grant = new provider.Grant({ accountId: user.sub, clientId });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const requestedClaims = claimsParameterNames(details.params.claims);
  if (requestedClaims.length > 0) grant.addOIDCClaims(requestedClaims);
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.sub }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/**
 * oidc-provider accepts client_secret_basic and client_secret_post alike whatever the client registered; many
 * providers are stricter, so this refuses the other one at the token endpoint.
 */
function clientAuthAsRegistered(req: IncomingMessage, authMethod: string): boolean {
  if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/token') return true;
  const usesBasic = /^basic /i.test(req.headers.authorization ?? '');
  return authMethod === 'client_secret_basic' ? usesBasic : !usesBasic;
}

/** Claim names from an OIDC `claims` request parameter (JSON with userinfo and id_token members). */
function claimsParameterNames(parameter: unknown): string[] {
  if (typeof parameter !== 'string' || parameter === '') return [];
  const parsed = JSON.parse(parameter) as Record<string, Record<string, unknown> | null | undefined>;
  return [...new Set([...Object.keys(parsed.userinfo ?? {}), ...Object.keys(parsed.id_token ?? {})])];
}

function loginForm(uid: string, error?: string): string {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return page(`
    ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
    <form method="post" action="${escapeHtml(action)}">
      <label for="login">E-mailadres</label>
      <input id="login" name="login" type="email" autocomplete="username" required autofocus>
      <button type="submit">${LOGIN_BUTTON}</button>
    </form>`);
}

function page(content: string): string {
  return `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Test-IdP</title></head>
<body><main><h1>Test-IdP</h1>${content}</main></body>
</html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function cookieHeader(cookies: Map<string, string>): string {
  return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Keeps cookies by name only and sends them all everywhere: there is one host, and stray cookies are ignored. */
function storeCookies(cookies: Map<string, string>, setCookies: string[]): void {
  for (const line of setCookies) {
    const [pair = '', ...attributes] = line.split(';');
    const separator = pair.indexOf('=');
    if (separator < 1) continue;
    const name = pair.slice(0, separator).trim();
    const value = pair.slice(separator + 1).trim();
    const expired = attributes.some((attribute) => {
      const [key = '', attributeValue = ''] = attribute.split('=').map((part) => part.trim());
      if (key.toLowerCase() === 'max-age') return Number(attributeValue) <= 0;
      if (key.toLowerCase() === 'expires') return Date.parse(attributeValue) <= Date.now();
      return false;
    });
    if (expired || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
}

function loadProvider(): Promise<ProviderConstructor> {
  providerClass ??= (async () => {
    // The runtime notice is printed while the module is evaluated, so the import itself is what must be quiet.
    const restore = silenceExpectedNotices();
    try {
      // @ts-expect-error -- oidc-provider ships no type declarations; the interfaces above cover what is used.
      const module = (await import('oidc-provider')) as { default: ProviderConstructor };
      return module.default;
    } finally {
      restore();
    }
  })();
  return providerClass;
}

function withoutExpectedNotices<T>(create: () => T): T {
  const restore = silenceExpectedNotices();
  try {
    return create();
  } finally {
    restore();
  }
}

function silenceExpectedNotices(): () => void {
  const { warn, info } = console;
  const filter =
    (original: (...data: unknown[]) => void) =>
    (...data: unknown[]) => {
      const text = String(data[0]);
      if (text.includes('oidc-provider') && EXPECTED_NOTICES.some((pattern) => pattern.test(text))) return;
      original(...data);
    };
  console.warn = filter(warn);
  console.info = filter(info);
  return () => {
    console.warn = warn;
    console.info = info;
  };
}
