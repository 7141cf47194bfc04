/**
 * Sign-in of a person in a browser: OAuth2 authorization code with PKCE (S256), as the service's
 * auth server does it. Uses WebCrypto, the global `fetch` and web storage only: no Node module.
 */
import { ApiError, BadRequestError, ConnectionError, InvalidCredentialsError, LasError, MissingCredentialsError, TimeoutError, ValidationError } from '../errors.js';
import { checkOptions, option, type OptionCheck } from '../options.js';
import { authBaseUrl } from './auth-endpoint.js';
import { userOfIdToken, type SignedInUser } from './id-token.js';
import { pkceChallenge, randomBase64Url } from './pkce.js';
import type { TokenProvider } from './token-provider.js';

/** Where tokens and a sign-in in progress are kept: `sessionStorage`, `localStorage` or anything with the same three methods. */
export interface TokenStorage {
  /** The value under `key`, or null. */
  getItem(key: string): string | null;
  /** Keeps `value` under `key`. */
  setItem(key: string, value: string): void;
  /** Forgets `key`. */
  removeItem(key: string): void;
}

/** What an {@link AuthorizationCodeCredentials} is built from. */
export interface AuthorizationCodeCredentialsInit {
  /** An app client whose `callbackUrls` hold `redirectUri` (and whose `logoutUrls` hold the sign-out page). */
  clientId: string;
  /** Host (`auth.lucidtech.ai`) or full URL (`http://127.0.0.1:4010`) of the auth server. */
  authEndpoint: string;
  /** Base URL of the API; its path is kept (`https://api.lucidtech.ai/v1`). */
  apiEndpoint: string;
  /** The page the auth server sends the browser back to, with `code` and `state`. */
  redirectUri: string;
  /** Default `sessionStorage` when there is one, else memory. Tokens go to `localStorage` only if it is passed here. */
  storage?: TokenStorage;
  /** Goes to a URL (the authorize and logout pages). Default `location.assign`. */
  navigate?: (url: string) => void | Promise<void>;
  /** Used for the token requests instead of the global `fetch`. */
  fetch?: typeof fetch;
}

/** Options of {@link AuthorizationCodeCredentials.signOut}. */
export interface SignOutOptions {
  /** Where the auth server sends the browser after signing out: one of the app client's `logoutUrls`. */
  logoutUri?: string;
}

interface StoredTokens {
  accessToken: string;
  refreshToken?: string;
  /** The auth server's ID token: who signed in. */
  idToken?: string;
  /** Epoch ms after which the access token is no longer handed out (ahead of its real expiry). */
  staleAt: number;
}

interface PendingSignIn {
  state: string;
  verifier: string;
}

interface BrowserLocation {
  href: string;
  assign(url: string): void;
}

const REQUIRED = ['clientId', 'authEndpoint', 'apiEndpoint', 'redirectUri'] as const;
const STORAGE_METHODS = ['getItem', 'setItem', 'removeItem'] as const;
const storageCheck: OptionCheck = (value) =>
  typeof value === 'object' && value !== null && STORAGE_METHODS.every((name) => typeof (value as Record<string, unknown>)[name] === 'function')
    ? undefined
    : 'must be an object with getItem, setItem and removeItem methods (sessionStorage, for one)';
// One line per option: the compiler insists every field of AuthorizationCodeCredentialsInit has its check.
const OPTIONS = {
  clientId: option.text,
  authEndpoint: option.hostOrHttpUrl,
  apiEndpoint: option.httpUrl,
  redirectUri: option.httpUrl,
  storage: storageCheck,
  navigate: option.function,
  fetch: option.function,
} satisfies Record<keyof AuthorizationCodeCredentialsInit, OptionCheck>;
const SIGN_OUT_OPTIONS = { logoutUri: option.httpUrl } satisfies Record<keyof SignOutOptions, OptionCheck>;
const EARLY_EXPIRY_MS = 60_000;
const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

/**
 * A person's sign-in through the auth server's pages (authorization code with PKCE): hands out their
 * access token, refreshed with the refresh token before it expires. Give it to `new Las({ credentials })`.
 */
export class AuthorizationCodeCredentials implements TokenProvider {
  /** The app client's id. */
  readonly clientId: string;
  /** Auth server host or URL, as given. */
  readonly authEndpoint: string;
  /** API base URL, as given. */
  readonly apiEndpoint: string;
  /** The callback page, as given. */
  readonly redirectUri: string;

  #storage: TokenStorage;
  #navigate: ((url: string) => void | Promise<void>) | undefined;
  #fetch: typeof fetch | undefined;
  #refreshing: Promise<string> | undefined;
  #exchange: { code: string; done: Promise<boolean> } | undefined;

  /** Throws `ValidationError` naming the option for a missing, unknown or invalid one. */
  constructor(init: AuthorizationCodeCredentialsInit) {
    const options = checkOptions('new AuthorizationCodeCredentials', init, OPTIONS);
    const missing = REQUIRED.find((name) => options[name] === undefined);
    if (missing) throw new ValidationError(`new AuthorizationCodeCredentials: ${missing} is required`);
    this.clientId = options.clientId as string;
    this.authEndpoint = options.authEndpoint as string;
    this.apiEndpoint = options.apiEndpoint as string;
    this.redirectUri = options.redirectUri as string;
    this.#storage = options.storage ?? sessionStorageOrMemory();
    this.#navigate = options.navigate;
    this.#fetch = options.fetch;
  }

  /**
   * Starts a sign-in: keeps a new PKCE verifier and `state` in the storage, then navigates to
   * `GET {auth}/oauth2/authorize`. The auth server sends the browser back to `redirectUri`. It asks
   * for no `scope`: the auth server then grants all of the app client's scopes, `openid` (the ID
   * token behind {@link user}) among them, where naming some would narrow the access token to those.
   */
  async signIn(): Promise<void> {
    const navigate = this.#navigator('signIn');
    const verifier = randomBase64Url(32);
    const state = randomBase64Url(16);
    const pending: PendingSignIn = { state, verifier };
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      code_challenge_method: 'S256',
      code_challenge: await pkceChallenge(verifier),
      state,
    });
    this.#storage.setItem(this.#key('sign-in'), JSON.stringify(pending));
    await navigate(`${authBaseUrl(this.authEndpoint)}/oauth2/authorize?${query}`);
  }

  /**
   * On the callback page: exchanges the `code` in `url` for tokens (`POST {auth}/oauth2/token`)
   * and resolves true; false when `url` is not `redirectUri` with a `code` or an `error`. Rejects
   * when its `state` is not the one {@link signIn} kept (a forged callback), when the auth server
   * refused the sign-in, and when the exchange fails. A code is exchanged once: calling again with
   * the same URL on this instance shares the first exchange.
   */
  async handleRedirect(url?: string): Promise<boolean> {
    const href = url ?? browserLocation()?.href;
    if (href === undefined) throw new ValidationError('handleRedirect: pass the callback URL (there is no location here)');
    let callback: URL;
    try {
      callback = new URL(href);
    } catch {
      throw new ValidationError('handleRedirect: url must be an absolute URL');
    }
    const expected = new URL(this.redirectUri);
    const params = callback.searchParams;
    const code = params.get('code');
    const error = params.get('error');
    if (callback.origin + callback.pathname !== expected.origin + expected.pathname || (code === null && error === null)) return false;
    if (code !== null && this.#exchange?.code === code) return this.#exchange.done;
    const pending = readJson(this.#storage, this.#key('sign-in'), isPendingSignIn);
    if (!pending || params.get('state') !== pending.state) {
      // A forged callback leaves the sign-in in progress alone: the real one may still arrive.
      throw new LasError('handleRedirect: the state of the callback is not the one signIn() kept: refused (start again with signIn())');
    }
    this.#storage.removeItem(this.#key('sign-in'));
    if (code === null) {
      const description = params.get('error_description');
      throw new LasError(`Sign-in failed: ${error}${description ? ` (${description})` : ''}`);
    }
    const done = this.#requestTokens({
      grant_type: 'authorization_code',
      code,
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier,
    }).then((tokens) => {
      this.#writeTokens(tokens);
      return true;
    });
    this.#exchange = { code, done };
    return done;
  }

  /**
   * Who is signed in: `sub` (the user id) and `email`, read from the ID token the auth server
   * answered with the tokens (it does when the sign-in's scope has `openid`, as the service's app
   * clients grant by default). Undefined when nobody is signed in or there was no ID token. The
   * token is decoded, not verified: use it to tell users apart on this device (what to keep for
   * whom), never to authorize anything; the API checks the access token itself.
   */
  get user(): SignedInUser | undefined {
    const idToken = this.isSignedIn() ? this.#readTokens()?.idToken : undefined;
    return idToken === undefined ? undefined : userOfIdToken(idToken);
  }

  /** Whether a person is signed in: an access token that is still good, or a refresh token. */
  isSignedIn(): boolean {
    const tokens = this.#readTokens();
    return tokens !== undefined && (tokens.refreshToken !== undefined || Date.now() < tokens.staleAt);
  }

  /**
   * A valid access token: the stored one, or a new one from the refresh token
   * (`POST {auth}/oauth2/token`, one request shared by concurrent callers). Rejects with
   * `MissingCredentialsError` when nobody is signed in, or the refresh token was refused.
   */
  async getAccessToken(): Promise<string> {
    const tokens = this.#readTokens();
    if (tokens && Date.now() < tokens.staleAt) return tokens.accessToken;
    const refreshToken = tokens?.refreshToken;
    if (refreshToken === undefined) throw new MissingCredentialsError('Not signed in: call signIn(), then handleRedirect() on the callback page');
    this.#refreshing ??= this.#refresh(refreshToken).finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  /** Forgets the access token the API refused (the refresh token is kept), so the next call gets a new one. */
  invalidate(token?: string): void {
    const tokens = this.#readTokens();
    if (!tokens || (token !== undefined && tokens.accessToken !== token)) return;
    if (tokens.refreshToken === undefined) this.#storage.removeItem(this.#key('tokens'));
    else this.#writeTokens({ accessToken: '', refreshToken: tokens.refreshToken, ...(tokens.idToken !== undefined && { idToken: tokens.idToken }), staleAt: 0 });
  }

  /**
   * Signs out: removes the tokens and any sign-in in progress from the storage, revokes the refresh
   * token (`POST {auth}/oauth2/revoke`, form `token` and `client_id`: the auth server then refuses it
   * and the access tokens issued with it), then, given a `logoutUri`, navigates to
   * `GET {auth}/logout?client_id&logout_uri` to end the auth server's session too. When the
   * revocation fails the tokens are forgotten all the same and the call rejects, saying so, without
   * navigating.
   */
  async signOut(options: SignOutOptions = {}): Promise<void> {
    const { logoutUri } = checkOptions('signOut', options, SIGN_OUT_OPTIONS);
    const navigate = logoutUri === undefined ? undefined : this.#navigator('signOut');
    const refreshToken = this.#readTokens()?.refreshToken;
    this.#storage.removeItem(this.#key('tokens'));
    this.#storage.removeItem(this.#key('sign-in'));
    if (refreshToken !== undefined) {
      try {
        await this.#post('/oauth2/revoke', { token: refreshToken, client_id: this.clientId }, [refreshToken]);
      } catch (error) {
        throw new LasError(`signOut: the tokens are forgotten here, but the auth server did not revoke the sign-in: ${(error as Error).message}`, { cause: error });
      }
    }
    if (navigate === undefined || logoutUri === undefined) return;
    const query = new URLSearchParams({ client_id: this.clientId, logout_uri: logoutUri });
    await navigate(`${authBaseUrl(this.authEndpoint)}/logout?${query}`);
  }

  async #refresh(refreshToken: string): Promise<string> {
    let tokens: StoredTokens;
    try {
      tokens = await this.#requestTokens({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: this.clientId }, this.#readTokens()?.idToken);
    } catch (error) {
      if (error instanceof BadRequestError || error instanceof InvalidCredentialsError) {
        if (this.#readTokens()?.refreshToken === refreshToken) this.#storage.removeItem(this.#key('tokens'));
        throw new MissingCredentialsError('The sign-in has expired or was revoked: call signIn() again', { cause: error });
      }
      throw error;
    }
    // Signed out (or in again) meanwhile: that newer state wins.
    const kept = this.#readTokens();
    if (kept?.refreshToken === refreshToken) {
      const idToken = tokens.idToken ?? kept.idToken;
      this.#writeTokens({ ...tokens, refreshToken: tokens.refreshToken ?? refreshToken, ...(idToken !== undefined && { idToken }) });
    }
    return tokens.accessToken;
  }

  // The ID token is not sent, but an auth server echoing it back would put it in the error: withheld too.
  async #requestTokens(form: Record<string, string>, idToken?: string): Promise<StoredTokens> {
    const secrets = [form.code, form.code_verifier, form.refresh_token, idToken].filter((value): value is string => typeof value === 'string');
    const { url, body } = await this.#post('/oauth2/token', form, secrets);
    const reply = body as { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown; id_token?: unknown } | null;
    if (typeof reply?.access_token !== 'string' || reply.access_token === '') throw new LasError(`POST ${url} replied without an access_token`);
    const expiresIn = Number(reply.expires_in ?? 3600);
    const lifeMs = Number.isFinite(expiresIn) ? Math.max(0, expiresIn * 1000) : 3_600_000;
    // Refresh ahead of expiry so a token never dies in flight; short-lived tokens at half their life.
    const margin = lifeMs < 2 * EARLY_EXPIRY_MS ? lifeMs / 2 : EARLY_EXPIRY_MS;
    return {
      accessToken: reply.access_token,
      ...(typeof reply.refresh_token === 'string' && reply.refresh_token !== '' && { refreshToken: reply.refresh_token }),
      ...(typeof reply.id_token === 'string' && reply.id_token !== '' && { idToken: reply.id_token }),
      staleAt: Date.now() + lifeMs - margin,
    };
  }

  // A form POST through fetch; the form holds a code, verifier or token, so no error carries the request.
  async #post(path: string, form: Record<string, string>, secrets: string[]): Promise<{ url: string; body: unknown }> {
    const url = `${authBaseUrl(this.authEndpoint)}${path}`;
    let response: Response;
    let text: string;
    try {
      response = await (this.#fetch ?? globalThis.fetch)(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      if ((error as Error | undefined)?.name === 'TimeoutError') throw new TimeoutError(`POST ${url} timed out`);
      throw new ConnectionError(`Could not reach the auth server at ${url}: ${withheld(rootMessage(error), secrets)}`);
    }
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    if (!response.ok) {
      const requestId = response.headers.get('x-amzn-requestid') ?? response.headers.get('x-request-id') ?? undefined;
      // A misbehaving server could echo the code or refresh token back: keep them out of the error.
      const shown = withheld(text, secrets);
      throw ApiError.from({ status: response.status, method: 'POST', url, body: shown === text ? body : shown, requestId });
    }
    return { url, body };
  }

  #navigator(method: string): (url: string) => void | Promise<void> {
    if (this.#navigate) return this.#navigate;
    const location = browserLocation();
    if (!location) throw new ValidationError(`${method}: there is no location to navigate: pass the navigate option`);
    return (url) => location.assign(url);
  }

  #key(name: 'tokens' | 'sign-in'): string {
    return `las-sdk:${this.clientId}:${name}`;
  }

  #readTokens(): StoredTokens | undefined {
    return readJson(this.#storage, this.#key('tokens'), isStoredTokens);
  }

  #writeTokens(tokens: StoredTokens): void {
    this.#storage.setItem(this.#key('tokens'), JSON.stringify(tokens));
  }
}

function browserLocation(): BrowserLocation | undefined {
  return (globalThis as { location?: BrowserLocation }).location;
}

// sessionStorage dies with the tab, so a token kept there is not left behind on the machine.
function sessionStorageOrMemory(): TokenStorage {
  try {
    const storage = (globalThis as { sessionStorage?: TokenStorage }).sessionStorage;
    if (storage) return storage;
  } catch {
    // storage disabled (a sandboxed frame, privacy settings): memory instead
  }
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

// What storage holds may be stale or written by something else: anything malformed counts as absent.
function readJson<T>(storage: TokenStorage, key: string, fits: (value: unknown) => value is T): T | undefined {
  const text = storage.getItem(key);
  if (text === null) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return fits(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isStoredTokens(value: unknown): value is StoredTokens {
  const tokens = value as Partial<StoredTokens> | null;
  return (
    typeof tokens === 'object' &&
    tokens !== null &&
    typeof tokens.accessToken === 'string' &&
    typeof tokens.staleAt === 'number' &&
    (tokens.refreshToken === undefined || typeof tokens.refreshToken === 'string') &&
    (tokens.idToken === undefined || typeof tokens.idToken === 'string')
  );
}

function isPendingSignIn(value: unknown): value is PendingSignIn {
  const pending = value as Partial<PendingSignIn> | null;
  return typeof pending === 'object' && pending !== null && typeof pending.state === 'string' && typeof pending.verifier === 'string';
}

function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth++) current = current.cause;
  return current instanceof Error ? current.message : String(error);
}

function withheld(text: string, secrets: string[]): string {
  return secrets.some((secret) => secret !== '' && text.includes(secret)) ? '[withheld: it contained the code or a token]' : text;
}
