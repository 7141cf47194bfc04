/**
 * Checks of the SDK's own options (`new Las`, `new Credentials`, the jobs' `concurrency`,
 * durations, callbacks): one table per constructor, one line per option, and {@link checkOption}
 * for one option of a job. Unknown options and bad values are refused with a
 * {@link ValidationError} naming the option; values are never echoed, as an endpoint or a key may
 * hold a secret.
 */
import { API_VERSIONS } from './api/versions/index.js';
import { ValidationError } from './errors.js';
import { isPlainObject } from './schema/index.js';

/** What is wrong with an option's value (a phrase after its name), or undefined when it fits. */
export type OptionCheck = (value: unknown) => string | undefined;

/** The longest timeout a timer can hold: 2^31 - 1 ms, about 24.8 days. */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/** The most retries per request `maxRetries` takes: beyond it, a failing call would stall for minutes. */
export const MAX_RETRIES = 10;

/** The levels of `logLevel` and `LAS_LOG`, most verbose first. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'off'] as const;

/** Headers the SDK sets from its credentials: request options may not replace them. */
const RESERVED_HEADERS = new Set(['authorization', 'x-api-key']);
// RFC 9110 token: what fetch accepts as a header name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const MAX_KEY_SHOWN = 40;

/** Checks for the kinds of option the constructors take. */
export const option = {
  /** An integer from `minimum` to `maximum` (NaN, Infinity and numeric strings are not). */
  integer:
    (minimum: number, maximum: number, unit = ''): OptionCheck =>
    (value) =>
      integerProblem(value, minimum, maximum, unit),
  /** A string that is not empty or blank. */
  text: ((value) => (typeof value === 'string' && value.trim() !== '' ? undefined : 'must be a non-empty string')) as OptionCheck,
  /** Any string, empty included. */
  string: ((value) => (typeof value === 'string' ? undefined : 'must be a string')) as OptionCheck,
  boolean: ((value) => (typeof value === 'boolean' ? undefined : 'must be true or false')) as OptionCheck,
  function: ((value) => (typeof value === 'function' ? undefined : 'must be a function')) as OptionCheck,
  /** An instance of `type`, described as `what` in the message. */
  instanceOf:
    (type: abstract new (...args: never[]) => unknown, what: string): OptionCheck =>
    (value) =>
      value instanceof type ? undefined : `must be ${what}`,
  /** An object with a `getAccessToken()` method (and, when present, an `invalidate()` method). */
  tokenProvider: ((value) => {
    const provider = value as { getAccessToken?: unknown; invalidate?: unknown } | null;
    if ((typeof provider !== 'object' && typeof provider !== 'function') || provider === null || typeof provider.getAccessToken !== 'function') {
      return 'must be an object with a getAccessToken() method';
    }
    return provider.invalidate === undefined || typeof provider.invalidate === 'function' ? undefined : 'invalidate must be a method';
  }) as OptionCheck,
  /** An AbortSignal. */
  signal: ((value) => (isAbortSignal(value) ? undefined : 'must be an AbortSignal')) as OptionCheck,
  /** How many at once, or in a row: a whole number from 1. */
  count: ((value) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1 ? undefined : 'must be a whole number >= 1')) as OptionCheck,
  /** Milliseconds to wait, fractions allowed: a number from `minimum` to {@link MAX_TIMEOUT_MS}. */
  duration:
    (minimum: number): OptionCheck =>
    (value) =>
      typeof value === 'number' && value >= minimum && value <= MAX_TIMEOUT_MS ? undefined : `must be a number of milliseconds from ${minimum} to ${MAX_TIMEOUT_MS}`,
  /** One of `values`. */
  oneOf:
    (values: readonly string[]): OptionCheck =>
    (value) =>
      (values as readonly unknown[]).includes(value) ? undefined : `must be one of ${values.join(', ')}`,
  /** Retries per request, 0 to {@link MAX_RETRIES}. */
  retries: ((value) => integerProblem(value, 0, MAX_RETRIES, '')) as OptionCheck,
  /** Milliseconds for a timer: a whole number from 1 to {@link MAX_TIMEOUT_MS}. */
  milliseconds: ((value) => integerProblem(value, 1, MAX_TIMEOUT_MS, 'milliseconds')) as OptionCheck,
  /** One of {@link LOG_LEVELS}. */
  logLevel: ((value) => ((LOG_LEVELS as readonly unknown[]).includes(value) ? undefined : `must be one of ${LOG_LEVELS.join(', ')}`)) as OptionCheck,
  /** An object with `debug`, `info`, `warn` and `error` methods, such as `console`. */
  logger: ((value) => {
    const logger = value as Record<string, unknown> | null;
    if ((typeof logger !== 'object' && typeof logger !== 'function') || logger === null) return 'must be an object with debug, info, warn and error methods';
    const missing = ['debug', 'info', 'warn', 'error'].find((level) => typeof logger[level] !== 'function');
    return missing === undefined ? undefined : `must have a ${missing} method`;
  }) as OptionCheck,
  /** `{ onRequest?, onResponse?, onRetry? }`, each a function. */
  hooks: ((value) => {
    if (!isPlainObject(value)) return 'must be an object with onRequest, onResponse or onRetry functions';
    const names = ['onRequest', 'onResponse', 'onRetry'];
    const unknown = Object.keys(value).find((name) => !names.includes(name));
    if (unknown !== undefined) return `has an unknown hook ${shownKey(unknown)} (known: ${names.join(', ')})`;
    const bad = names.find((name) => value[name] !== undefined && typeof value[name] !== 'function');
    return bad === undefined ? undefined : `has ${bad} that is not a function`;
  }) as OptionCheck,
  /**
   * Extra request headers: a plain object of string values. `Authorization` and `X-Api-Key` (any
   * case) are refused: the SDK sets them from its credentials, and a request option never replaces them.
   */
  headers: ((value) => {
    if (!isPlainObject(value)) return 'must be a plain object of header names to string values';
    for (const [name, header] of Object.entries(value)) {
      if (!HEADER_NAME.test(name)) return `has an invalid header name ${shownKey(name)}`;
      if (RESERVED_HEADERS.has(name.toLowerCase())) return `may not set ${shownKey(name)}: the SDK sets it from its credentials`;
      // Values are not echoed: a caller's header may hold a secret of their own.
      if (typeof header !== 'string') return `has a value for ${shownKey(name)} that is not a string`;
      if (/[\r\n\0]/.test(header)) return `has a value for ${shownKey(name)} with a line break or NUL`;
    }
    return undefined;
  }) as OptionCheck,
  /** One of the API versions the SDK speaks (`2021-09-23`, `2024-11-29`). */
  apiVersion: ((value) => ((API_VERSIONS as readonly unknown[]).includes(value) ? undefined : `must be one of ${API_VERSIONS.join(', ')}`)) as OptionCheck,
  /**
   * A proxy: an http(s) URL as a string or `URL` (a user and password in it are allowed), or `false`.
   * Never echoed: its password would be.
   */
  proxy: ((value) => {
    if (value === false) return undefined;
    const expected = 'must be an http(s) URL such as http://proxy.example:3128, or false';
    if (!(value instanceof URL) && typeof value !== 'string') return expected;
    let url: URL;
    try {
      url = value instanceof URL ? value : new URL(value);
    } catch {
      return expected;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : expected;
  }) as OptionCheck,
  /** An absolute http or https URL, such as `https://api.lucidtech.ai/v1`. */
  httpUrl: ((value) => urlProblem(value, false)) as OptionCheck,
  /** A host (`auth.lucidtech.ai`, https is assumed) or an absolute http or https URL. */
  hostOrHttpUrl: ((value) => urlProblem(value, true)) as OptionCheck,
};

/** Whether `value` is an AbortSignal: the one test of it, for the option tables and the schemas alike. */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return value instanceof AbortSignal;
}

/**
 * `value` of the option `name` of `owner`, or `fallback` when it is undefined; a value `check`
 * refuses is a {@link ValidationError} naming the option, never echoing the value.
 */
export function checkOption<T>(owner: string, name: string, value: T | undefined, check: OptionCheck, fallback: T): T;
export function checkOption<T>(owner: string, name: string, value: T | undefined, check: OptionCheck): T | undefined;
export function checkOption<T>(owner: string, name: string, value: T | undefined, check: OptionCheck, fallback?: T): T | undefined {
  if (value === undefined) return fallback;
  const problem = check(value);
  if (problem) throw new ValidationError(`${owner}: ${name} ${problem}`);
  return value;
}

/**
 * Refuses an options object with an option the table does not name (own keys only: `toString`
 * is unknown too) or a value its check refuses; undefined values count as not given. Returns a
 * copy holding the options' own values only, so nothing inherited is read after the check.
 */
export function checkOptions<T extends object>(owner: string, options: T | undefined, table: Readonly<Record<string, OptionCheck>>): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError(`${owner}: the options must be an object`);
  }
  const unknown = Object.keys(options).find((key) => !Object.hasOwn(table, key));
  if (unknown !== undefined) {
    throw new ValidationError(`${owner}: unknown option ${shownKey(unknown)} (known: ${Object.keys(table).join(', ')})`);
  }
  const given: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(table)) {
    const value = Object.hasOwn(options, key) ? (options as Record<string, unknown>)[key] : undefined;
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) throw new ValidationError(`${owner}: ${key} ${problem}`);
    given[key] = value;
  }
  return given as Partial<T>;
}

function integerProblem(value: unknown, minimum: number, maximum: number, unit: string): string | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum
    ? undefined
    : `must be a whole number${unit && ` of ${unit}`} from ${minimum} to ${maximum}`;
}

function shownKey(key: string): string {
  return JSON.stringify(key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key);
}

function urlProblem(value: unknown, hostAllowed: boolean): string | undefined {
  const expected = hostAllowed
    ? 'must be a host such as auth.lucidtech.ai or an http(s) URL such as http://127.0.0.1:4010'
    : 'must be an http(s) URL such as https://api.lucidtech.ai/v1';
  if (typeof value !== 'string' || value.trim() === '') return expected;
  if (value !== value.trim()) return 'must not start or end with blanks';
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  if (!hasScheme && !hostAllowed) return expected;
  let url: URL;
  try {
    url = new URL(hasScheme ? value : `https://${value}`);
  } catch {
    return expected;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return expected;
  // fetch refuses a URL with credentials in it, and the SDK sends its own.
  if (url.username || url.password) return 'must not hold a user name or password';
  if (/[?#]/.test(value)) return 'must not have a query or fragment';
  return undefined;
}
