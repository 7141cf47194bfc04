/** In Node, clients without a fetch of their own share one undici transport (see http/transport.ts). */
import type { BodyBytes } from '../../http/document-body.js';
import { createNodeFetch, type Transport } from '../../http/transport.js';

let shared: Transport | undefined;
const proxied = new Map<string, Transport>();

/**
 * The transport of clients without a fetch or proxy of their own: one for all, so they share
 * connections; made on first use. It goes through `HTTPS_PROXY`/`HTTP_PROXY` unless `NO_PROXY` names the host.
 */
export function defaultTransport(): Transport {
  return (shared ??= createNodeFetch());
}

/** The transport through `proxy` (a URL), or straight to the server whatever the environment says (`false`); one per proxy. */
export function proxyTransport(proxy: string | false): Transport {
  const key = String(proxy);
  let transport = proxied.get(key);
  if (!transport) proxied.set(key, (transport = createNodeFetch({ proxy })));
  return transport;
}

/** A body built as bytes (an upload's JSON, a file), as sent: a stream of views of them, never a copy (see BodyBytes.stream). */
export function bytesBody(body: BodyBytes): BodyInit {
  return body.stream();
}
