/** In Node, clients without a fetch of their own share one undici transport (see http/transport.ts). */
import type { JsonBytes } from '../../http/document-body.js';
import { createNodeFetch, type Transport } from '../../http/transport.js';

let shared: Transport | undefined;

/** The transport of clients without a fetch of their own: one for all, so they share connections; made on first use. */
export function defaultTransport(): Transport {
  return (shared ??= createNodeFetch());
}

/** A JSON body built as bytes, as sent: a stream of views of them, never a copy (see JsonBytes.stream). */
export function jsonBody(body: JsonBytes): BodyInit {
  return body.stream();
}
