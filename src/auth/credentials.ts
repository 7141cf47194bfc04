import { readCache, tokenCacheProblem, writeCache } from '#platform/token-cache.js';
import { MissingCredentialsError, ValidationError } from '../errors.js';
import { authBaseUrl } from './auth-endpoint.js';
import { requestClientCredentialsToken } from '../http/token-request.js';
import { checkOptions, option, type OptionCheck } from '../options.js';
import type { ApiVersion } from '../api/versions/index.js';
import type { TokenProvider } from './token-provider.js';

/** What a {@link Credentials} is built from. */
export interface CredentialsInit {
  /** The app client's OAuth client id. */
  clientId: string;
  /** The app client's secret; sent only to the auth server's token endpoint. */
  clientSecret: string;
  /** Host (`auth.lucidtech.ai`) or full URL (`http://127.0.0.1:4010`) of the auth server. */
  authEndpoint: string;
  /** Base URL of the API; its path is kept (`https://api.lucidtech.ai/v1`). */
  apiEndpoint: string;
  /** Sent as `X-Api-Key` when set (and the API version has an api key). */
  apiKey?: string;
  /** The API version `apiEndpoint` is spoken in, when these credentials say (`api_version` in the credentials file); a `Las` option overrides it. */
  apiVersion?: ApiVersion;
  /** Cache the token on disk, keyed by `profile`, so separate processes reuse it. */
  useCache?: boolean;
  /** Key of the disk cache entry (default `default`). */
  profile?: string;
  /** Sends the token requests (a proxy, custom TLS, a test double); default: the `Las` fetch, else the global one. */
  fetch?: typeof fetch;
}

interface CachedToken {
  accessToken: string;
  /** Epoch ms after which the token is no longer handed out (ahead of its real expiry). */
  staleAt: number;
}

interface DiskEntry {
  accessToken: string;
  expiresAt: number;
  clientId: string;
}

const REQUIRED = ['clientId', 'clientSecret', 'authEndpoint', 'apiEndpoint'] as const;
// One line per option: the compiler insists every field of CredentialsInit has its check.
const CREDENTIALS_OPTIONS = {
  clientId: option.text,
  clientSecret: option.text,
  authEndpoint: option.hostOrHttpUrl,
  apiEndpoint: option.httpUrl,
  apiKey: option.string,
  apiVersion: option.apiVersion,
  useCache: option.boolean,
  profile: option.text,
  fetch: option.function,
} satisfies Record<keyof CredentialsInit, OptionCheck>;
const EARLY_EXPIRY_MS = 60_000;

/**
 * Package-internal, not exported from the SDK's entry: `credentials[TOKEN_VIA](fetch)` is
 * `getAccessToken()` with a token request, when one is needed, sent through `fetch` unless the
 * credentials were given a fetch of their own. How `new Las({ credentials, fetch })` passes its fetch on.
 */
export const TOKEN_VIA = Symbol('las-sdk token via fetch');

/** Client credentials of an app client; hands out bearer tokens, cached in memory (and on disk if asked). */
export class Credentials implements TokenProvider {
  /** The app client's id. */
  readonly clientId: string;
  /** The app client's secret: readable, but never enumerated, serialized or inspected. */
  declare readonly clientSecret: string;
  /** Auth server host or URL, as given. */
  readonly authEndpoint: string;
  /** API base URL, as given. */
  readonly apiEndpoint: string;
  /** Optional api key, sent as `X-Api-Key`. */
  readonly apiKey?: string;
  /** The API version `apiEndpoint` is spoken in, when these credentials say. */
  readonly apiVersion?: ApiVersion;
  /** Whether tokens are cached on disk. */
  readonly useCache: boolean;
  /** Key of the disk cache entry. */
  readonly profile: string;

  #fetch: typeof fetch | undefined;
  #token: CachedToken | undefined;
  #inflight: Promise<string> | undefined;
  // Never taken from the disk cache again, even when the entry could not be removed from it.
  #rejected: string | undefined;

  /**
   * Throws {@link MissingCredentialsError} when a required field is missing or blank, and
   * `ValidationError` naming the field for an unknown or invalid one.
   */
  constructor(credentialsInit: CredentialsInit) {
    for (const field of REQUIRED) {
      const value: unknown = (credentialsInit as Partial<CredentialsInit> | null | undefined)?.[field];
      if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
        throw new MissingCredentialsError(`Credentials: ${field} is missing or empty`);
      }
    }
    const init = checkOptions('new Credentials', credentialsInit, CREDENTIALS_OPTIONS) as CredentialsInit;
    this.clientId = init.clientId;
    Object.defineProperty(this, 'clientSecret', { value: init.clientSecret, enumerable: false, writable: false });
    this.authEndpoint = init.authEndpoint;
    this.apiEndpoint = init.apiEndpoint;
    if (init.apiKey !== undefined && init.apiKey !== '') this.apiKey = init.apiKey;
    if (init.apiVersion !== undefined) this.apiVersion = init.apiVersion;
    if (init.useCache && tokenCacheProblem !== undefined) throw new ValidationError(`new Credentials: useCache: ${tokenCacheProblem}`);
    this.useCache = init.useCache ?? false;
    this.profile = init.profile ?? 'default';
    this.#fetch = init.fetch;
  }

  /** The token URL: `<authEndpoint>/token`, with `https://` added to a bare host. */
  get tokenUrl(): string {
    return `${authBaseUrl(this.authEndpoint)}/token`;
  }

  /** A valid bearer token: cached, or fetched with `POST <auth>/token` (one request shared by concurrent callers). */
  async getAccessToken(): Promise<string> {
    return this[TOKEN_VIA](undefined);
  }

  /**
   * {@link getAccessToken}, its token request through `fetch` when the credentials have none (see {@link TOKEN_VIA}).
   * @internal
   */
  async [TOKEN_VIA](fetch: typeof globalThis.fetch | undefined): Promise<string> {
    if (this.#token && Date.now() < this.#token.staleAt) return this.#token.accessToken;
    this.#inflight ??= this.#obtain(this.#fetch ?? fetch).finally(() => {
      this.#inflight = undefined;
    });
    return this.#inflight;
  }

  /**
   * Forgets the cached token (memory and, with `useCache`, this profile's disk entry). Given the
   * token the API refused, forgets only that one: a newer token, fetched meanwhile by a concurrent
   * call or written to the disk cache by another process, is kept.
   */
  invalidate(token?: string): void {
    const rejected = token ?? this.#token?.accessToken;
    if (token === undefined || this.#token?.accessToken === token) this.#token = undefined;
    this.#rejected = rejected;
    if (!this.useCache) return;
    const cache = readCache();
    const entry = cache[this.profile];
    if (!isDiskEntry(entry) || entry.clientId !== this.clientId) return;
    if (token !== undefined && entry.accessToken !== token) return;
    delete cache[this.profile];
    writeCache(cache);
  }

  /** Without the secret and with the api key masked. */
  toJSON(): Record<string, unknown> {
    return {
      clientId: this.clientId,
      authEndpoint: this.authEndpoint,
      apiEndpoint: this.apiEndpoint,
      ...(this.apiKey !== undefined && { apiKey: '***' }),
      profile: this.profile,
      useCache: this.useCache,
    };
  }

  /** What `console.log` and `util.inspect` show: no secret, no api key. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Credentials { clientId: ${JSON.stringify(this.clientId)}, authEndpoint: ${JSON.stringify(this.authEndpoint)}, apiEndpoint: ${JSON.stringify(this.apiEndpoint)} }`;
  }

  async #obtain(fetch: typeof globalThis.fetch | undefined): Promise<string> {
    if (this.useCache) {
      const entry = readCache()[this.profile];
      if (isDiskEntry(entry) && entry.clientId === this.clientId && entry.accessToken !== this.#rejected) {
        // A disk entry's lifetime is unknown, so only the fixed margin applies.
        const staleAt = entry.expiresAt - EARLY_EXPIRY_MS;
        if (Date.now() < staleAt) {
          this.#token = { accessToken: entry.accessToken, staleAt };
          return entry.accessToken;
        }
      }
    }
    const { accessToken, expiresIn } = await requestClientCredentialsToken({
      tokenUrl: this.tokenUrl,
      clientId: this.clientId,
      clientSecret: this.clientSecret,
      fetch,
    });
    const now = Date.now();
    const lifeMs = Math.max(0, expiresIn * 1000);
    // Refresh ahead of expiry so a token never dies in flight; short-lived tokens at half their life.
    const margin = lifeMs < 2 * EARLY_EXPIRY_MS ? lifeMs / 2 : EARLY_EXPIRY_MS;
    this.#token = { accessToken, staleAt: now + lifeMs - margin };
    if (this.useCache) {
      const cache = readCache();
      cache[this.profile] = { accessToken, expiresAt: now + lifeMs, clientId: this.clientId };
      writeCache(cache);
    }
    return accessToken;
  }
}

function isDiskEntry(value: unknown): value is DiskEntry {
  const entry = value as Partial<DiskEntry> | null | undefined;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.accessToken === 'string' &&
    typeof entry.expiresAt === 'number' &&
    typeof entry.clientId === 'string'
  );
}
