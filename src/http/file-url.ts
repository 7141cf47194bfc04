/**
 * The file server's URLs (a document's `fileUrl`, API version 2024-11-29): absolute, given by the
 * API's answers, and sent the bearer token. The token goes only over https, or plain http to this
 * machine (the 2024 spec's own pattern allows `http://localhost`; an emulator or a test serves there).
 */
import { LasError } from '../errors.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * `fileUrl` as a URL the token may go to; a {@link LasError} naming only its origin otherwise,
 * nothing sent. `what` names the call in the message.
 */
export function checkFileUrl(fileUrl: unknown, what: string): URL {
  let url: URL | undefined;
  try {
    url = typeof fileUrl === 'string' ? new URL(fileUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url) throw new LasError(`${what}: the API answered a fileUrl that is not an absolute URL; nothing was sent to it`);
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username || url.password) {
    throw new LasError(
      `${what}: the API answered a fileUrl at ${url.protocol}//${url.host}, where the access token may not go (only https, or http to localhost); nothing was sent to it`,
    );
  }
  return url;
}

/** The URL as logs, hooks and errors name it: origin and path, never its query. */
export function fileUrlLabel(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
