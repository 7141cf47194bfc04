/**
 * The OAuth2 token endpoint (client credentials with HTTP Basic; authorization code and refresh
 * token for people signed in through oauth.ts) and the bearer check of every API request. Any app
 * client with a secret can get tokens, the emulator's own one included.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { HttpError } from './http-error.js';
import { signIdToken } from './id-token.js';
import type { JsonObject } from './json.js';
import { keepGrant, redeemCode, redeemRefreshToken, revokeRefreshToken, type Grant } from './oauth.js';
import type { Store } from './store.js';

/** Paths of the token endpoint: the SDK's `<auth>/token`, and `/oauth2/token` as the spec names it. */
export const TOKEN_PATHS: readonly string[] = ['/token', '/oauth2/token'];

/** Lifetime of a token when the emulator is not told otherwise (the service's hour). */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** The service's answer to an API request without a bearer token (401). */
export const UNAUTHORIZED = 'Unauthorized';
/** The service's answer to a bearer token it does not know (403). */
export const FORBIDDEN = 'Forbidden';
/** The service's answer to an access token of a revoked sign-in (401). */
export const TOKEN_REVOKED = 'The incoming token has been revoked';
/** The service's answer to an expired bearer token (401). */
export const TOKEN_EXPIRED = 'The incoming token has expired';

/** Hands out and checks bearer tokens. */
export class Auth {
  // Signs the ID tokens of this run: made up at start, so no one outside can check them.
  readonly #idTokenSecret = randomBytes(32);

  constructor(
    private readonly store: Store,
    private readonly lifetimeSeconds: number = DEFAULT_TOKEN_LIFETIME_SECONDS,
  ) {}

  /**
   * `POST /token?grant_type=client_credentials` with `Authorization: Basic base64(id:secret)`
   * (or `client_id`/`client_secret` in a form body). Answers `{ access_token, expires_in, token_type }`.
   * `grant_type=authorization_code` and `refresh_token` (form body) answer a person's tokens, with
   * `refresh_token`, and an `id_token` when the sign-in's scope has `openid` (a refresh answers a
   * new one, as Cognito does); an app client with a secret must send it with them too. `issuer` is
   * the auth server's URL, the ID token's `iss`.
   */
  issue(authorization: string | undefined, query: URLSearchParams, body: string, issuer: string): JsonObject {
    const form = new URLSearchParams(body);
    const grantType = query.get('grant_type') ?? form.get('grant_type');
    if (grantType === 'authorization_code' || grantType === 'refresh_token') {
      const { appClientId, userId, refreshToken, signIn, openid } = grantType === 'authorization_code' ? redeemCode(this.store, form) : redeemRefreshToken(this.store, form);
      this.#checkSecret(appClientId, authorization, form);
      return {
        ...this.#grant(appClientId, { userId, signIn }),
        ...(openid && { id_token: this.#idToken(appClientId, userId, issuer) }),
        refresh_token: refreshToken,
      };
    }
    if (grantType !== 'client_credentials') {
      throw new HttpError(400, 'grant_type must be client_credentials, authorization_code or refresh_token', { error: 'unsupported_grant_type' });
    }
    const [clientId, clientSecret] = basicCredentials(authorization) ?? [form.get('client_id'), form.get('client_secret')];
    if (!clientId || !clientSecret) {
      throw new HttpError(401, 'Client credentials are required: HTTP Basic base64(clientId:clientSecret)', { error: 'invalid_client' });
    }
    const client = this.store.tables.appClients
      .rows()
      .find((row) => row.data.clientId === clientId && typeof row.hidden.clientSecret === 'string' && same(row.hidden.clientSecret, clientSecret));
    if (!client) throw new HttpError(401, 'Unknown client id or wrong client secret', { error: 'invalid_client' });
    return this.#grant(client.id);
  }

  /**
   * `POST /oauth2/revoke` with a form body `token=<refresh token>&client_id=...` (and the secret,
   * as for the token endpoint, for an app client that has one): the sign-in ends, its refresh
   * token and the access tokens issued with it are refused from now on. Answers 200, no body.
   */
  revoke(authorization: string | undefined, body: string): void {
    const form = new URLSearchParams(body);
    const clientId = basicCredentials(authorization)?.[0] ?? form.get('client_id');
    const client = this.store.tables.appClients.rows().find((row) => row.data.clientId === clientId);
    if (!client) throw new HttpError(401, 'client_id is not an app client of this organization', { error: 'invalid_client' });
    this.#checkSecret(client.id, authorization, form);
    revokeRefreshToken(this.store, client.id, form);
  }

  /**
   * Who is behind `Authorization: Bearer <token>`: the user signed in, else the app client. Refused
   * in the service's words (its clients match on them): 401 `Unauthorized` without a bearer token,
   * 401 `The incoming token has expired` or `has been revoked` (signed out), 403 `Forbidden` for a token this emulator never handed
   * out as an access token (a code or refresh token included) or whose user is gone.
   */
  authenticate(authorization: string | undefined): string {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) throw new HttpError(401, UNAUTHORIZED);
    const grant = this.store.tokens.get(match[1]) as Grant | undefined;
    if (!grant || grant.kind !== undefined) throw new HttpError(403, FORBIDDEN);
    if (grant.revoked) throw new HttpError(401, TOKEN_REVOKED);
    if (grant.expiresAt <= this.store.clock.now()) {
      this.store.tokens.delete(match[1]);
      this.store.touch();
      throw new HttpError(401, TOKEN_EXPIRED);
    }
    if (grant.userId !== undefined && !this.store.tables.users.get(grant.userId)) throw new HttpError(403, FORBIDDEN);
    return grant.userId ?? grant.appClientId;
  }

  // An app client with a secret sends it with every request of a person's sign-in too.
  #checkSecret(appClientId: string, authorization: string | undefined, form: URLSearchParams): void {
    const secret = this.store.tables.appClients.get(appClientId)?.hidden.clientSecret;
    if (typeof secret !== 'string') return;
    const given = basicCredentials(authorization)?.[1] ?? form.get('client_secret');
    if (given === null || !same(secret, given)) throw new HttpError(401, 'This app client has a secret: send it with the request', { error: 'invalid_client' });
  }

  #idToken(appClientId: string, userId: string, issuer: string): string {
    const now = Math.floor(this.store.clock.now() / 1000);
    const email = this.store.tables.users.get(userId)?.data.email;
    return signIdToken(
      {
        sub: userId,
        ...(typeof email === 'string' && { email }),
        aud: String(this.store.tables.appClients.get(appClientId)?.data.clientId),
        iss: issuer,
        iat: now,
        exp: now + this.lifetimeSeconds,
      },
      this.#idTokenSecret,
    );
  }

  #grant(appClientId: string, person?: { userId: string; signIn: string }): JsonObject {
    const token = randomBytes(32).toString('base64url');
    keepGrant(this.store, token, { appClientId, ...person, expiresAt: this.store.clock.now() + this.lifetimeSeconds * 1000 });
    return { access_token: token, expires_in: this.lifetimeSeconds, token_type: 'Bearer' };
  }
}

function basicCredentials(authorization: string | undefined): [string, string] | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
