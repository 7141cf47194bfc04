/**
 * Network forensics: whether a failure was the network's (not a bug), whether it proves the
 * request never left this machine, and a description of it from its chain of causes.
 */
import { isNetworkError } from 'ky';

// What fetch (Node's, undici's, our transport) rejects with when the network fails: 'fetch failed'
// before the answer, 'terminated' while its body is read (ky wraps only the first in a NetworkError).
const FETCH_NETWORK_MESSAGES = new Set(['fetch failed', 'terminated']);

/**
 * Whether the request failed on the network: refused, reset, unknown host. Any other TypeError is
 * a bug (ours, or a custom fetch's) and goes to the caller as it is, not as a ConnectionError.
 * Duck-typed: Node's fetch rejects with a TypeError of another realm inside jest.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (isNetworkError(error)) return true;
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TypeError' && typeof message === 'string' && FETCH_NETWORK_MESSAGES.has(message);
}

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
export function neverSent(error: unknown): boolean {
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
export function describeNetworkFailure(error: unknown): string {
  let current = error as { message?: unknown; code?: unknown; cause?: unknown } | null | undefined;
  const reasons: string[] = [];
  while (typeof current === 'object' && current !== null && typeof current.message === 'string' && reasons.length < 4) {
    const { code } = current;
    reasons.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
    current = current.cause as typeof current;
  }
  return reasons.join(': ') || 'network error';
}
