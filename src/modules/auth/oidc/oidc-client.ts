/**
 * Single sign-on with a municipality's own identity provider through OpenID Connect: authorization code flow
 * with PKCE (S256), state and nonce. Routes keep the values of startLogin() in a short-lived server-side
 * record and hand them back to finishLogin() on the callback.
 */
import * as oidc from 'openid-client';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  scopes?: string;
  /** Only for tests on http://127.0.0.1; refused for any other host. */
  allowInsecureHttp?: boolean;
}

export interface OidcLoginStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  subject: string;
  issuer: string;
  email: string;
  /** False too when the provider says nothing (Entra ID sends no email_verified); only an explicit false is refused. */
  emailVerified: boolean;
  naam?: string;
}

/** Any failed step of an OpenID Connect login; the message is English and meant for the log, not the user. */
export class OidcError extends Error {
  override name = 'OidcError';
}

const DEFAULT_SCOPES = 'openid email profile';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** Seconds; openid-client's default of 30 would keep a login page hanging when the provider is unreachable. */
const REQUEST_TIMEOUT = 10;

/** An OpenID Connect relying party for one provider and one registered client. */
export class OidcClient {
  readonly #settings: OidcSettings;
  #configuration: Promise<oidc.Configuration> | undefined;

  /** Discovers the provider lazily (first use) and caches the configuration; a failed discovery is retried on the next call. */
  constructor(settings: OidcSettings) {
    const issuer = parseUrl(settings.issuer, 'issuer');
    parseUrl(settings.redirectUri, 'redirectUri');
    if (settings.allowInsecureHttp && !LOOPBACK_HOSTS.has(issuer.hostname)) {
      // A flag meant for tests must never switch off TLS towards a real provider.
      throw new OidcError(`allowInsecureHttp is only allowed for a loopback issuer, not ${issuer.host}`);
    }
    this.#settings = { ...settings };
  }

  /** Builds the authorization URL with fresh state, nonce and PKCE verifier; the caller stores the three values. */
  async startLogin(): Promise<OidcLoginStart> {
    const configuration = await this.#discovered();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.#settings.redirectUri,
      scope: withOpenid(this.#settings.scopes ?? DEFAULT_SCOPES),
      response_type: 'code',
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code at the callback URL (full URL incl. query), checking state, nonce and PKCE; rejects with OidcError on any failure or when the provider gives no e-mail. */
  async finishLogin(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<OidcIdentity> {
    const configuration = await this.#discovered();

    // openid-client sends the callback URL without its query as redirect_uri; behind a proxy the URL a route
    // rebuilds can differ in scheme or host from the registered one, so only the query is taken from it.
    const currentUrl = new URL(this.#settings.redirectUri);
    currentUrl.search = callbackUrl.search;

    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        pkceCodeVerifier: expected.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      throw new OidcError(`The authorization code exchange failed: ${explain(error)}`, { cause: error });
    }

    const idToken = tokens.claims();
    if (!idToken) throw new OidcError('The provider returned no ID token');

    let claims: Record<string, unknown> = idToken;
    // Most providers only put scope claims in the ID token for implicit flows; the code flow gets them here.
    if (typeof idToken.email !== 'string') {
      try {
        claims = { ...idToken, ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)) };
      } catch (error) {
        throw new OidcError(`The userinfo request failed: ${explain(error)}`, { cause: error });
      }
    }

    const email = typeof claims.email === 'string' ? claims.email.trim() : '';
    if (!email.includes('@')) {
      throw new OidcError(
        `The provider gave no e-mail address for subject ${idToken.sub} (is the "email" scope granted?)`,
      );
    }
    // Some providers (e.g. Cognito) send booleans as strings; absent means unknown, which the caller may accept.
    const verified = claims.email_verified;
    if (verified === false || verified === 'false') {
      throw new OidcError(`The provider says the e-mail address of subject ${idToken.sub} is not verified`);
    }

    const naam = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : undefined;
    return {
      subject: idToken.sub,
      issuer: idToken.iss,
      email,
      emailVerified: verified === true || verified === 'true',
      ...(naam === undefined ? {} : { naam }),
    };
  }

  #discovered(): Promise<oidc.Configuration> {
    if (!this.#configuration) {
      const attempt = this.#discover();
      this.#configuration = attempt;
      // Forget a failed attempt so that a provider that was down is asked again on the next login.
      attempt.catch(() => {
        if (this.#configuration === attempt) this.#configuration = undefined;
      });
    }
    return this.#configuration;
  }

  async #discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret, allowInsecureHttp } = this.#settings;
    try {
      return await oidc.discovery(
        new URL(issuer),
        clientId,
        clientSecret === undefined ? undefined : { client_secret: clientSecret },
        clientSecret === undefined ? oidc.None() : clientSecretAuth(clientSecret),
        {
          timeout: REQUEST_TIMEOUT,
          // Marked deprecated only to stand out; the constructor limits it to a loopback issuer.
          execute: allowInsecureHttp ? [oidc.allowInsecureRequests] : [],
        },
      );
    } catch (error) {
      throw new OidcError(`Discovery of OpenID provider ${issuer} failed: ${explain(error)}`, { cause: error });
    }
  }
}

/**
 * client_secret_basic unless the provider only offers client_secret_post; discovery says which, and
 * OpenID Connect Discovery makes basic the default when the provider lists nothing.
 */
function clientSecretAuth(clientSecret: string): oidc.ClientAuth {
  const basic = oidc.ClientSecretBasic(clientSecret);
  const post = oidc.ClientSecretPost(clientSecret);
  return (as, client, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported;
    const usePost =
      Array.isArray(methods) && !methods.includes('client_secret_basic') && methods.includes('client_secret_post');
    return (usePost ? post : basic)(as, client, body, headers);
  };
}

/** Without `openid` the provider treats the request as plain OAuth and sends no ID token, so it is always asked. */
function withOpenid(scopes: string): string {
  const list = scopes.split(/\s+/).filter(Boolean);
  return (list.includes('openid') ? list : ['openid', ...list]).join(' ');
}

function parseUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch (error) {
    throw new OidcError(`OIDC setting ${name} is not a URL: ${value}`, { cause: error });
  }
}

/** One line for the log, with the provider's error code where there is one. */
function explain(error: unknown): string {
  if (error instanceof oidc.AuthorizationResponseError || error instanceof oidc.ResponseBodyError) {
    const status = error instanceof oidc.ResponseBodyError ? `HTTP ${error.status} ` : '';
    const description = error.error_description ? ` (${error.error_description})` : '';
    return `provider answered ${status}${error.error}${description}`;
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    const challenge = error.cause[0];
    const code = challenge?.parameters.error ?? challenge?.scheme ?? 'a challenge';
    return `provider answered HTTP ${error.status} ${code}`;
  }
  if (error instanceof Error) {
    // openid-client wraps the precise reason (which parameter, which claim) in `cause`.
    const cause = error.cause instanceof Error && error.cause.message !== error.message ? error.cause.message : '';
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return String(error);
}
