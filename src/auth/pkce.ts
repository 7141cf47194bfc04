/**
 * PKCE (RFC 7636, method S256) and the random values of a sign-in, through WebCrypto alone: the
 * same code runs in browsers and in Node, with no crypto library.
 */

/** `bytes` random bytes as base64url text: 32 bytes give a 43-character PKCE code verifier. */
export function randomBase64Url(bytes = 32): string {
  return base64Url(globalThis.crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)), unpadded. */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
