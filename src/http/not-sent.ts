/**
 * Whether a failed request provably never left this machine, so that a POST or PATCH cannot have
 * been applied: the SDK's transport marks what fails before it writes a byte (no connection, a
 * dispatcher that throws), and Deno's fetch says so in its message.
 */

const NOT_SENT = Symbol.for('las-sdk.notSent');

// Deno's fetch, which gives no code: "error sending request for url (…): client error (Connect):
// tcp connect error" (refused) or "…: dns error" (unknown host). Bun's gives Node's codes (ECONNREFUSED).
const DENO_CONNECT_FAILED = /: client error \(Connect\)/;

/** `error` marked as sent nowhere (when it can hold a mark), for {@link sentNothing}. */
export function notSent<T>(error: T): T {
  if (typeof error === 'object' && error !== null && Object.isExtensible(error)) {
    Object.defineProperty(error, NOT_SENT, { value: true });
  }
  return error;
}

/** Whether `error`, or an error it was caused by, says the request never left. */
export function sentNothing(error: unknown): boolean {
  let current = error as { message?: unknown; cause?: unknown; [NOT_SENT]?: unknown } | null | undefined;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    if (current[NOT_SENT] === true) return true;
    if (typeof current.message === 'string' && DENO_CONNECT_FAILED.test(current.message)) return true;
    current = current.cause as typeof current;
  }
  return false;
}
