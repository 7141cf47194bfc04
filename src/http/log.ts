/**
 * What the SDK tells about its calls: log lines at a level, and hooks for tracing and metrics.
 * Lines and hook events hold methods, paths, statuses, timings, request ids and error names only:
 * never a token, secret, api key, header value or body.
 */
import { describeError, ValidationError, type LasError } from '../errors.js';
import { LOG_LEVELS } from '../options.js';

/** How much the SDK logs: `debug` most, `off` nothing. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where log lines go: `console`, or any object with these four methods. */
export interface Logger {
  /** Retries, new access tokens, pages of a list walk (level `debug`). */
  debug(message: string): void;
  /** One line per call: method, path, status, attempts, duration (level `info`). */
  info(message: string): void;
  /** Level `warn` lines (none in normal use). */
  warn(message: string): void;
  /** A hook or logger that threw (level `error`). */
  error(message: string): void;
}

/** What a request hook is told. */
export interface RequestEvent {
  /** `GET`, `POST`, `PATCH` or `DELETE`. */
  method: string;
  /** The API path, below the API endpoint, without the query (`/datasets/las:dataset:...`). */
  path: string;
  /**
   * onRequest: 1. onRetry: the attempt about to be sent (2 for the first retry). onResponse: how
   * many attempts the call made.
   */
  attempt: number;
  /** The HTTP status of the last answer (onRetry: of the attempt that failed), when there was one. */
  status?: number;
  /** onRetry: milliseconds waited before this attempt. onResponse: milliseconds of the whole call. */
  durationMs?: number;
  /** The service's request id of the last answer, when it sent one. */
  requestId?: string;
  /** onRetry: why the attempt before failed, when it got no answer. onResponse: what the call rejects with. */
  error?: LasError;
}

/**
 * Callbacks for users who instrument their calls. Per call: `onRequest` once, before the first
 * attempt is sent; `onRetry` before each further attempt (a retry, or the one resend with a fresh
 * token after a 401 or 403); `onResponse` once, when the call ends. A call stopped before anything
 * was sent (an aborted signal, a failed token request) calls none. A hook that throws is reported
 * through the logger and does not change the call.
 */
export interface RequestHooks {
  /** Called before each attempt is sent. */
  onRequest?: (event: RequestEvent) => void;
  /** Called when a response arrives, whatever its status. */
  onResponse?: (event: RequestEvent) => void;
  /** Called before a failed attempt is tried again. */
  onRetry?: (event: RequestEvent) => void;
}

const RANK: Readonly<Record<LogLevel, number>> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };
/** The level when neither `logLevel` nor `LAS_LOG` says. */
export const DEFAULT_LOG_LEVEL: LogLevel = 'warn';
const PREFIX = 'las-sdk: ';

/** The level `LAS_LOG` names (any case, blanks around ignored), or undefined when unset or empty. */
export function logLevelFromEnv(value: string | undefined): LogLevel | undefined {
  const level = value?.trim().toLowerCase();
  if (!level) return undefined;
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ValidationError(`new Las: the environment's LAS_LOG must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return level as LogLevel;
}

/** The log and the hooks of one client, with what each level lets through worked out once. */
export class Telemetry {
  readonly level: LogLevel;
  readonly logger: Logger;
  readonly hooks: Readonly<RequestHooks>;
  /** Whether debug lines are written. */
  readonly debugging: boolean;
  /** Whether info lines (one per call) are written. */
  readonly informing: boolean;
  readonly #warning: boolean;
  readonly #erring: boolean;

  constructor(level: LogLevel = DEFAULT_LOG_LEVEL, logger: Logger = console, hooks: RequestHooks = {}) {
    this.level = level;
    this.logger = logger;
    this.hooks = { ...hooks };
    this.debugging = RANK[level] <= RANK.debug;
    this.informing = RANK[level] <= RANK.info;
    this.#warning = RANK[level] <= RANK.warn;
    this.#erring = RANK[level] <= RANK.error;
  }

  debug(line: string): void {
    if (this.debugging) this.#write('debug', line);
  }

  info(line: string): void {
    if (this.informing) this.#write('info', line);
  }

  warn(line: string): void {
    if (this.#warning) this.#write('warn', line);
  }

  error(line: string): void {
    if (this.#erring) this.#write('error', line);
  }

  /** Calls the hook `name`, if set; a throw or a rejection is logged as an error, never thrown. */
  emit(name: keyof RequestHooks, event: RequestEvent): void {
    const hook = this.hooks[name];
    if (!hook) return;
    const failed = (error: unknown) => this.error(`hook ${name} threw (the call goes on): ${describeError(error)}`);
    try {
      const result: unknown = hook(event);
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') (result as Promise<unknown>).then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  }

  #write(level: Exclude<LogLevel, 'off'>, line: string): void {
    try {
      this.logger[level](PREFIX + line);
    } catch {
      // A broken logger must not break the call it was telling about.
    }
  }
}
