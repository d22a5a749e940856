import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loginAtTestProvider,
  startTestOidcProvider,
  type TestOidcProvider,
  type TestOidcProviderOptions,
} from '../../../../test/helpers/oidc-provider.js';
import { OidcClient, OidcError, type OidcLoginStart, type OidcSettings } from './oidc-client.js';

const CLIENT_ID = 'lea-platform';
const CLIENT_SECRET = 'test-secret-that-is-long-enough-0123456789';
// Never fetched: the login stops at the redirect, as a browser would before reaching our callback route.
const REDIRECT_URI = 'http://127.0.0.1:3999/auth/sso/callback';

const USERS: TestOidcProviderOptions['users'] = [
  { sub: 'u-anna', email: 'anna@gemeente.example', email_verified: true, name: 'Anna de Vries' },
  { sub: 'u-bram', email: 'bram@gemeente.example', email_verified: false, name: 'Bram Jansen' },
  { sub: 'u-cem', email: 'cem@gemeente.example' },
];

function providerOptions(overrides: Partial<TestOidcProviderOptions> = {}): TestOidcProviderOptions {
  return { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI], users: USERS, ...overrides };
}

function clientFor(issuer: string, overrides: Partial<OidcSettings> = {}): OidcClient {
  return new OidcClient({
    issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    allowInsecureHttp: true,
    ...overrides,
  });
}

async function logIn(client: OidcClient, email: string): Promise<{ start: OidcLoginStart; callbackUrl: URL }> {
  const start = await client.startLogin();
  const callbackUrl = await loginAtTestProvider(start.url, email);
  return { start, callbackUrl };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('No port');
  return address.port;
}

/** The identity the test provider gives for its user Anna. */
const anna = (issuer: string) => ({ subject: 'u-anna', issuer, email: 'anna@gemeente.example', emailVerified: true, naam: 'Anna de Vries' });

describe('OidcClient against a real OpenID provider', () => {
  let provider: TestOidcProvider;
  let client: OidcClient;

  beforeAll(async () => {
    provider = await startTestOidcProvider(providerOptions());
    client = clientFor(provider.issuer);
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('logs in with the code flow and returns the identity', async () => {
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');

    const authorization = new URL(start.url);
    expect(authorization.origin).toBe(provider.issuer);
    expect(authorization.searchParams.get('response_type')).toBe('code');
    expect(authorization.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(authorization.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(authorization.searchParams.get('scope')).toBe('openid email profile');
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorization.searchParams.get('code_challenge')).not.toBe(start.codeVerifier);
    expect(authorization.searchParams.get('state')).toBe(start.state);
    expect(authorization.searchParams.get('nonce')).toBe(start.nonce);
    expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(REDIRECT_URI);
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(callbackUrl.searchParams.get('state')).toBe(start.state);

    const identity = await client.finishLogin(callbackUrl, start);
    expect(identity).toStrictEqual(anna(provider.issuer));
  });

  it('gives every login its own state, nonce and PKCE verifier', async () => {
    const first = await client.startLogin();
    const second = await client.startLogin();
    expect(second.state).not.toBe(first.state);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.codeVerifier).not.toBe(first.codeVerifier);
    expect(new Set([first.state, first.nonce, first.codeVerifier]).size).toBe(3);
  });

  it('accepts a user whose provider says nothing about verification, as unverified and without a name', async () => {
    const { start, callbackUrl } = await logIn(client, 'cem@gemeente.example');
    const identity = await client.finishLogin(callbackUrl, start);
    expect(identity).toStrictEqual({ subject: 'u-cem', issuer: provider.issuer, email: 'cem@gemeente.example', emailVerified: false });
  });

  it('takes the callback query only, whatever scheme and host the route rebuilt the URL with', async () => {
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
    const behindProxy = new URL(`http://10.0.0.5:8080/auth/sso/callback${callbackUrl.search}`);
    await expect(client.finishLogin(behindProxy, start)).resolves.toMatchObject({ subject: 'u-anna' });
  });

  it('refuses a tampered state before redeeming the code', async () => {
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
    const tampered = new URL(callbackUrl);
    tampered.searchParams.set('state', 'state-of-an-attacker');

    const refusal = client.finishLogin(tampered, start);
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/state/);
    // The code was not spent on the refused attempt.
    await expect(client.finishLogin(callbackUrl, start)).resolves.toMatchObject({ subject: 'u-anna' });
  });

  it('refuses a callback for another login (state of that login)', async () => {
    const first = await logIn(client, 'anna@gemeente.example');
    const second = await client.startLogin();
    await expect(client.finishLogin(first.callbackUrl, second)).rejects.toThrow(OidcError);
  });

  it('refuses an ID token with another nonce', async () => {
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
    const refusal = client.finishLogin(callbackUrl, { ...start, nonce: 'nonce-of-another-login' });
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/nonce/);
  });

  it('refuses a code redeemed with another PKCE verifier', async () => {
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
    const other = await client.startLogin();
    const refusal = client.finishLogin(callbackUrl, { ...start, codeVerifier: other.codeVerifier });
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/invalid_grant/);
  });

  it('refuses a replayed code', async () => {
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
    await expect(client.finishLogin(callbackUrl, start)).resolves.toMatchObject({ subject: 'u-anna' });

    const replay = client.finishLogin(callbackUrl, start);
    await expect(replay).rejects.toThrow(OidcError);
    await expect(replay).rejects.toThrow(/invalid_grant/);
  });

  it('refuses an e-mail address the provider says is not verified', async () => {
    const { start, callbackUrl } = await logIn(client, 'bram@gemeente.example');
    const refusal = client.finishLogin(callbackUrl, start);
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/not verified/);
  });

  it('refuses a login that yields no e-mail address', async () => {
    const withoutEmail = clientFor(provider.issuer, { scopes: 'profile' });
    const { start, callbackUrl } = await logIn(withoutEmail, 'anna@gemeente.example');
    const refusal = withoutEmail.finishLogin(callbackUrl, start);
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/no e-mail/);
  });

  it('refuses when the provider does not accept the client secret', async () => {
    const wrongSecret = clientFor(provider.issuer, { clientSecret: 'not-the-secret' });
    const { start, callbackUrl } = await logIn(wrongSecret, 'anna@gemeente.example');
    const refusal = wrongSecret.finishLogin(callbackUrl, start);
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/invalid_client/);
  });

  it('refuses an error answer from the provider', async () => {
    const start = await client.startLogin();
    const callbackUrl = new URL(REDIRECT_URI);
    callbackUrl.search = new URLSearchParams({
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
      state: start.state,
      iss: provider.issuer,
    }).toString();
    await expect(client.finishLogin(callbackUrl, start)).rejects.toThrow(/access_denied/);
  });
});

describe('the test provider', () => {
  let provider: TestOidcProvider;

  beforeAll(async () => {
    provider = await startTestOidcProvider(providerOptions());
  });

  afterAll(async () => {
    await provider?.close();
  });

  it('serves a plain HTML login form that a browser test can fill in', async () => {
    const start = await clientFor(provider.issuer).startLogin();
    const authorization = await fetch(start.url, { redirect: 'manual' });
    const location = authorization.headers.get('location');
    expect(authorization.status).toBe(303);
    expect(location).toMatch(/^\/interaction\/[\w-]+$/);

    const cookie = authorization.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    const form = await fetch(new URL(location ?? '', provider.issuer), { headers: { cookie } });
    const html = await form.text();
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toMatch(/<form method="post" action="\/interaction\/[\w-]+">/);
    expect(html).toContain('<input id="login" name="login"');
    expect(html).toContain('<button type="submit">Inloggen bij test-IdP</button>');
  });

  it('refuses an unknown user on its login form', async () => {
    const start = await clientFor(provider.issuer).startLogin();
    await expect(loginAtTestProvider(start.url, 'onbekend@gemeente.example')).rejects.toThrow(/Onbekende gebruiker/);
  });
});

describe('OidcClient with other provider set-ups', () => {
  it('uses client_secret_post when the provider offers only that, and reads claims from the ID token', async () => {
    const provider = await startTestOidcProvider(
      providerOptions({ tokenEndpointAuthMethod: 'client_secret_post', claimsInIdToken: true }),
    );
    try {
      const client = clientFor(provider.issuer);
      const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
      await expect(client.finishLogin(callbackUrl, start)).resolves.toStrictEqual(anna(provider.issuer));
    } finally {
      await provider.close();
    }
  });

  it('refuses allowInsecureHttp for an issuer that is not on this machine', () => {
    expect(() => clientFor('http://idp.gemeente.example')).toThrow(OidcError);
  });

  it('refuses plain http when allowInsecureHttp is off', async () => {
    const provider = await startTestOidcProvider(providerOptions());
    try {
      const client = clientFor(provider.issuer, { allowInsecureHttp: false });
      await expect(client.startLogin()).rejects.toThrow(OidcError);
      await expect(client.startLogin()).rejects.toThrow(/HTTPS/);
    } finally {
      await provider.close();
    }
  });
});

describe('OidcClient when the provider is down', () => {
  it('reports a provider that is down, and discovers it on a later call once it is up', async () => {
    const port = await freePort();
    const client = clientFor(`http://127.0.0.1:${port}`);

    const refusal = client.startLogin();
    await expect(refusal).rejects.toThrow(OidcError);
    await expect(refusal).rejects.toThrow(/Discovery/);

    const provider = await startTestOidcProvider(providerOptions({ port }));
    try {
      expect(provider.issuer).toBe(`http://127.0.0.1:${port}`);
      const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
      await expect(client.finishLogin(callbackUrl, start)).resolves.toMatchObject({ subject: 'u-anna' });
    } finally {
      await provider.close();
    }
  });

  it('reports a provider that went down between the redirect and the callback', async () => {
    const provider = await startTestOidcProvider(providerOptions());
    const client = clientFor(provider.issuer);
    const { start, callbackUrl } = await logIn(client, 'anna@gemeente.example');
    await provider.close();

    await expect(client.finishLogin(callbackUrl, start)).rejects.toThrow(OidcError);
  });
});
