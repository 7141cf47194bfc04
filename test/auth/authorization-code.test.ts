/**
 * AuthorizationCodeCredentials on its own: the PKCE values, the authorize URL, the callback's
 * state check, one exchange per code, refresh ahead of expiry (one for concurrent calls), where
 * tokens are kept, sign-out, and option checks. The token endpoint is an injected fetch that
 * records every request.
 */
import { jest } from '@jest/globals';
import { AuthorizationCodeCredentials, type AuthorizationCodeCredentialsInit, type TokenStorage } from '../../src/auth/authorization-code.js';
import { pkceChallenge, randomBase64Url } from '../../src/auth/pkce.js';
import { BadRequestError, LasError, MissingCredentialsError, ValidationError } from '../../src/errors.js';
import { Las } from '../../src/las.js';
import { thrown } from '../helpers/thrown.js';

const AUTH = 'http://auth.test';
const REDIRECT = 'https://app.test/callback';
const SIGN_IN_KEY = 'las-sdk:client-1:sign-in';
const TOKENS_KEY = 'las-sdk:client-1:tokens';

interface Sent {
  url: string;
  method: string;
  contentType: string | null;
  form: Record<string, string>;
}

/** A token endpoint: answers each request with the next reply, recording what was sent. */
function tokenEndpoint(...replies: (Record<string, unknown> | [number, unknown] | Promise<Record<string, unknown>>)[]) {
  const sent: Sent[] = [];
  const fetch = jest.fn(async (input: string | URL | Request, request?: RequestInit) => {
    const headers = new Headers(request?.headers);
    sent.push({
      url: String(input),
      method: request?.method ?? 'GET',
      contentType: headers.get('content-type'),
      form: Object.fromEntries(new URLSearchParams(String(request?.body))),
    });
    const next = await replies.shift();
    if (next === undefined) throw new Error('unexpected token request');
    const [status, body] = Array.isArray(next) ? next : [200, next];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, sent };
}

function memoryStorage(): TokenStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function make(extra: Partial<AuthorizationCodeCredentialsInit> = {}) {
  const navigated: string[] = [];
  const storage = memoryStorage();
  const credentials = new AuthorizationCodeCredentials({
    clientId: 'client-1',
    authEndpoint: AUTH,
    apiEndpoint: 'https://api.test/v1',
    redirectUri: REDIRECT,
    storage,
    navigate: (url) => void navigated.push(url),
    ...extra,
  });
  return { credentials, navigated, storage };
}

/** Signs in and returns the callback URL the auth server would send the browser to. */
async function startSignIn(credentials: AuthorizationCodeCredentials, navigated: string[], code = 'code-1'): Promise<string> {
  await credentials.signIn();
  const state = new URL(navigated.at(-1) as string).searchParams.get('state');
  return `${REDIRECT}?code=${code}&state=${state}`;
}

const TOKENS = { access_token: 'access-1', expires_in: 3600, refresh_token: 'refresh-1', token_type: 'Bearer' };

afterEach(() => jest.restoreAllMocks());

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', () => {
    const a = randomBase64Url(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomBase64Url(32)).not.toBe(a);
  });
});

describe('signIn', () => {
  it('navigates to the authorize page with the challenge of the verifier it keeps, and a state', async () => {
    const { credentials, navigated, storage } = make({ authEndpoint: 'auth.test' });
    await credentials.signIn();
    expect(navigated).toHaveLength(1);
    const url = new URL(navigated[0]);
    expect(`${url.origin}${url.pathname}`).toBe('https://auth.test/oauth2/authorize');
    const pending = JSON.parse(storage.getItem(SIGN_IN_KEY) as string) as { state: string; verifier: string };
    expect(pending.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: REDIRECT,
      code_challenge_method: 'S256',
      code_challenge: await pkceChallenge(pending.verifier),
      state: pending.state,
    });
    expect(pending.state.length).toBeGreaterThanOrEqual(20);
  });

  it('without navigate and without a location, refuses before keeping anything', async () => {
    const storage = memoryStorage();
    const credentials = new AuthorizationCodeCredentials({ clientId: 'client-1', authEndpoint: AUTH, apiEndpoint: 'https://api.test/v1', redirectUri: REDIRECT, storage });
    await expect(credentials.signIn()).rejects.toThrow(ValidationError);
    expect(storage.items.size).toBe(0);
  });
});

describe('in a browser window', () => {
  afterEach(() => delete (globalThis as { location?: unknown }).location);

  it('navigates with location.assign and reads the callback from location.href', async () => {
    const assigned: string[] = [];
    const location = { href: 'https://app.test/', assign: (url: string) => void assigned.push(url) };
    (globalThis as { location?: unknown }).location = location;
    const endpoint = tokenEndpoint(TOKENS, {});
    const credentials = new AuthorizationCodeCredentials({ clientId: 'client-1', authEndpoint: AUTH, apiEndpoint: 'https://api.test/v1', redirectUri: REDIRECT, storage: memoryStorage(), fetch: endpoint.fetch });
    expect(await credentials.handleRedirect()).toBe(false);
    await credentials.signIn();
    expect(assigned[0]).toMatch(/^http:\/\/auth\.test\/oauth2\/authorize\?/);
    location.href = `${REDIRECT}?code=code-1&state=${new URL(assigned[0]).searchParams.get('state')}`;
    expect(await credentials.handleRedirect()).toBe(true);
    await credentials.signOut({ logoutUri: 'https://app.test/' });
    expect(assigned[1]).toBe(`${AUTH}/logout?client_id=client-1&logout_uri=https%3A%2F%2Fapp.test%2F`);
  });
});

describe('handleRedirect', () => {
  it('exchanges the code with the verifier (form POST) and keeps the tokens', async () => {
    const endpoint = tokenEndpoint(TOKENS);
    const { credentials, navigated, storage } = make({ fetch: endpoint.fetch });
    const callback = await startSignIn(credentials, navigated);
    const { verifier } = JSON.parse(storage.getItem(SIGN_IN_KEY) as string) as { verifier: string };
    expect(credentials.isSignedIn()).toBe(false);
    expect(await credentials.handleRedirect(callback)).toBe(true);
    expect(endpoint.sent).toEqual([
      {
        url: `${AUTH}/oauth2/token`,
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded',
        form: { grant_type: 'authorization_code', code: 'code-1', client_id: 'client-1', redirect_uri: REDIRECT, code_verifier: verifier },
      },
    ]);
    expect(credentials.isSignedIn()).toBe(true);
    expect(await credentials.getAccessToken()).toBe('access-1');
    expect(storage.getItem(SIGN_IN_KEY)).toBeNull();
    expect(endpoint.sent).toHaveLength(1);
  });

  it('refuses a callback whose state is not the one signIn kept, sends nothing, and lets the real callback through', async () => {
    const endpoint = tokenEndpoint(TOKENS);
    const { credentials, navigated } = make({ fetch: endpoint.fetch });
    const callback = await startSignIn(credentials, navigated);
    await expect(credentials.handleRedirect(`${REDIRECT}?code=evil&state=forged`)).rejects.toThrow(/state/);
    await expect(credentials.handleRedirect(`${REDIRECT}?code=evil`)).rejects.toThrow(LasError);
    expect(endpoint.sent).toHaveLength(0);
    expect(await credentials.handleRedirect(callback)).toBe(true);
  });

  it('refuses a callback when no sign-in was started here', async () => {
    const endpoint = tokenEndpoint(TOKENS);
    const { credentials } = make({ fetch: endpoint.fetch });
    await expect(credentials.handleRedirect(`${REDIRECT}?code=c&state=s`)).rejects.toThrow(/state/);
    expect(endpoint.sent).toHaveLength(0);
  });

  it('exchanges a code once: a second call shares the first exchange, another instance is refused', async () => {
    const endpoint = tokenEndpoint(TOKENS);
    const { credentials, navigated, storage } = make({ fetch: endpoint.fetch });
    const callback = await startSignIn(credentials, navigated);
    const [first, second] = await Promise.all([credentials.handleRedirect(callback), credentials.handleRedirect(callback)]);
    expect([first, second]).toEqual([true, true]);
    expect(await credentials.handleRedirect(callback)).toBe(true);
    const reloaded = new AuthorizationCodeCredentials({ clientId: 'client-1', authEndpoint: AUTH, apiEndpoint: 'https://api.test/v1', redirectUri: REDIRECT, storage, fetch: endpoint.fetch });
    await expect(reloaded.handleRedirect(callback)).rejects.toThrow(/state/);
    expect(endpoint.sent).toHaveLength(1);
    expect(reloaded.isSignedIn()).toBe(true);
  });

  it('answers false, sending nothing, for a page that is not the callback or has no code', async () => {
    const endpoint = tokenEndpoint();
    const { credentials, navigated } = make({ fetch: endpoint.fetch });
    await startSignIn(credentials, navigated);
    expect(await credentials.handleRedirect(REDIRECT)).toBe(false);
    expect(await credentials.handleRedirect('https://app.test/other?code=c&state=s')).toBe(false);
    expect(await credentials.handleRedirect('https://elsewhere.test/callback?code=c&state=s')).toBe(false);
    expect(endpoint.sent).toHaveLength(0);
    await expect(credentials.handleRedirect('not a url')).rejects.toThrow(ValidationError);
  });

  it('reports a refused sign-in (error in the callback) with its code', async () => {
    const { credentials, navigated } = make();
    await credentials.signIn();
    const state = new URL(navigated[0]).searchParams.get('state');
    await expect(credentials.handleRedirect(`${REDIRECT}?error=access_denied&error_description=no&state=${state}`)).rejects.toThrow('Sign-in failed: access_denied (no)');
    expect(credentials.isSignedIn()).toBe(false);
  });

  it('rejects with the API error when the token endpoint refuses the code, without echoing the code', async () => {
    const endpoint = tokenEndpoint([400, { error: 'invalid_grant', message: 'code code-1 was already used' }]);
    const { credentials, navigated } = make({ fetch: endpoint.fetch });
    const callback = await startSignIn(credentials, navigated);
    const error = (await thrown(credentials.handleRedirect(callback))) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.status).toBe(400);
    expect(error.message).not.toContain('code-1');
    expect(credentials.isSignedIn()).toBe(false);
  });
});

describe('getAccessToken', () => {
  async function signedIn(...replies: Parameters<typeof tokenEndpoint>) {
    const endpoint = tokenEndpoint(TOKENS, ...replies);
    const made = make({ fetch: endpoint.fetch });
    await made.credentials.handleRedirect(await startSignIn(made.credentials, made.navigated));
    return { ...made, endpoint };
  }

  it('refreshes with the refresh token 60 s before the access token expires, not earlier', async () => {
    const start = Date.now();
    const now = jest.spyOn(Date, 'now').mockReturnValue(start);
    const { credentials, endpoint } = await signedIn({ access_token: 'access-2', expires_in: 3600 });
    now.mockReturnValue(start + (3600 - 61) * 1000);
    expect(await credentials.getAccessToken()).toBe('access-1');
    expect(endpoint.sent).toHaveLength(1);
    now.mockReturnValue(start + (3600 - 59) * 1000);
    expect(await credentials.getAccessToken()).toBe('access-2');
    expect(endpoint.sent[1]).toEqual({
      url: `${AUTH}/oauth2/token`,
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      form: { grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'client-1' },
    });
    // The reply had no new refresh token: the old one is kept for the next refresh.
    expect(credentials.isSignedIn()).toBe(true);
    expect(await credentials.getAccessToken()).toBe('access-2');
    expect(endpoint.sent).toHaveLength(2);
  });

  it('takes a refresh reply that hands the same refresh token back', async () => {
    const { credentials } = await signedIn({ access_token: 'access-2', expires_in: 3600, refresh_token: 'refresh-1' });
    credentials.invalidate('access-1');
    expect(await credentials.getAccessToken()).toBe('access-2');
  });

  it('shares one refresh between concurrent calls', async () => {
    const start = Date.now();
    const now = jest.spyOn(Date, 'now').mockReturnValue(start);
    let answer!: (reply: Record<string, unknown>) => void;
    const { credentials, endpoint } = await signedIn(new Promise((resolve) => (answer = resolve)));
    now.mockReturnValue(start + 3600 * 1000);
    const calls = Array.from({ length: 5 }, () => credentials.getAccessToken());
    answer({ access_token: 'access-2', expires_in: 3600, refresh_token: 'refresh-2' });
    expect(await Promise.all(calls)).toEqual(Array(5).fill('access-2'));
    expect(endpoint.sent).toHaveLength(2);
  });

  it('gets a new token after invalidate(refused token), and ignores an older refused one', async () => {
    const { credentials, endpoint } = await signedIn({ access_token: 'access-2', expires_in: 3600 });
    credentials.invalidate('some-older-token');
    expect(await credentials.getAccessToken()).toBe('access-1');
    credentials.invalidate('access-1');
    expect(await credentials.getAccessToken()).toBe('access-2');
    expect(endpoint.sent.map((sent) => sent.form.grant_type)).toEqual(['authorization_code', 'refresh_token']);
  });

  it('signs out when the refresh token is refused, and says to sign in again', async () => {
    const { credentials } = await signedIn([400, { error: 'invalid_grant' }]);
    credentials.invalidate('access-1');
    await expect(credentials.getAccessToken()).rejects.toThrow(MissingCredentialsError);
    expect(credentials.isSignedIn()).toBe(false);
  });

  it('rejects with MissingCredentialsError when nobody signed in', async () => {
    await expect(make().credentials.getAccessToken()).rejects.toThrow(MissingCredentialsError);
  });
});

describe('storage', () => {
  const globals = globalThis as { sessionStorage?: TokenStorage; localStorage?: TokenStorage };
  afterEach(() => {
    delete globals.sessionStorage;
    delete globals.localStorage;
  });

  async function signInWith(storage?: TokenStorage) {
    const endpoint = tokenEndpoint(TOKENS);
    const navigated: string[] = [];
    const credentials = new AuthorizationCodeCredentials({
      clientId: 'client-1',
      authEndpoint: AUTH,
      apiEndpoint: 'https://api.test/v1',
      redirectUri: REDIRECT,
      navigate: (url) => void navigated.push(url),
      fetch: endpoint.fetch,
      ...(storage && { storage }),
    });
    expect(await credentials.handleRedirect(await startSignIn(credentials, navigated))).toBe(true);
    return credentials;
  }

  it('keeps tokens in sessionStorage by default, never in localStorage', async () => {
    globals.sessionStorage = memoryStorage();
    globals.localStorage = memoryStorage();
    await signInWith();
    expect(JSON.parse(globals.sessionStorage.getItem(TOKENS_KEY) as string)).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1' });
    expect((globals.localStorage as ReturnType<typeof memoryStorage>).items.size).toBe(0);
  });

  it('keeps tokens in memory when there is no sessionStorage, still not in localStorage', async () => {
    globals.localStorage = memoryStorage();
    const credentials = await signInWith();
    expect(await credentials.getAccessToken()).toBe('access-1');
    expect((globals.localStorage as ReturnType<typeof memoryStorage>).items.size).toBe(0);
  });

  it('uses localStorage when it is passed', async () => {
    globals.sessionStorage = memoryStorage();
    globals.localStorage = memoryStorage();
    await signInWith(globals.localStorage);
    expect(globals.localStorage.getItem(TOKENS_KEY)).not.toBeNull();
    expect((globals.sessionStorage as ReturnType<typeof memoryStorage>).items.size).toBe(0);
  });

  it('counts a corrupt entry as signed out', () => {
    const { credentials, storage } = make();
    storage.setItem(TOKENS_KEY, '{not json');
    expect(credentials.isSignedIn()).toBe(false);
  });
});

describe('signOut', () => {
  it('revokes the refresh token, clears the storage and navigates to the logout URL', async () => {
    const endpoint = tokenEndpoint(TOKENS, {});
    const { credentials, navigated, storage } = make({ fetch: endpoint.fetch, authEndpoint: 'auth.test' });
    await credentials.handleRedirect(await startSignIn(credentials, navigated));
    await credentials.signIn();
    await credentials.signOut({ logoutUri: 'https://app.test/' });
    expect(storage.items.size).toBe(0);
    expect(credentials.isSignedIn()).toBe(false);
    expect(navigated.at(-1)).toBe('https://auth.test/logout?client_id=client-1&logout_uri=https%3A%2F%2Fapp.test%2F');
    expect(endpoint.sent.at(-1)).toEqual({
      url: 'https://auth.test/oauth2/revoke',
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      form: { token: 'refresh-1', client_id: 'client-1' },
    });
  });

  it('without logoutUri only forgets and revokes the tokens; a bad logoutUri is refused before anything', async () => {
    const endpoint = tokenEndpoint({});
    const { credentials, navigated, storage } = make({ fetch: endpoint.fetch });
    storage.setItem(TOKENS_KEY, JSON.stringify({ accessToken: 'a', refreshToken: 'r', staleAt: 0 }));
    await expect(credentials.signOut({ logoutUri: 'javascript:alert(1)' })).rejects.toThrow('signOut: logoutUri must be an http(s) URL');
    await expect(credentials.signOut({ logoutUrl: 'https://app.test/' } as never)).rejects.toThrow(/unknown option "logoutUrl"/);
    expect(credentials.isSignedIn()).toBe(true);
    expect(endpoint.sent).toHaveLength(0);
    await credentials.signOut();
    expect(credentials.isSignedIn()).toBe(false);
    expect(navigated).toHaveLength(0);
    expect(endpoint.sent.map((request) => request.form)).toEqual([{ token: 'r', client_id: 'client-1' }]);
  });
});

describe('options', () => {
  const init: AuthorizationCodeCredentialsInit = { clientId: 'c', authEndpoint: AUTH, apiEndpoint: 'https://api.test/v1', redirectUri: REDIRECT };

  it.each([
    [{ ...init, clientSecret: 'x' }, /unknown option "clientSecret"/],
    [{ ...init, redirectUri: undefined }, /redirectUri is required/],
    [{ ...init, clientId: ' ' }, /clientId must be a non-empty string/],
    [{ ...init, authEndpoint: 'ftp://x' }, /authEndpoint must be a host/],
    [{ ...init, redirectUri: '/callback' }, /redirectUri must be an http\(s\) URL/],
    [{ ...init, storage: { getItem() {}, setItem() {} } }, /storage must be an object with getItem, setItem and removeItem/],
    [{ ...init, navigate: 'location' }, /navigate must be a function/],
    [{ ...init, fetch: {} }, /fetch must be a function/],
  ])('refuses %o with a ValidationError naming the option', (options, message) => {
    const build = () => new AuthorizationCodeCredentials(options as AuthorizationCodeCredentialsInit);
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(message);
  });

  it('is taken by new Las({ credentials }), which gets its apiEndpoint and tokens from it', async () => {
    const credentials = new AuthorizationCodeCredentials(init);
    expect(() => new Las({ credentials })).not.toThrow();
    expect(() => new Las({ credentials: { getAccessToken: async () => 't', apiEndpoint: 'https://api.test/v1' } as never })).toThrow(
      'new Las: credentials must be a Credentials or AuthorizationCodeCredentials instance',
    );
  });
});
