/**
 * On Deno (package.json condition `deno`), requests go through Deno's own fetch: undici works
 * there through Deno's Node layer, but measured slower than Deno's fetch (see bench/). That fetch
 * reads `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY` itself; a proxy of the SDK's goes through `Deno.createHttpClient`.
 */
import { ValidationError } from '../../errors.js';
import type { BodyBytes } from '../../http/document-body.js';

/** A fetch as ky calls it. */
type Transport = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** What this module uses of the `Deno` global (no Deno types in this build). */
interface DenoHttp {
  createHttpClient?: (options: { proxy: { url: string; basicAuth?: { username: string; password: string } } }) => object;
}

/** Deno's global fetch, looked up at each call; it honours the environment's proxy variables. */
export function defaultTransport(): Transport {
  return async (input, init) => globalThis.fetch(input, init);
}

/** Deno's fetch through an HTTP client of `proxy`; `false` is refused, as Deno's clients still read the environment's proxy. */
export function proxyTransport(proxy: string | false): Transport {
  const deno = (globalThis as { Deno?: DenoHttp }).Deno;
  if (proxy === false) {
    throw new ValidationError(
      'new Las: proxy: false is not available on Deno: its fetch reads HTTPS_PROXY/HTTP_PROXY itself; unset them, or name the host in NO_PROXY',
    );
  }
  if (typeof deno?.createHttpClient !== 'function') {
    throw new ValidationError('new Las: proxy is not available here: Deno.createHttpClient is missing');
  }
  // The user and password of the URL go as Deno's basicAuth (Proxy-Authorization).
  const url = new URL(proxy);
  const basicAuth = url.username ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) } : undefined;
  url.username = '';
  url.password = '';
  const client = deno.createHttpClient({ proxy: { url: url.href, ...(basicAuth && { basicAuth }) } });
  // `client` is Deno's own fetch option (lib.dom's RequestInit does not know it).
  return async (input, init) => globalThis.fetch(input, { ...init, client } as RequestInit);
}

/** A body built as bytes (an upload's JSON, a file), as sent: the bytes (a stream would go chunked). */
export function bytesBody(body: BodyBytes): BodyInit {
  return body.bytes as Uint8Array<ArrayBuffer>;
}
