/** The auth server's base URL, shared by every kind of credentials (no Node module: browsers load it too). */

/** `authEndpoint` as a base URL: `https://` added to a bare host, trailing slashes dropped. */
export function authBaseUrl(authEndpoint: string): string {
  const base = /^[a-z][a-z0-9+.-]*:\/\//i.test(authEndpoint) ? authEndpoint : `https://${authEndpoint}`;
  return base.replace(/\/+$/, '');
}
