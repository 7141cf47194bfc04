/** In a browser, requests go through the page's own fetch. */
import type { JsonBytes } from '../../http/document-body.js';

/** The global fetch, looked up at each call (a page or test may replace it after import). */
export function defaultTransport(): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init) => globalThis.fetch(input, init);
}

/**
 * A JSON body built as bytes, as sent: the bytes. A browser sends a stream body only over HTTP/2
 * (Chrome; Firefox and Safari not at all): over HTTP/1.1 the request fails before it leaves
 * (Chrome: net::ERR_ALPN_NEGOTIATION_FAILED).
 */
export function jsonBody(body: JsonBytes): BodyInit {
  return body.bytes as Uint8Array<ArrayBuffer>;
}
