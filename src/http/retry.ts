import { HTTPError, type RetryOptions } from 'ky';
import { LimitExceededError } from '../errors.js';

/** Knobs of the retry policy. */
export interface RetrySettings {
  /** Retries per request after the first attempt. Default 3. */
  maxRetries?: number;
  /** Base of the exponential backoff in ms (doubles per retry, capped at 8 s). Default 500. */
  retryBaseDelay?: number;
  /** Longest `Retry-After` honoured, in ms. Default 20 000. */
  maxRetryAfter?: number;
}

// Idempotent (RFC 9110): sending them twice has the effect of sending them once. Of the methods the
// Session sends, GET and DELETE; a POST or PATCH may apply twice.
const IDEMPOTENT_METHODS = new Set(['GET', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * Whether a request of `method` may be sent again after it may have reached the server: the one
 * rule of retry safety. A request that may not, and failed after it may have been sent, may have
 * been applied: its error says so (`mayHaveBeenApplied`).
 */
export function mayResend(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}
// The server refused these before doing anything, so even a POST may be sent again.
const REFUSED_STATUSES = new Set([429, 503]);

/**
 * The one retry policy: 429 and 503 for every method, honouring Retry-After; other 5xx, network
 * errors and timed-out attempts only for idempotent methods; a POST or PATCH is otherwise never
 * sent twice.
 * A 429 "Limit Exceeded" is a used-up quota: retrying cannot help.
 */
export function retryPolicy(settings: RetrySettings): RetryOptions {
  const base = settings.retryBaseDelay ?? 500;
  return {
    limit: settings.maxRetries ?? 3,
    methods: ['get', 'put', 'delete', 'post', 'patch'],
    statusCodes: [408, 429, 500, 502, 503, 504],
    afterStatusCodes: [429, 503],
    maxRetryAfter: settings.maxRetryAfter ?? 20_000,
    // `timeout` is per attempt: a GET that got no answer in time is as safe to resend as a reset one.
    retryOnTimeout: true,
    backoffLimit: 8_000,
    delay: (attempt) => base * 2 ** (attempt - 1),
    jitter: (delay) => delay * (0.5 + Math.random() / 2),
    shouldRetry: ({ error }) => {
      const method = (error as { request?: Request }).request?.method ?? 'POST';
      if (error instanceof HTTPError) {
        if (error.response.status === 429 && LimitExceededError.matches(error.data)) return false;
        if (REFUSED_STATUSES.has(error.response.status)) return undefined;
      }
      return mayResend(method) ? undefined : false;
    },
  };
}

