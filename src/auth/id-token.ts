/**
 * Who signed in, read from the payload of the ID token the auth server answers beside the access
 * token. Decoded only, never verified: the page that reads it trusts the auth server's answer over
 * TLS, and nothing here may be used to authorize anything.
 */

/** The person signed in, as the ID token names them. */
export interface SignedInUser {
  /** The user's id (the token's `sub`): stable, unique in the organization. */
  readonly sub: string;
  /** The user's email, when the token carries one. */
  readonly email?: string;
}

/** The user an ID token names, or undefined when it is not a JWT with a `sub`. */
export function userOfIdToken(idToken: string): SignedInUser | undefined {
  const parts = idToken.split('.');
  if (parts.length !== 3) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(base64UrlText(parts[1]));
  } catch {
    return undefined;
  }
  const { sub, email } = (typeof claims === 'object' && claims !== null ? claims : {}) as { sub?: unknown; email?: unknown };
  if (typeof sub !== 'string' || sub === '') return undefined;
  return Object.freeze({ sub, ...(typeof email === 'string' && { email }) });
}

// atob and TextDecoder: the browser build has no Buffer.
function base64UrlText(part: string): string {
  const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}
