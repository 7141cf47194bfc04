import ky, { HTTPError, TimeoutError as KyTimeoutError, isNetworkError, type KyInstance, type Options } from 'ky';
import type { TokenProvider } from '../auth/token-provider.js';
import { ApiError, ConnectionError, InvalidCredentialsError, LasError, TimeoutError } from '../errors.js';
import { JsonBytes } from './document-body.js';
import { retryPolicy, type RetrySettings } from './retry.js';

/** Query values: arrays are sent as repeated keys; undefined and null are left out. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined | null;
/** A request's query parameters. */
export type Query = Readonly<Record<string, QueryValue>>;

/** How a {@link Session} reaches the API. */
export interface SessionOptions extends RetrySettings {
  /** Base URL of the API; its path is kept (`https://api.lucidtech.ai/v1` + `/workflows`). */
  apiEndpoint: string;
  tokenProvider: TokenProvider;
  /** Sent as `X-Api-Key` when set. */
  apiKey?: string;
  /** Custom fetch (tests, proxies); defaults to the global fetch at call time. */
  fetch?: typeof fetch;
  /** Milliseconds per attempt. Default 60 000. */
  timeout?: number;
  /** Milliseconds for a whole call, retries included. Default 300 000. */
  totalTimeout?: number;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-request-id', 'x-amz-apigw-id'];

/**
 * The one HTTP session every resource shares: base URL, auth headers, JSON in and out, retries,
 * timeouts and error mapping. Resources see plain JSON and SDK errors only.
 */
export class Session {
  readonly #http: KyInstance;
  readonly #tokens: TokenProvider;
  readonly #apiKey: string | undefined;

  constructor(options: SessionOptions) {
    this.#tokens = options.tokenProvider;
    this.#apiKey = options.apiKey;
    const customFetch = options.fetch;
    this.#http = ky.create({
      prefix: options.apiEndpoint,
      timeout: options.timeout ?? 60_000,
      totalTimeout: options.totalTimeout ?? 300_000,
      retry: retryPolicy(options),
      headers: { Accept: 'application/json', ...(options.apiKey && { 'X-Api-Key': options.apiKey }) },
      // Only error bodies go through this: a body that claims JSON but is not stays readable as text.
      parseJson: parseJsonOrText,
      fetch: async (input, init) => (customFetch ?? globalThis.fetch)(input, init),
    });
  }

  /** GET `path`, returning the parsed JSON. */
  async get<T>(path: string, query?: Query): Promise<T> {
    return await this.request<T>('GET', path, { query });
  }

  /** POST a JSON body to `path`. */
  async post<T>(path: string, body: unknown = {}): Promise<T> {
    return await this.request<T>('POST', path, { body });
  }

  /** PATCH a JSON body to `path`. */
  async patch<T>(path: string, body: unknown = {}): Promise<T> {
    return await this.request<T>('PATCH', path, { body });
  }

  /** DELETE `path`. */
  async delete<T>(path: string, query?: Query): Promise<T> {
    return await this.request<T>('DELETE', path, { query });
  }

  /**
   * Sends one request. A 401 or 403 gets one more try with a fresh token: a token the server no
   * longer knows (it restarted, the app client was revoked, a stale disk cache) is answered 403
   * as often as 401. A refusal of the fresh token too is a real one: it is thrown.
   */
  async request<T>(method: Method, path: string, { query, body }: { query?: Query; body?: unknown } = {}): Promise<T> {
    const token = await this.#tokens.getAccessToken();
    let refused: InvalidCredentialsError;
    try {
      return await this.#send<T>(method, path, query, body, token);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw error;
      refused = error;
    }
    // Concurrent requests rejected together must not each throw away the token another just fetched.
    let fresh = await this.#tokens.getAccessToken();
    if (fresh === token) {
      this.#tokens.invalidate?.(token);
      fresh = await this.#tokens.getAccessToken();
    }
    // A provider that can only hand out the refused token again: sending it again cannot help.
    if (fresh === token) throw refused;
    return this.#send<T>(method, path, query, body, fresh);
  }

  async #send<T>(method: Method, path: string, query: Query | undefined, body: unknown, token: string): Promise<T> {
    const options: Options = { method, headers: { Authorization: `Bearer ${token}` } };
    if (body instanceof JsonBytes) {
      // An upload's JSON, built as bytes (see document-body.ts), sent as a stream of views of them:
      // given the bytes themselves, fetch would copy them, and ky's clone of the Request for a
      // retry would copy them again as it tees the body. A tee of this stream queues views only.
      // The length is known, so it still goes with a Content-Length, not chunked.
      options.body = body.stream();
      options.headers = { ...options.headers, 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) };
    } else if (body !== undefined) {
      options.json = body;
    }
    const secrets = [token, this.#apiKey].filter((secret): secret is string => Boolean(secret));
    let text: string;
    try {
      // The query goes into the URL here: given as ky's searchParams, it costs a second Request.
      // ky's body shortcut, unlike response.text(), bounds the body read by the timeout too.
      text = await this.#http(`${path.replace(/^\//, '')}${queryString(query)}`, options).text();
    } catch (error) {
      throw toLasError(error, method, path, secrets);
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LasError(`${method} ${path} replied with invalid JSON: ${redact(text.slice(0, 200), secrets) as string}`);
    }
  }
}

/** `?key=value&...` (arrays as repeated keys, form-encoded as URLSearchParams does), or '' for none. */
function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  return params.size > 0 ? `?${params}` : '';
}

// ky's errors hold the Request and its Authorization header: never pass them on as `cause`.
function toLasError(error: unknown, method: Method, path: string, secrets: string[]): Error {
  if (error instanceof LasError) return error;
  if (error instanceof HTTPError) {
    const { response } = error;
    const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find(Boolean) ?? undefined;
    // A JSON body sent without a JSON Content-Type still arrives parsed.
    const data = typeof error.data === 'string' && /^\s*[{[]/.test(error.data) ? parseJsonOrText(error.data) : error.data;
    // A server or proxy that echoes the request must not put our token into an error.
    const body = redact(data, secrets);
    return ApiError.from({ status: response.status, method, url: withoutQuery(response.url) || path, body, requestId });
  }
  // retry.ts never sends a POST or PATCH again after it may have reached the server: the caller
  // must learn that it may have been applied, or a retry of their own may apply it twice.
  const unsafe = method === 'POST' || method === 'PATCH';
  if (error instanceof KyTimeoutError) {
    return new TimeoutError(`${method} ${path} timed out${unsafe ? MAY_HAVE_BEEN_APPLIED : ''}`, { mayHaveBeenApplied: unsafe });
  }
  if (isNetworkError(error) || error instanceof TypeError) {
    const reason = describeNetworkFailure(error);
    const mayHaveBeenApplied = unsafe && !neverSent(error);
    return new ConnectionError(`${method} ${path} failed: ${reason}${mayHaveBeenApplied ? MAY_HAVE_BEEN_APPLIED : ''}`, {
      cause: new Error(reason),
      mayHaveBeenApplied,
    });
  }
  return error instanceof Error ? error : new LasError(String(error));
}

const MAY_HAVE_BEEN_APPLIED = '; the server may have received and applied it: check before sending it again';

// Failures to reach the server at all: no byte of the request left this machine.
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

// A certificate the client refused ends the TLS handshake, before the request is written.
const TLS_HANDSHAKE_CODE = /^ERR_TLS_|CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/;

/** Whether a network failure proves the request never left: refused, unknown host, no route. */
function neverSent(error: unknown): boolean {
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 10; seen++) {
    const current = pending.pop() as { code?: unknown; cause?: unknown; errors?: unknown } | null;
    if (typeof current !== 'object' || current === null) continue;
    if (typeof current.code === 'string' && (NOT_SENT_CODES.has(current.code) || TLS_HANDSHAKE_CODE.test(current.code))) return true;
    if (current.cause !== undefined) pending.push(current.cause);
    if (Array.isArray(current.errors)) pending.push(...current.errors);
  }
  return false;
}

// Duck-typed, not `instanceof Error`: undici's errors come from another realm inside jest.
function describeNetworkFailure(error: unknown): string {
  let current = error as { message?: unknown; code?: unknown; cause?: unknown } | null | undefined;
  const reasons: string[] = [];
  while (typeof current === 'object' && current !== null && typeof current.message === 'string' && reasons.length < 4) {
    const { code } = current;
    reasons.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
    current = current.cause as typeof current;
  }
  return reasons.join(': ') || 'network error';
}

function redact(value: unknown, secrets: string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join('***'), value);
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item, secrets)]));
  }
  return value;
}

function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withoutQuery(url: string): string {
  return url.split('?')[0];
}
