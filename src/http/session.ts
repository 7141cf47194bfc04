/**
 * The Session: the one ky instance (base URL, headers, timeouts, the retry policy), JSON in and
 * out, request options. The rest of a call is in its own module each: the 401/403 token retry
 * (token-retry.ts), per-attempt instrumentation (attempts.ts), the log line and hooks of a call
 * (call-report.ts), error mapping (error-mapping.ts), network forensics (network-failure.ts),
 * redaction (redact.ts).
 */
import ky, { type KyInstance, type Options } from 'ky';
import type { TokenProvider } from '../auth/token-provider.js';
import { LasError } from '../errors.js';
import { attemptFetch } from './attempts.js';
import type { Call, Method } from './call.js';
import { reportCall } from './call-report.js';
import { BodyBytes, JsonBytes } from './document-body.js';
import { aborted, parseJsonOrText, toLasError } from './error-mapping.js';
import { checkFileUrl, fileUrlLabel } from './file-url.js';
import { Telemetry, type Logger, type LogLevel, type RequestHooks } from './log.js';
import { readablePath } from './path.js';
import { redact } from './redact.js';
import { checkRequestOptions, type RequestOptions } from './request-options.js';
import { retryPolicy, type RetrySettings } from './retry.js';
import { withTokenRetry } from './token-retry.js';
import { bytesBody } from '#platform/transport.js';

export type { Method } from './call.js';

/** Query values: arrays are sent as repeated keys; undefined and null are left out. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[] | undefined | null;
/** A request's query parameters. */
export type Query = Readonly<Record<string, QueryValue>>;

/** The defaults of a {@link Session} that `withOptions` may change. */
export interface SessionDefaults extends RetrySettings {
  /** Milliseconds per attempt. Default 60 000. */
  timeout?: number;
  /** Milliseconds for a whole call, retries included. Default 300 000. */
  totalTimeout?: number;
  /** Headers sent with every request, besides the SDK's own. */
  headers?: Record<string, string>;
  /** Default `warn`. */
  logLevel?: LogLevel;
  /** Default `console`. */
  logger?: Logger;
  hooks?: RequestHooks;
}

/** How a {@link Session} reaches the API. */
export interface SessionOptions extends SessionDefaults {
  /** Base URL of the API; its path is kept (`https://api.lucidtech.ai/v1` + `/workflows`). */
  apiEndpoint: string;
  tokenProvider: TokenProvider;
  /** Sent as `X-Api-Key` when set. */
  apiKey?: string;
  /** Custom fetch (tests, proxies); defaults to the SDK's transport on undici (see transport.ts). */
  fetch?: typeof fetch;
  /**
   * Called with each request before anything is sent (the API version's check): what it throws
   * is the call's error. `body` is what the resource gave: an object, or {@link JsonBytes}.
   */
  checkRequest?: (method: Method, path: string, body: unknown) => void;
  /** The API version the client speaks (`2021-09-23`, `2024-11-29`), for the resources that send differently per version. */
  apiVersion?: string;
}

/** Where a request goes and what its answer is read as. */
interface Target {
  /** A path under the API endpoint, or an absolute URL of the file server. */
  readonly to: string | URL;
  /** JSON (parsed), or the answer's bytes. */
  readonly reply: 'json' | 'bytes';
}

const NO_OPTIONS: RequestOptions = Object.freeze({});

/**
 * The one HTTP session every resource shares: base URL, auth headers, JSON in and out, retries,
 * timeouts, request options, logging and error mapping. Resources see plain JSON and SDK errors only.
 */
export class Session {
  readonly #http: KyInstance;
  readonly #tokens: TokenProvider;
  readonly #apiKey: string | undefined;
  readonly #options: SessionOptions;
  readonly #fetch: typeof fetch | undefined;
  readonly #telemetry: Telemetry;

  constructor(options: SessionOptions) {
    this.#options = options;
    this.#tokens = options.tokenProvider;
    this.#apiKey = options.apiKey;
    this.#fetch = options.fetch;
    this.#telemetry = new Telemetry(options.logLevel, options.logger, options.hooks);
    this.#http = ky.create({
      prefix: options.apiEndpoint,
      timeout: options.timeout ?? 60_000,
      totalTimeout: options.totalTimeout ?? 300_000,
      retry: retryPolicy(options),
      headers: { ...options.headers, Accept: 'application/json', ...(options.apiKey && { 'X-Api-Key': options.apiKey }) },
      // Only error bodies go through this: a body that claims JSON but is not stays readable as text.
      parseJson: parseJsonOrText,
    });
  }

  /** The API version the client speaks, when it said (see {@link SessionOptions.apiVersion}). */
  get apiVersion(): string | undefined {
    return this.#options.apiVersion;
  }

  /** The log and hooks of this session, for the walks and jobs built on it. */
  get telemetry(): Telemetry {
    return this.#telemetry;
  }

  /**
   * A session with the same endpoint, api key and token provider (one token for both) and these
   * defaults instead; headers are added to this session's.
   */
  withDefaults(defaults: SessionDefaults): Session {
    const headers = defaults.headers && { ...this.#options.headers, ...defaults.headers };
    return new Session({ ...this.#options, ...defaults, ...(headers && { headers }) });
  }

  /**
   * Runs the check every request gets (see {@link SessionOptions.checkRequest}) without sending:
   * for a resource to name a field of the other API version before its own shape refuses it.
   */
  checkCall(method: Method, path: string, body: unknown): void {
    this.#options.checkRequest?.(method, path, body);
  }

  /** GET `path`, returning the parsed JSON. */
  async get<T>(path: string, query?: Query, requestOptions?: RequestOptions): Promise<T> {
    return await this.request<T>('GET', path, { query }, requestOptions);
  }

  /** POST a JSON body to `path`. */
  async post<T>(path: string, body: unknown = {}, requestOptions?: RequestOptions): Promise<T> {
    return await this.request<T>('POST', path, { body }, requestOptions);
  }

  /** PATCH a JSON body to `path`. */
  async patch<T>(path: string, body: unknown = {}, requestOptions?: RequestOptions): Promise<T> {
    return await this.request<T>('PATCH', path, { body }, requestOptions);
  }

  /** DELETE `path`. */
  async delete<T>(path: string, query?: Query, requestOptions?: RequestOptions): Promise<T> {
    return await this.request<T>('DELETE', path, { query }, requestOptions);
  }

  /**
   * PUTs `bytes` to the file server at `fileUrl` (absolute, from an API answer; see file-url.ts),
   * with the bearer token, as the API's own requests go: retries (a PUT may be sent again),
   * timeouts, hooks and the log (which names the URL without its query, never the bytes).
   */
  async putFile(fileUrl: string, bytes: Uint8Array, requestOptions?: RequestOptions): Promise<void> {
    const url = checkFileUrl(fileUrl, 'PUT fileUrl');
    await this.#request<undefined>('PUT', fileUrlLabel(url), { to: url, reply: 'json' }, undefined, new BodyBytes(bytes), requestOptions);
  }

  /** GETs the bytes at `fileUrl` (absolute, from an API answer), with `query`; as {@link putFile} goes. */
  async getFile(fileUrl: string, query?: Query, requestOptions?: RequestOptions): Promise<Uint8Array> {
    const url = checkFileUrl(fileUrl, 'GET fileUrl');
    return await this.#request<Uint8Array>('GET', fileUrlLabel(url), { to: url, reply: 'bytes' }, query, undefined, requestOptions);
  }

  /**
   * Sends one request, with one more try with a fresh token after a 401 or 403 (token-retry.ts).
   * `requestOptions` are checked before anything is sent, and override the session's defaults.
   */
  async request<T>(
    method: Method,
    path: string,
    { query, body }: { query?: Query; body?: unknown } = {},
    requestOptions?: RequestOptions,
  ): Promise<T> {
    this.#options.checkRequest?.(method, path, body);
    return await this.#request<T>(method, path, { to: path, reply: 'json' }, query, body, requestOptions);
  }

  async #request<T>(method: Method, path: string, target: Target, query: Query | undefined, body: unknown, requestOptions: RequestOptions | undefined): Promise<T> {
    const options = requestOptions === undefined ? NO_OPTIONS : checkRequestOptions(requestOptions);
    const call: Call = { method, path, options, started: performance.now(), attempts: 0, ended: 0 };
    try {
      const result = await this.#call<T>(call, target, query, body);
      reportCall(this.#telemetry, call);
      return result;
    } catch (error) {
      reportCall(this.#telemetry, call, error as LasError);
      throw error;
    }
  }

  async #call<T>(call: Call, target: Target, query: Query | undefined, body: unknown): Promise<T> {
    if (call.options.signal?.aborted) throw aborted(call);
    return withTokenRetry(call, this.#tokens, this.#telemetry, async (token) => this.#send<T>(call, target, query, body, token));
  }

  async #send<T>(call: Call, target: Target, query: Query | undefined, body: unknown, token: string): Promise<T> {
    const { method, path, options: requestOptions } = call;
    // The file server answers bytes, not JSON.
    const accept = target.reply === 'bytes' && { Accept: '*/*' };
    const headers = { ...requestOptions.headers, ...accept, Authorization: `Bearer ${token}` };
    const options: Options = { method, headers, fetch: attemptFetch(call, this.#telemetry, this.#fetch) };
    if (requestOptions.signal) options.signal = requestOptions.signal;
    if (requestOptions.timeout !== undefined) options.timeout = requestOptions.timeout;
    if (requestOptions.totalTimeout !== undefined) options.totalTimeout = requestOptions.totalTimeout;
    // ky merges this into the session's retry policy: only the limit changes.
    if (requestOptions.maxRetries !== undefined) options.retry = { limit: requestOptions.maxRetries };
    if (body instanceof BodyBytes) {
      // An upload's JSON, built as bytes (see document-body.ts). In Node, sent as a stream of views
      // of them: given the bytes themselves, fetch would copy them, and ky's clone of the Request for
      // a retry would copy them again as it tees the body. A tee of this stream queues views only.
      // The length is known, so it still goes with a Content-Length, not chunked. A browser gets the
      // bytes: it cannot send a stream over HTTP/1.1 (#platform/transport).
      // A file goes without a Content-Type, as las-sdk-python sends it: the file server sniffs the type.
      options.body = bytesBody(body);
      const type = body instanceof JsonBytes && { 'Content-Type': 'application/json' };
      options.headers = { ...headers, ...type, 'Content-Length': String(body.byteLength) };
    } else if (body !== undefined) {
      options.json = body;
    }
    const secrets = [token, this.#apiKey].filter((secret): secret is string => Boolean(secret));
    let text: string;
    try {
      // The query goes into the URL here: given as ky's searchParams, it costs a second Request.
      // An absolute URL goes as a URL: ky puts the API endpoint before a string only.
      const input = typeof target.to === 'string' ? `${target.to.replace(/^\//, '')}${queryString(query)}` : withQuery(target.to, query);
      // ky's body shortcuts, unlike the response's, bound the body read by the timeout too.
      if (target.reply === 'bytes') return new Uint8Array(await this.#http(input, options).arrayBuffer()) as T;
      text = await this.#http(input, options).text();
    } catch (error) {
      // ky rejects with the signal's reason, from the request, the body read or a retry's wait.
      if (requestOptions.signal?.aborted) throw aborted(call);
      throw toLasError(error, method, path, secrets);
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LasError(`${method} ${readablePath(path)} replied with invalid JSON: ${redact(text.slice(0, 200), secrets) as string}`);
    }
  }
}

/** `url` with `query` added to its own query. */
function withQuery(url: URL, query: Query | undefined): URL {
  const added = queryString(query);
  if (!added) return url;
  const result = new URL(url);
  result.search = result.search ? `${result.search}&${added.slice(1)}` : added;
  return result;
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
