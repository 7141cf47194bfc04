/** In Node, clients without a fetch of their own share one undici transport (see http/transport.ts). */
import { createNodeFetch, type Transport } from '../../http/transport.js';

let shared: Transport | undefined;

/** The transport of clients without a fetch of their own: one for all, so they share connections; made on first use. */
export function defaultTransport(): Transport {
  return (shared ??= createNodeFetch());
}
