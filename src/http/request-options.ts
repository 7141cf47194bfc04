import { checkOptions, option, type OptionCheck } from '../options.js';

/**
 * Per-call control, the last optional argument of every method that sends a request. Each value
 * overrides the client's for this call only.
 */
export interface RequestOptions {
  /** Stops the call: an `AbortError` (cause: the signal's reason); in flight, the request is cancelled. */
  signal?: AbortSignal;
  /** Milliseconds per attempt, a whole number from 1. */
  timeout?: number;
  /** Milliseconds for the whole call, retries included, a whole number from 1. */
  totalTimeout?: number;
  /** Retries after the first attempt, 0 to 10. */
  maxRetries?: number;
  /** Extra headers. `Authorization` and `X-Api-Key` are the SDK's: naming them is refused. */
  headers?: Record<string, string>;
}

// One line per option: the compiler insists every option of RequestOptions has its check.
const REQUEST_OPTIONS = {
  signal: option.signal,
  timeout: option.milliseconds,
  totalTimeout: option.milliseconds,
  maxRetries: option.retries,
  headers: option.headers,
} satisfies Record<keyof RequestOptions, OptionCheck>;

/**
 * `options` checked (a `ValidationError` naming the option, before anything is sent) and copied:
 * own values only, headers copied too, so what was checked is what is sent.
 */
export function checkRequestOptions(options: RequestOptions | undefined): RequestOptions {
  const checked = checkOptions('requestOptions', options, REQUEST_OPTIONS);
  if (checked.headers) checked.headers = { ...checked.headers };
  return checked;
}

/**
 * `requestOptions` with `signal` too, for long work that takes a signal in its own options:
 * either signal aborts the call.
 */
export function withSignal(requestOptions: RequestOptions | undefined, signal: AbortSignal | undefined): RequestOptions | undefined {
  if (!signal) return requestOptions;
  const other = requestOptions?.signal;
  return { ...requestOptions, signal: other && other !== signal ? AbortSignal.any([signal, other]) : signal };
}
