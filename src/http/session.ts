import ky, { HTTPError, TimeoutError as KyTimeoutError, isNetworkError, type KyInstance, type Options } from 'ky';
import type { TokenProvider } from '../auth/token-provider.js';
import { AbortError, ApiError, ConnectionError, InvalidCredentialsError, LasError, TimeoutError } from '../errors.js';
import { JsonBytes } from './document-body.js';
import { sentNothing } from './not-sent.js';
import { Telemetry, type Logger, type LogLevel, type RequestHooks } from './log.js';
import { checkRequestOptions, type RequestOptions } from './request-options.js';
import { retryPolicy, type RetrySettings } from './retry.js';
import { defaultTransport, jsonBody } from '#platform/transport.js';

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
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const REQUEST_ID_HEADERS = ['x-amzn-requestid', 'x-request-id', 'x-amz-apigw-id'];
const NO_OPTIONS: RequestOptions = Object.freeze({});
// The token each provider last handed out, to tell a newly fetched one in the debug log (never
// logged itself); per provider, as the sessions of `withOptions` share one.
const lastTokens = new WeakMap<TokenProvider, string>();

/** One call as it goes: its attempts and what the last one got, for the log and the hooks. */
interface Call {
  readonly method: Method;
  readonly path: string;
  readonly options: RequestOptions;
  readonly started: number;
  attempts: number;
  status?: number;
  requestId?: string;
  /** Why the last attempt got no answer. */
  failure?: LasError;
  /** When the last attempt ended. */
  ended: number;
}

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
   * Sends one request. A 401 or 403 gets one more try with a fresh token: a token the server no
   * longer knows (it restarted, the app client was revoked, a stale disk cache) is answered 403
   * as often as 401. A refusal of the fresh token too is a real one: it is thrown.
   * `requestOptions` are checked before anything is sent, and override the session's defaults.
   */
  async request<T>(
    method: Method,
    path: string,
    { query, body }: { query?: Query; body?: unknown } = {},
    requestOptions?: RequestOptions,
  ): Promise<T> {
    const options = requestOptions === undefined ? NO_OPTIONS : checkRequestOptions(requestOptions);
    const call: Call = { method, path, options, started: performance.now(), attempts: 0, ended: 0 };
    try {
      const result = await this.#call<T>(call, query, body);
      this.#ended(call);
      return result;
    } catch (error) {
      this.#ended(call, error as LasError);
      throw error;
    }
  }

  async #call<T>(call: Call, query: Query | undefined, body: unknown): Promise<T> {
    const { signal } = call.options;
    if (signal?.aborted) throw aborted(call);
    const token = await this.#token(call);
    let refused: InvalidCredentialsError;
    try {
      return await this.#send<T>(call, query, body, token);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw error;
      refused = error;
    }
    // Concurrent requests rejected together must not each throw away the token another just fetched.
    let fresh = await this.#token(call);
    if (fresh === token) {
      this.#tokens.invalidate?.(token);
      fresh = await this.#token(call);
    }
    // A provider that can only hand out the refused token again: sending it again cannot help.
    if (fresh === token) throw refused;
    return this.#send<T>(call, query, body, fresh);
  }

  /** A token, or an AbortError as soon as the call's signal aborts (the token request goes on for others). */
  async #token(call: Call): Promise<string> {
    const started = this.#telemetry.debugging ? performance.now() : 0;
    const { signal } = call.options;
    const token = await (signal ? untilAborted(this.#tokens.getAccessToken(), signal, () => aborted(call)) : this.#tokens.getAccessToken());
    if (token !== lastTokens.get(this.#tokens)) {
      lastTokens.set(this.#tokens, token);
      this.#telemetry.debug(`token: a new access token, ready in ${Math.round(performance.now() - started)} ms`);
    }
    return token;
  }

  async #send<T>(call: Call, query: Query | undefined, body: unknown, token: string): Promise<T> {
    const { method, path, options: requestOptions } = call;
    const headers = { ...requestOptions.headers, Authorization: `Bearer ${token}` };
    const options: Options = { method, headers, fetch: this.#attempt(call) };
    if (requestOptions.signal) options.signal = requestOptions.signal;
    if (requestOptions.timeout !== undefined) options.timeout = requestOptions.timeout;
    if (requestOptions.totalTimeout !== undefined) options.totalTimeout = requestOptions.totalTimeout;
    // ky merges this into the session's retry policy: only the limit changes.
    if (requestOptions.maxRetries !== undefined) options.retry = { limit: requestOptions.maxRetries };
    if (body instanceof JsonBytes) {
      // An upload's JSON, built as bytes (see document-body.ts). In Node, sent as a stream of views
      // of them: given the bytes themselves, fetch would copy them, and ky's clone of the Request for
      // a retry would copy them again as it tees the body. A tee of this stream queues views only.
      // The length is known, so it still goes with a Content-Length, not chunked. A browser gets the
      // bytes: it cannot send a stream over HTTP/1.1 (#platform/transport).
      options.body = jsonBody(body);
      options.headers = { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(body.byteLength) };
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
      // ky rejects with the signal's reason, from the request, the body read or a retry's wait.
      if (requestOptions.signal?.aborted) throw aborted(call);
      throw toLasError(error, method, path, secrets);
    }
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new LasError(`${method} ${path} replied with invalid JSON: ${redact(text.slice(0, 200), secrets) as string}`);
    }
  }

  /**
   * The fetch of one call's attempts: it counts them, tells the hooks and the debug log of each
   * retry (why, and how long it waited), and notes the status and request id of each answer.
   */
  #attempt(call: Call): typeof fetch {
    const telemetry = this.#telemetry;
    return async (input, init) => {
      const attempt = ++call.attempts;
      const { method, path } = call;
      if (attempt === 1) telemetry.emit('onRequest', { method, path, attempt });
      else {
        const waited = Math.round(performance.now() - call.ended);
        const event = { method, path, attempt, durationMs: waited, ...outcome(call) };
        telemetry.debug(`${method} ${path} retry attempt=${attempt} after=${reasonOf(call)} waited=${waited}ms`);
        telemetry.emit('onRetry', event);
      }
      try {
        const response = await (this.#fetch ?? defaultTransport())(input, init);
        call.status = response.status;
        call.requestId = requestIdOf(response.headers);
        call.failure = undefined;
        return response;
      } catch (error) {
        call.status = undefined;
        call.requestId = undefined;
        call.failure = attemptFailure(error, call, (input as Request).signal);
        throw error;
      } finally {
        call.ended = performance.now();
      }
    };
  }

  /**
   * The call's info line and onResponse hook. A failed call is not logged at `warn`: its caller
   * gets the error, retries exhausted included, and a default that logs it too would say it twice.
   */
  #ended(call: Call, error?: LasError): void {
    const telemetry = this.#telemetry;
    const durationMs = Math.round(performance.now() - call.started);
    const { method, path, attempts, status, requestId } = call;
    if (telemetry.informing) {
      const fields = [status !== undefined && `status=${status}`, error && `error=${error.name}`, `attempts=${attempts}`, `duration=${durationMs}ms`];
      if (requestId) fields.push(`requestId=${requestId}`);
      telemetry.info(`${method} ${path} ${fields.filter(Boolean).join(' ')}`);
    }
    if (attempts > 0) {
      telemetry.emit('onResponse', {
        method,
        path,
        attempt: attempts,
        durationMs,
        ...(status !== undefined && { status }),
        ...(requestId && { requestId }),
        ...(error && { error }),
      });
    }
  }
}

/** The status or failure of the call's last attempt, as hook event fields. */
function outcome(call: Call): { status?: number; requestId?: string; error?: LasError } {
  if (call.failure) return { error: call.failure };
  return { ...(call.status !== undefined && { status: call.status }), ...(call.requestId && { requestId: call.requestId }) };
}

function reasonOf(call: Call): string {
  return call.failure ? call.failure.name : String(call.status);
}

/** What an attempt that got no answer is called in the log and the hooks (never with the Request, which holds the token). */
function attemptFailure(error: unknown, call: Call, attemptSignal: AbortSignal | undefined): LasError {
  const { method, path } = call;
  if (call.options.signal?.aborted) return aborted(call);
  if (attemptSignal?.aborted) return new TimeoutError(`${method} ${path} attempt ${call.attempts} timed out`);
  const reason = describeNetworkFailure(error);
  return new ConnectionError(`${method} ${path} failed: ${reason}`, { cause: new Error(reason) });
}

/** The AbortError of a call stopped by its signal; only a POST or PATCH already sent may have been applied. */
function aborted(call: Call): AbortError {
  const { method, path } = call;
  const mayHaveBeenApplied = (method === 'POST' || method === 'PATCH') && call.attempts > 0;
  const state = call.attempts === 0 ? ' before it was sent' : '';
  return new AbortError(`${method} ${path} was aborted${state}${mayHaveBeenApplied ? MAY_HAVE_BEEN_APPLIED : ''}`, {
    cause: call.options.signal?.reason,
    mayHaveBeenApplied,
  });
}

/** `promise`, or a rejection with `abortError()` as soon as `signal` aborts. */
async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, abortError: () => Error): Promise<T> {
  if (signal.aborted) throw abortError();
  let onAbort = () => {};
  const abort = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, abort]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function requestIdOf(headers: Headers): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const id = headers.get(name);
    if (id) return id;
  }
  return undefined;
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
    const requestId = requestIdOf(response.headers);
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
  if (isNetworkFailure(error)) {
    const reason = describeNetworkFailure(error);
    const mayHaveBeenApplied = unsafe && !neverSent(error) && !sentNothing(error);
    return new ConnectionError(`${method} ${path} failed: ${reason}${mayHaveBeenApplied ? MAY_HAVE_BEEN_APPLIED : ''}`, {
      cause: new Error(reason),
      mayHaveBeenApplied,
    });
  }
  return error instanceof Error ? error : new LasError(String(error));
}

// What fetch (Node's, undici's, our transport) rejects with when the network fails: 'fetch failed'
// before the answer, 'terminated' while its body is read (ky wraps only the first in a NetworkError).
const FETCH_NETWORK_MESSAGES = new Set(['fetch failed', 'terminated']);

/**
 * Whether the request failed on the network: refused, reset, unknown host. Any other TypeError is
 * a bug (ours, or a custom fetch's) and goes to the caller as it is, not as a ConnectionError.
 * Duck-typed: Node's fetch rejects with a TypeError of another realm inside jest.
 */
function isNetworkFailure(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TypeError' && typeof message === 'string' && FETCH_NETWORK_MESSAGES.has(message);
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
