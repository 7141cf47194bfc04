/**
 * What a failed request means for the work around it, decided once for every job: whether
 * sending it again may succeed (the worker, a final status), and whether it would stop every
 * other item of a bulk upload or download the same way.
 */
import {
  ConnectionError,
  InvalidCredentialsError,
  LimitExceededError,
  NotFoundError,
  ServerError,
  TimeoutError,
  TooManyRequestsError,
} from '../errors.js';

/** Whether a request that failed with `error` may succeed when sent again: an outage, not a refusal. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ServerError || error instanceof TooManyRequestsError || error instanceof ConnectionError || error instanceof TimeoutError
  );
}

/**
 * Whether `error` would stop every other item of a bulk job the same way, so that the job stops
 * rather than fail thousands of times: credentials that no longer work, a used-up quota, and a
 * 404 for what all items share (`notFound: 'shared'`: the dataset an upload posts into). A 404
 * of the item itself (`notFound: 'the item'`: a document deleted since it was listed) is that
 * item's failure only.
 */
export function stopsEveryItem(error: unknown, notFound: 'shared' | 'the item'): boolean {
  if (error instanceof NotFoundError) return notFound === 'shared';
  return error instanceof InvalidCredentialsError || error instanceof LimitExceededError;
}
