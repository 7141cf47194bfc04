/**
 * Sign-in of people, as the service's hosted pages do it: `/oauth2/authorize` shows a page to pick
 * a user of the organization and approve, then sends the browser to the app client's callback
 * with a one-use code; the token endpoint (auth.ts) exchanges it, checking the PKCE verifier, and
 * refreshes; `/oauth2/revoke` ends a sign-in (its refresh token and the access tokens issued
 * with it); `/logout` sends the browser back to a registered page. Codes and refresh tokens are
 * kept in `store.tokens` beside access tokens, so they are saved and restored the same way.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HttpError } from './http-error.js';
import type { JsonObject } from './json.js';
import type { Row, Store, TokenGrant } from './store.js';

/** What `store.tokens` holds: an access token, or (with `kind`) a sign-in code or a refresh token. */
export interface Grant extends TokenGrant {
  kind?: 'code' | 'refresh';
  /** The user signed in: the `createdBy` of what their access tokens create. */
  userId?: string;
  /** A code's PKCE S256 challenge. */
  challenge?: string;
  /** The `redirect_uri` a code was sent to: its exchange must name the same. */
  redirectUri?: string;
  /** The sign-in a refresh token and its access tokens belong to: revoking it ends them all. */
  signIn?: string;
  /** A code's or refresh token's sign-in asked for the `openid` scope (or for none: all of the client's): its token answers hold an ID token. */
  openid?: boolean;
  /** An access token of a revoked sign-in: kept until it expires, so it is refused as revoked (401), not as unknown. */
  revoked?: boolean;
}

/** What the token endpoint hands out for a redeemed code or refresh token. */
export interface Redeemed {
  appClientId: string;
  userId: string;
  refreshToken: string;
  /** The sign-in the access token handed out with it belongs to. */
  signIn: string;
  /** Whether the answer holds an ID token (the sign-in's scope has `openid`). */
  openid: boolean;
}

/** An answer of the sign-in pages: HTML (a string body), a redirect, or JSON. */
export interface SignInAnswer {
  status: number;
  body?: JsonObject | string;
  headers?: Record<string, string>;
}

/** Seconds a code can be exchanged in. */
export const CODE_LIFETIME_SECONDS = 60;
/** Seconds a refresh token lasts (the service's default, 30 days). */
export const REFRESH_TOKEN_LIFETIME_SECONDS = 30 * 24 * 3600;

/** Path of the sign-in page. */
export const AUTHORIZE_PATH = '/oauth2/authorize';
/** Path of the token revocation endpoint (the service's, Cognito's). */
export const REVOKE_PATH = '/oauth2/revoke';
/** Path of the sign-out redirect. */
export const LOGOUT_PATH = '/logout';

const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const MAX_USERS_LISTED = 200;
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  // No script, and no framing: a page that approves a sign-in must not be clickjacked.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
};

/** Keeps a grant under its token, saved with the next commit. */
export function keepGrant(store: Store, token: string, grant: Grant): void {
  store.tokens.set(token, grant);
  store.touch();
}

/** The answer to a request for a sign-in page, or undefined when the path is not one. */
export function answerSignIn(store: Store, method: string, url: URL, body: string): SignInAnswer | undefined {
  if (url.pathname === AUTHORIZE_PATH && method === 'GET') return page(store, checkAuthorize(store, url.searchParams), 200);
  if (url.pathname === AUTHORIZE_PATH && method === 'POST') return approve(store, new URLSearchParams(body));
  if (url.pathname === LOGOUT_PATH && method === 'GET') return logout(store, url.searchParams);
  return undefined;
}

/** `grant_type=authorization_code`: the code, once, with its client, redirect_uri and PKCE verifier. */
export function redeemCode(store: Store, form: URLSearchParams): Redeemed {
  const code = form.get('code') ?? '';
  const grant = store.tokens.get(code) as Grant | undefined;
  if (!grant || grant.kind !== 'code') throw invalidGrant('The code is unknown or was used already');
  // Used up by this attempt, whatever its outcome: a code cannot be tried twice.
  store.tokens.delete(code);
  store.touch();
  if (grant.expiresAt <= store.clock.now()) throw invalidGrant('The code has expired');
  const client = store.tables.appClients.get(grant.appClientId);
  if (!client || client.data.clientId !== form.get('client_id')) throw invalidGrant('client_id is not the app client the code was issued to');
  if (form.get('redirect_uri') !== grant.redirectUri) throw invalidGrant('redirect_uri is not the one the code was sent to');
  const verifier = form.get('code_verifier') ?? '';
  if (!VERIFIER.test(verifier) || s256(verifier) !== grant.challenge) throw invalidGrant('code_verifier does not match the code_challenge');
  const userId = signedInUser(store, grant);
  const refreshToken = randomBytes(32).toString('base64url');
  const signIn = randomBytes(16).toString('base64url');
  const openid = grant.openid === true;
  keepGrant(store, refreshToken, { kind: 'refresh', appClientId: grant.appClientId, userId, signIn, openid, expiresAt: store.clock.now() + REFRESH_TOKEN_LIFETIME_SECONDS * 1000 });
  return { appClientId: grant.appClientId, userId, refreshToken, signIn, openid };
}

/** `grant_type=refresh_token`: a refresh token of this client whose user still exists. */
export function redeemRefreshToken(store: Store, form: URLSearchParams): Redeemed {
  const refreshToken = form.get('refresh_token') ?? '';
  const grant = store.tokens.get(refreshToken) as Grant | undefined;
  if (!grant || grant.kind !== 'refresh') throw invalidGrant('The refresh token is unknown or was revoked');
  if (grant.expiresAt <= store.clock.now()) {
    store.tokens.delete(refreshToken);
    store.touch();
    throw invalidGrant('The refresh token has expired');
  }
  if (store.tables.appClients.get(grant.appClientId)?.data.clientId !== form.get('client_id')) {
    throw invalidGrant('client_id is not the app client the refresh token was issued to');
  }
  // A refresh token kept from before sign-ins were tracked is its own sign-in.
  return { appClientId: grant.appClientId, userId: signedInUser(store, grant), refreshToken, signIn: grant.signIn ?? refreshToken, openid: grant.openid === true };
}

/**
 * `POST /oauth2/revoke` (form `token`, `client_id`), client already authenticated: ends the sign-in
 * of a refresh token, that token and every access token issued with it. As RFC 7009 says, a token
 * that is unknown, expired or revoked already is answered 200 all the same.
 */
export function revokeRefreshToken(store: Store, appClientId: string, form: URLSearchParams): void {
  const token = form.get('token');
  if (!token) throw new HttpError(400, 'token is required: the refresh token to revoke', { error: 'invalid_request' });
  const grant = store.tokens.get(token) as Grant | undefined;
  if (!grant) return;
  if (grant.kind !== 'refresh') throw new HttpError(400, 'Only a refresh token can be revoked', { error: 'unsupported_token_type' });
  if (grant.appClientId !== appClientId) throw new HttpError(400, 'The token was not issued to this client', { error: 'invalid_request' });
  const signIn = grant.signIn ?? token;
  const accessTokens = [...store.tokens].filter(([key, each]) => key !== token && (each as Grant).signIn === signIn);
  store.tokens.delete(token);
  for (const [key, each] of accessTokens) store.tokens.set(key, { ...each, revoked: true } as Grant);
  store.touch();
}

// The checks of an authorize request (the page's GET and its form's POST alike). Each failure is
// a 400 in JSON and never a redirect: a redirect_uri is trusted only once it is registered.
function checkAuthorize(store: Store, params: URLSearchParams): { client: Row; redirectUri: string; challenge: string; state: string | null; scope: string | null } {
  const clientId = params.get('client_id');
  const client = store.tables.appClients.rows().find((row) => row.data.clientId === clientId);
  if (!client) throw new HttpError(400, 'client_id is not an app client of this organization', { error: 'invalid_client' });
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!registered(client.data.callbackUrls, redirectUri)) {
    throw new HttpError(400, "redirect_uri is not one of the app client's callbackUrls", { error: 'redirect_mismatch' });
  }
  if (params.get('response_type') !== 'code') throw new HttpError(400, 'response_type must be code', { error: 'unsupported_response_type' });
  if (params.get('code_challenge_method') !== 'S256') throw new HttpError(400, 'code_challenge_method must be S256', { error: 'invalid_request' });
  const challenge = params.get('code_challenge') ?? '';
  if (!CHALLENGE.test(challenge)) throw new HttpError(400, 'code_challenge must be 43 base64url characters', { error: 'invalid_request' });
  return { client, redirectUri, challenge, state: params.get('state'), scope: params.get('scope') };
}

function approve(store: Store, form: URLSearchParams): SignInAnswer {
  const request = checkAuthorize(store, form);
  const back = new URL(request.redirectUri);
  if (request.state !== null) back.searchParams.set('state', request.state);
  if (form.get('decision') === 'deny') {
    back.searchParams.set('error', 'access_denied');
    return redirect(back.href);
  }
  const wanted = (form.get('user') ?? '').trim();
  const user = store.tables.users.rows().find((row) => row.id === wanted || String(row.data.email).toLowerCase() === wanted.toLowerCase());
  if (!user || wanted === '') return page(store, request, 400, wanted === '' ? 'Pick or type a user.' : `No user ${wanted} in this organization.`);
  const code = randomBytes(32).toString('base64url');
  keepGrant(store, code, {
    kind: 'code',
    appClientId: request.client.id,
    userId: user.id,
    challenge: request.challenge,
    redirectUri: request.redirectUri,
    // As Cognito: no scope asked is all of the client's, `openid` among them.
    openid: request.scope === null || request.scope.split(' ').includes('openid'),
    expiresAt: store.clock.now() + CODE_LIFETIME_SECONDS * 1000,
  });
  back.searchParams.set('code', code);
  return redirect(back.href);
}

function logout(store: Store, params: URLSearchParams): SignInAnswer {
  const clientId = params.get('client_id');
  const client = store.tables.appClients.rows().find((row) => row.data.clientId === clientId);
  if (!client) throw new HttpError(400, 'client_id is not an app client of this organization', { error: 'invalid_client' });
  const logoutUri = params.get('logout_uri') ?? '';
  if (!registered(client.data.logoutUrls, logoutUri)) throw new HttpError(400, "logout_uri is not one of the app client's logoutUrls", { error: 'invalid_request' });
  return redirect(logoutUri);
}

function page(store: Store, request: ReturnType<typeof checkAuthorize>, status: number, problem?: string): SignInAnswer {
  const hidden = { response_type: 'code', client_id: request.client.data.clientId, redirect_uri: request.redirectUri, code_challenge_method: 'S256', code_challenge: request.challenge, ...(request.state !== null && { state: request.state }), ...(request.scope !== null && { scope: request.scope }) };
  const users = store.tables.users.rows().slice(0, MAX_USERS_LISTED);
  const app = String(request.client.data.name ?? request.client.data.clientId);
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Sign in: las-emulator</title>
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem}input{width:100%;padding:.4rem;box-sizing:border-box}button{margin:1rem .5rem 0 0;padding:.4rem 1rem}.problem{color:#b00020}</style></head>
<body><h1>Sign in to ${escapeHtml(app)}</h1>
<p>The local emulator signs in any user of the organization, without a password. You will be sent back to ${escapeHtml(new URL(request.redirectUri).origin)}.</p>
${problem ? `<p class="problem" role="alert">${escapeHtml(problem)}</p>\n` : ''}<form method="post" action="${AUTHORIZE_PATH}">
${Object.entries(hidden).map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(String(value))}">`).join('\n')}
<label for="user">User (email or user id)</label>
<input id="user" name="user" list="users" autocomplete="off" autofocus>
<datalist id="users">
${users.map((row) => `<option value="${escapeHtml(String(row.data.email))}">${escapeHtml(String(row.data.name ?? row.data.email))}</option>`).join('\n')}
</datalist>
<button type="submit" name="decision" value="approve">Sign in</button><button type="submit" name="decision" value="deny">Cancel</button>
</form></body></html>
`;
  return { status, body, headers: HTML_HEADERS };
}

function redirect(location: string): SignInAnswer {
  return { status: 302, headers: { location, 'cache-control': 'no-store' } };
}

function registered(urls: unknown, url: string): boolean {
  return url !== '' && Array.isArray(urls) && urls.includes(url);
}

// A user deleted since the sign-in signs nobody in.
function signedInUser(store: Store, grant: Grant): string {
  if (grant.userId === undefined || !store.tables.users.get(grant.userId)) throw invalidGrant('The user signed in is no longer in the organization');
  return grant.userId;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function invalidGrant(message: string): HttpError {
  return new HttpError(400, message, { error: 'invalid_grant' });
}

// Safe inside HTML text and double- or single-quoted attribute values.
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
