/**
 * On Bun (package.json condition `bun`), requests go through Bun's own fetch: Bun's `undici`
 * module is a stand-in whose Agent cannot dispatch, and its fetch is the fast path there. That
 * fetch reads `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` itself and takes a `proxy` per request.
 */
import { ValidationError } from '../../errors.js';
import type { BodyBytes } from '../../http/document-body.js';

/** A fetch as ky calls it. */
type Transport = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Bun's global fetch, looked up at each call; it honours the environment's proxy variables. */
export function defaultTransport(): Transport {
  return async (input, init) => asFetchFailure(globalThis.fetch(input, init));
}

/**
 * Bun's fetch rejects a failed connection with its own TypeError ("ECONNREFUSED: Unable to
 * connect", code ECONNREFUSED): made the `TypeError('fetch failed')` that fetch's contract and
 * the SDK's error mapping know, with Bun's error as the cause.
 */
async function asFetchFailure(response: Promise<Response>): Promise<Response> {
  try {
    return await response;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (error instanceof TypeError && typeof code === 'string') throw new TypeError('fetch failed', { cause: error });
    throw error;
  }
}

/** Bun's fetch through `proxy`; `false` is refused, as Bun's fetch cannot be told to ignore the environment's proxy. */
export function proxyTransport(proxy: string | false): Transport {
  if (proxy === false) {
    throw new ValidationError(
      'new Las: proxy: false is not available on Bun: its fetch reads HTTPS_PROXY/HTTP_PROXY itself; unset them, or name the host in NO_PROXY',
    );
  }
  // `proxy` is Bun's own fetch option (lib.dom's RequestInit does not know it).
  return async (input, init) => asFetchFailure(globalThis.fetch(input, { ...init, proxy } as RequestInit));
}

/** A body built as bytes (an upload's JSON, a file), as sent: the bytes (a stream would go chunked). */
export function bytesBody(body: BodyBytes): BodyInit {
  return body.bytes as Uint8Array<ArrayBuffer>;
}
