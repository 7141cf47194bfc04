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

  /** Sends one request; a 401 from the API gets one token refresh and one more try. */
  async request<T>(method: Method, path: string, { query, body }: { query?: Query; body?: unknown } = {}): Promise<T> {
    const token = await this.#tokens.getAccessToken();
    try {
      return await this.#send<T>(method, path, query, body, token);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError && error.status === 401)) throw error;
    }
    // Concurrent requests rejected together must not each throw away the token another just fetched.
    let fresh = await this.#tokens.getAccessToken();
    if (fresh === token) {
      this.#tokens.invalidate?.();
      fresh = await this.#tokens.getAccessToken();
    }
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
    let text: string;
    try {
      // The query goes into the URL here: given as ky's searchParams, it costs a second Request.
      // ky's body shortcut, unlike response.text(), bounds the body read by the timeout too.
      text = await this.#http(`${path.replace(/^\//, '')}${queryString(query)}`, options).text();
    } catch (error) {
      throw toLasError(error, method, path, [token, this.#apiKey]);
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LasError(`${method} ${path} replied with invalid JSON: ${text.slice(0, 200)}`);
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
function toLasError(error: unknown, method: Method, path: string, secrets: (string | undefined)[]): Error {
  if (error instanceof LasError) return error;
  if (error instanceof HTTPError) {
    const { response } = error;
    const requestId = REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find(Boolean) ?? undefined;
    // A JSON body sent without a JSON Content-Type still arrives parsed.
    const data = typeof error.data === 'string' && /^\s*[{[]/.test(error.data) ? parseJsonOrText(error.data) : error.data;
    // A server or proxy that echoes the request must not put our token into an error.
    const body = redact(data, secrets.filter((s): s is string => Boolean(s)));
    return ApiError.from({ status: response.status, method, url: withoutQuery(response.url) || path, body, requestId });
  }
  if (error instanceof KyTimeoutError) return new TimeoutError(`${method} ${path} timed out`);
  if (isNetworkError(error) || error instanceof TypeError) {
    const reason = describeNetworkFailure(error);
    return new ConnectionError(`${method} ${path} failed: ${reason}`, { cause: new Error(reason) });
  }
  return error instanceof Error ? error : new LasError(String(error));
}

function describeNetworkFailure(error: unknown): string {
  let current: unknown = error;
  const reasons: string[] = [];
  while (current instanceof Error && reasons.length < 4) {
    const code = (current as { code?: unknown }).code;
    reasons.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
    current = current.cause;
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
