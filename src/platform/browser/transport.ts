/** In a browser or a worker, requests go through the platform's own fetch. */
import { ValidationError } from '../../errors.js';
import type { BodyBytes } from '../../http/document-body.js';
import { inThisRuntime } from './runtime.js';

/** A fetch as ky calls it (the Node side's Transport, without importing that Node-only module). */
type Transport = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The global fetch, looked up at each call (a page or test may replace it after import). */
export function defaultTransport(): Transport {
  return async (input, init) => {
    try {
      return await globalThis.fetch(input, init);
    } catch (error) {
      throw asFetchFailure(error, input, init);
    }
  };
}

/**
 * fetch rejects with a TypeError when the network fails, or with the abort's reason; workerd's
 * with a plain Error ("Network connection lost."). That one is made the `TypeError('fetch failed')`
 * the SDK's error mapping knows, with workerd's error as the cause.
 */
function asFetchFailure(error: unknown, input: string | URL | Request, init: RequestInit | undefined): unknown {
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  if (signal?.aborted || error instanceof TypeError || !(error instanceof Error) || error.name !== 'Error') return error;
  return new TypeError('fetch failed', { cause: error });
}

/** No proxy of the SDK's own here: `false` is the platform's fetch, a proxy URL is refused. */
export function proxyTransport(proxy: string | false): Transport {
  if (proxy === false) return defaultTransport();
  throw new ValidationError(
    `new Las: proxy is not available ${inThisRuntime()}: requests go through the platform's fetch, which takes the system's or the platform's proxy settings, not one from the SDK`,
  );
}

/**
 * A body built as bytes (an upload's JSON, a file), as sent: the bytes. A browser sends a stream body only over HTTP/2
 * (Chrome; Firefox and Safari not at all): over HTTP/1.1 the request fails before it leaves
 * (Chrome: net::ERR_ALPN_NEGOTIATION_FAILED).
 */
export function bytesBody(body: BodyBytes): BodyInit {
  return body.bytes as Uint8Array<ArrayBuffer>;
}
