/**
 * Every error the SDK throws extends {@link LasError}. HTTP failures are {@link ApiError}s built by
 * {@link ApiError.from}; the rest say what went wrong before or around the request.
 */

/** Base class of every error thrown by las-sdk. */
export class LasError extends Error {
  /**
   * The class's name. Each class sets it as a literal: a minifier renames classes, so
   * `new.target.name` would give `'oe'` for a ContentError in a minified bundle.
   */
  override name = 'LasError';
}

/** What an {@link ApiError} is built from: the HTTP response of a failed request. */
export interface ApiErrorInit {
  /** The response's HTTP status code. */
  status: number;
  /** The request's HTTP method. */
  method: string;
  /** The request URL without its query string. */
  url: string;
  /** The response body: parsed when JSON, text otherwise. */
  body: unknown;
  /** The service's request id of the answer, when it sent one. */
  requestId?: string;
}

/** The service answered with an HTTP error status. */
export class ApiError extends LasError {
  /** Always `'ApiError'`. */
  override name = 'ApiError';

  /** HTTP status code. */
  readonly status: number;
  /** Response body, parsed when it was JSON. */
  readonly body: unknown;
  /** The service's request id, when it sent one (quote it in support requests). */
  readonly requestId?: string;

  constructor(init: ApiErrorInit) {
    super(`${init.method} ${clip(init.url, MAX_URL_SHOWN)} failed with ${init.status}: ${messageOf(init.body) ?? 'no message'}`);
    this.status = init.status;
    this.body = init.body;
    if (init.requestId !== undefined) this.requestId = init.requestId;
  }

  /** Builds the subclass that fits the status (and, for 429, the message). */
  static from(init: ApiErrorInit): ApiError {
    const { status } = init;
    if (status === 400) return new BadRequestError(init);
    if (status === 401 || status === 403) return new InvalidCredentialsError(init);
    if (status === 404) return new NotFoundError(init);
    if (status === 429) return LimitExceededError.matches(init.body) ? new LimitExceededError(init) : new TooManyRequestsError(init);
    if (status >= 500) return new ServerError(init);
    return new ApiError(init);
  }
}

/** 400: the service rejected the request's parameters or body. */
export class BadRequestError extends ApiError {
  /** Always `'BadRequestError'`. */
  override name = 'BadRequestError';
}
/** 401 or 403: the credentials are wrong, expired or lack access. */
export class InvalidCredentialsError extends ApiError {
  /** Always `'InvalidCredentialsError'`. */
  override name = 'InvalidCredentialsError';
}
/** 404: no such resource. */
export class NotFoundError extends ApiError {
  /** Always `'NotFoundError'`. */
  override name = 'NotFoundError';
}
/** 429 "Too Many Requests": slow down; the SDK already retried with backoff. */
export class TooManyRequestsError extends ApiError {
  /** Always `'TooManyRequestsError'`. */
  override name = 'TooManyRequestsError';
}
/** 429 "Limit Exceeded": a quota of the organization is used up; retrying will not help. */
export class LimitExceededError extends ApiError {
  /** Always `'LimitExceededError'`. */
  override name = 'LimitExceededError';

  /**
   * Whether a 429's body says "Limit Exceeded" (a used-up quota) rather than "slow down": the
   * one rule, for {@link ApiError.from} and for the retry policy, which does not retry it.
   * @internal
   */
  static matches(body: unknown): boolean {
    return /limit exceeded/i.test(messageOf(body) ?? '');
  }
}
/** 5xx: the service failed. */
export class ServerError extends ApiError {
  /** Always `'ServerError'`. */
  override name = 'ServerError';
}

/** No credentials were given and none could be found. */
export class MissingCredentialsError extends LasError {
  /** Always `'MissingCredentialsError'`. */
  override name = 'MissingCredentialsError';
}
/** What a {@link ConnectionError} or {@link TimeoutError} is built from, besides its message. */
export interface TransportErrorOptions {
  /** The underlying failure, without the request (it holds the Authorization header). */
  cause?: unknown;
  /** See {@link ConnectionError.mayHaveBeenApplied}. Default false. */
  mayHaveBeenApplied?: boolean;
}

/** The request never got an HTTP answer: refused, reset, DNS failure. */
export class ConnectionError extends LasError {
  /** Always `'ConnectionError'`. */
  override name = 'ConnectionError';

  /**
   * True when a POST or PATCH may have reached the server before the connection failed: the
   * server may have applied it, and sending it again may apply it twice. False when it was never
   * sent (refused, unknown host) and for GET and DELETE, which are safe to send again.
   */
  readonly mayHaveBeenApplied: boolean;

  constructor(message: string, options: TransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? false;
  }
}

/** An attempt, or the whole call, took longer than its timeout. */
export class TimeoutError extends LasError {
  /** Always `'TimeoutError'`. */
  override name = 'TimeoutError';

  /**
   * True for a POST or PATCH: the server may have applied it before the SDK stopped waiting, and
   * sending it again may apply it twice. False for GET and DELETE, which are safe to send again.
   */
  readonly mayHaveBeenApplied: boolean;

  constructor(message: string, options: TransportErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? false;
  }
}
/**
 * The caller's `signal` stopped the call: before it was sent (nothing was sent), while it waited
 * for a token or a retry, or in flight (the HTTP request was cancelled). `cause` is the signal's reason.
 */
export class AbortError extends LasError {
  /** Always `'AbortError'`. */
  override name = 'AbortError';

  /**
   * True for a POST or PATCH cancelled in flight: the server may have received and applied it.
   * False when nothing was sent, and for GET and DELETE.
   */
  readonly mayHaveBeenApplied: boolean;

  constructor(message: string, options: TransportErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.mayHaveBeenApplied = options.mayHaveBeenApplied ?? false;
  }
}
/** Document or asset content the SDK cannot read or whose type it cannot tell. */
export class ContentError extends LasError {
  /** Always `'ContentError'`. */
  override name = 'ContentError';
}
/** An argument is missing or malformed; nothing was sent. */
export class ValidationError extends LasError {
  /** Always `'ValidationError'`. */
  override name = 'ValidationError';
}

/**
 * The message of anything thrown, for a sentence about it: an error's message (without
 * `instanceof`, which fails for errors from another realm such as Node's own inside jest), a
 * string as is, anything else as JSON.
 */
export function describeError(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  if (typeof message === 'string' && message) return message;
  const name = (error as { name?: unknown } | null | undefined)?.name;
  if (typeof name === 'string' && name && typeof error === 'object') return name;
  if (typeof error === 'string') return error || 'no message';
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

// An error message stays readable whatever the server sent or the caller asked for: a megabyte
// id in the URL or a megabyte message in the body is shown cut, the full body stays in `body`.
const MAX_URL_SHOWN = 300;
const MAX_BODY_MESSAGE_SHOWN = 500;

// The API's `{ message }`, else an OAuth2 token endpoint's `{ error, error_description }`.
function messageOf(body: unknown): string | undefined {
  if (typeof body === 'string') return clip(body, MAX_BODY_MESSAGE_SHOWN) || undefined;
  if (!body || typeof body !== 'object') return undefined;
  const { message, error, error_description: description } = body as Record<string, unknown>;
  if (typeof message === 'string') return clip(message, MAX_BODY_MESSAGE_SHOWN);
  if (typeof error !== 'string') return undefined;
  return clip(typeof description === 'string' ? `${error}: ${description}` : error, MAX_BODY_MESSAGE_SHOWN);
}

// `text`, cut to `max` characters with the count of those left out.
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

/**
 * An operation of several requests failed part-way. `completed` counts what was done before the
 * failure, which is the `cause` (an {@link ApiError}, {@link ConnectionError}, ...).
 */
export class PartialFailureError extends LasError {
  /** Always `'PartialFailureError'`. */
  override name = 'PartialFailureError';

  /** How many items were done before the failure. */
  readonly completed: number;

  constructor(message: string, options: { cause: unknown; completed: number }) {
    super(message, { cause: options.cause });
    this.completed = options.completed;
  }
}

/**
 * `documents.create` under API version 2024-11-29 created the document (`POST /documents`) but
 * could not put its content on the file server (`PUT fileUrl`), retries included: the document
 * `documentId` exists without content. Delete it (`las.documents.delete(documentId)`) and create
 * it again. `cause` is the PUT's failure.
 */
export class IncompleteDocumentError extends PartialFailureError {
  /** Always `'IncompleteDocumentError'`. */
  override name = 'IncompleteDocumentError';

  /** The document that was created without its content. */
  readonly documentId: string;

  constructor(message: string, options: { cause: unknown; documentId: string }) {
    super(message, { cause: options.cause, completed: 1 });
    this.documentId = options.documentId;
  }
}

/** Where a wait stood when it ended without its final status: how long it waited, what it last saw. */
export interface WaitState {
  /** Milliseconds from the start of the wait to its end. */
  waitedMs: number;
  /** The status the last poll returned; undefined when no poll answered. */
  lastStatus?: string;
}

/** `wait()` reached its `timeout` before the entity reached a final status. */
export class WaitTimeoutError extends LasError implements WaitState {
  /** Always `'WaitTimeoutError'`. */
  override name = 'WaitTimeoutError';

  /** Milliseconds waited. */
  readonly waitedMs: number;
  /** The status the last poll returned. */
  readonly lastStatus?: string;

  constructor(message: string, state: WaitState) {
    super(message);
    this.waitedMs = state.waitedMs;
    if (state.lastStatus !== undefined) this.lastStatus = state.lastStatus;
  }
}

/** `wait()` was stopped by its `signal` before the entity reached a final status; `cause` is the signal's reason. */
export class WaitAbortedError extends LasError implements WaitState {
  /** Always `'WaitAbortedError'`. */
  override name = 'WaitAbortedError';

  /** Milliseconds waited. */
  readonly waitedMs: number;
  /** The status the last poll returned. */
  readonly lastStatus?: string;

  constructor(message: string, state: WaitState & { cause?: unknown }) {
    super(message, { cause: state.cause });
    this.waitedMs = state.waitedMs;
    if (state.lastStatus !== undefined) this.lastStatus = state.lastStatus;
  }
}
