/**
 * How a failed call becomes the SDK's error: an answer becomes the ApiError of its status, a
 * timeout or a network failure says whether the request may have been applied, an abort says
 * whether it was sent. ky's errors are never passed on (they hold the Request and its token).
 */
import { HTTPError, TimeoutError as KyTimeoutError } from 'ky';
import { AbortError, ApiError, ConnectionError, LasError, TimeoutError } from '../errors.js';
import { requestIdOf, type Call, type Method } from './call.js';
import { describeNetworkFailure, isNetworkFailure, neverSent } from './network-failure.js';
import { sentNothing } from './not-sent.js';
import { redact } from './redact.js';
import { readablePath } from './path.js';
import { mayResend } from './retry.js';

const MAY_HAVE_BEEN_APPLIED = '; the server may have received and applied it: check before sending it again';

/** The AbortError of a call stopped by its signal; only a POST or PATCH already sent may have been applied. */
export function aborted(call: Call): AbortError {
  const { method } = call;
  const path = readablePath(call.path);
  const mayHaveBeenApplied = !mayResend(method) && call.attempts > 0;
  const state = call.attempts === 0 ? ' before it was sent' : '';
  return new AbortError(`${method} ${path} was aborted${state}${mayHaveBeenApplied ? MAY_HAVE_BEEN_APPLIED : ''}`, {
    cause: call.options.signal?.reason,
    mayHaveBeenApplied,
  });
}

// ky's errors hold the Request and its Authorization header: never pass them on as `cause`.
// `sentPath` is the path as sent; messages show it with its ids decoded.
export function toLasError(error: unknown, method: Method, sentPath: string, secrets: string[]): Error {
  if (error instanceof LasError) return error;
  const path = readablePath(sentPath);
  if (error instanceof HTTPError) {
    const { response } = error;
    const requestId = requestIdOf(response.headers);
    // A JSON body sent without a JSON Content-Type still arrives parsed.
    const data = typeof error.data === 'string' && /^\s*[{[]/.test(error.data) ? parseJsonOrText(error.data) : error.data;
    // A server or proxy that echoes the request must not put our token into an error.
    const body = redact(data, secrets);
    return ApiError.from({ status: response.status, method, url: readablePath(withoutQuery(response.url)) || path, body, requestId });
  }
  // retry.ts never sends a POST or PATCH again after it may have reached the server: the caller
  // must learn that it may have been applied, or a retry of their own may apply it twice.
  const unsafe = !mayResend(method);
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

/** The text of a body, parsed when it is JSON. */
export function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withoutQuery(url: string): string {
  return url.split('?')[0];
}
