/**
 * The ID token of a person's sign-in, as the service's auth server (Cognito) answers it when the
 * scope holds `openid`: a JWT whose payload says who signed in. Signed HS256 with a secret of this
 * emulator run, so nothing outside can check it: clients must not trust it without verifying it,
 * and must never use it in place of the access token.
 */
import { createHmac } from 'node:crypto';

/** What an ID token says. */
export interface IdTokenClaims {
  /** The user's id. */
  sub: string;
  /** The user's email, when they have one. */
  email?: string;
  /** The app client's `clientId`. */
  aud: string;
  /** The auth server's URL. */
  iss: string;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expires at, seconds since the epoch. */
  exp: number;
}

/** The JWT `header.payload.signature`, base64url each. */
export function signIdToken(claims: IdTokenClaims, secret: Buffer): string {
  const header = encode({ alg: 'HS256', typ: 'JWT' });
  const payload = encode({ ...claims, token_use: 'id' });
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
