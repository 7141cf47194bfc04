/**
 * The emulator signs people in, driven with plain fetch (redirects not followed): the authorize
 * page, the redirect to a registered callback only, the code exchanged once with its PKCE
 * verifier, refresh, logout to a registered page only, and what a person's token creates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { pkceChallenge } from '../../../src/auth/pkce.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { internals } from '../src/internals.js';
import { raw, useEmulator } from './helpers.js';
import { hiddenFields, postApprove } from './sign-in.js';

const t = useEmulator();
const CALLBACK = 'http://localhost:9/callback?app=review';
const LOGOUT = 'http://localhost:9/signed-out';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const NASTY = '"><script>alert(1)</script>';

let clientId: string;
let userId: string;

beforeAll(async () => {
  const client = await t.las.appClients.create({ name: `Review ${NASTY}`, generateSecret: false, callbackUrls: [CALLBACK], logoutUrls: [LOGOUT] });
  clientId = client.clientId;
  userId = (await t.las.users.create('reviewer@example.com', { name: NASTY })).userId;
});

afterEach(() => jest.restoreAllMocks());

async function authorizeParams(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: CALLBACK,
    code_challenge_method: 'S256',
    code_challenge: await pkceChallenge(VERIFIER),
    state: 'state-1',
    ...overrides,
  };
}

function authorize(emu: Emulator, params: Record<string, string>): Promise<Response> {
  return fetch(`${emu.url}/oauth2/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
}

/** Signs in as the reviewer: the code the emulator sent to the callback. */
async function signInCode(emu: Emulator = t.emu, overrides: Record<string, string> = {}): Promise<string> {
  const answer = await postApprove(emu.url, await authorizeParams(overrides), 'reviewer@example.com');
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location') as string).searchParams.get('code') as string;
}

async function token(emu: Emulator, form: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${emu.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function exchange(code: string, overrides: Record<string, string> = {}, emu: Emulator = t.emu) {
  return token(emu, { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: CALLBACK, code_verifier: VERIFIER, ...overrides });
}

describe('the authorize page', () => {
  it('is HTML with the request in its form and the users to pick, everything escaped', async () => {
    const page = await authorize(t.emu, await authorizeParams({ state: NASTY }));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('<option value="reviewer@example.com">');
    expect(hiddenFields(html)).toEqual(await authorizeParams({ state: NASTY }));
  });

  it('approved, redirects (302) to the registered callback with the code and the state', async () => {
    const answer = await postApprove(t.emu.url, await authorizeParams(), 'reviewer@example.com');
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe('http://localhost:9/callback');
    expect(location.searchParams.get('app')).toBe('review');
    expect(location.searchParams.get('state')).toBe('state-1');
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('takes a user id as well as an email, and refuses a user not in the organization (400, page again, escaped)', async () => {
    expect((await postApprove(t.emu.url, await authorizeParams(), userId)).status).toBe(302);
    const refused = await postApprove(t.emu.url, await authorizeParams(), '<b>nobody</b>@example.com');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
    expect(await refused.text()).toContain('No user &#60;b&#62;nobody&#60;/b&#62;@example.com in this organization.');
  });

  it('cancelled, redirects with error=access_denied and the state, and no code', async () => {
    const answer = await postApprove(t.emu.url, await authorizeParams(), 'reviewer@example.com', 'deny');
    const location = new URL(answer.headers.get('location') as string);
    expect(Object.fromEntries(location.searchParams)).toEqual({ app: 'review', state: 'state-1', error: 'access_denied' });
  });

  it.each([
    ['a redirect_uri not registered', { redirect_uri: 'http://localhost:9/elsewhere' }, "redirect_uri is not one of the app client's callbackUrls"],
    ['an unknown client_id', { client_id: 'nope' }, 'client_id is not an app client of this organization'],
    ['response_type=token', { response_type: 'token' }, 'response_type must be code'],
    ['code_challenge_method=plain', { code_challenge_method: 'plain' }, 'code_challenge_method must be S256'],
    ['a malformed code_challenge', { code_challenge: 'short' }, 'code_challenge must be 43 base64url characters'],
  ])('refuses %s with 400 in JSON and no redirect, on the page and on approval', async (_, overrides, message) => {
    const params = await authorizeParams(overrides);
    for (const answer of [await authorize(t.emu, params), await postApprove(t.emu.url, params, 'reviewer@example.com')]) {
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(((await answer.json()) as { message: string }).message).toBe(message);
    }
  });
});

describe('the token endpoint', () => {
  it('exchanges a code for tokens once; the second exchange is refused', async () => {
    const code = await signInCode();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ access_token: expect.any(String), expires_in: 3600, id_token: expect.any(String), refresh_token: expect.any(String), token_type: 'Bearer' });
    const second = await exchange(code);
    expect(second).toEqual({ status: 400, body: { error: 'invalid_grant', message: 'The code is unknown or was used already' } });
  });

  it("answers an ID token naming the user, the client and the emulator, signed HS256, and a new one on refresh (as Cognito)", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { body } = await exchange(await signInCode());
    const [header, payload, signature] = String(body.id_token).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toEqual({ sub: userId, email: 'reviewer@example.com', aud: clientId, iss: t.emu.url, iat: expect.any(Number), exp: (claims.iat as number) + 3600, token_use: 'id' });
    expect(claims.iat).toBeGreaterThanOrEqual(before - 1);
    // Only an ID token: it is no bearer token for the API.
    expect((await raw(t.emu, 'GET', '/datasets', { token: body.id_token as string })).status).toBe(403);
    const refreshed = await token(t.emu, { grant_type: 'refresh_token', refresh_token: body.refresh_token as string, client_id: clientId });
    const again = JSON.parse(Buffer.from(String(refreshed.body.id_token).split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    expect(again).toMatchObject({ sub: userId, email: 'reviewer@example.com', aud: clientId });
  });

  it.each([['openid email'], ['openid']])('answers an ID token for scope %p, and none for a scope without openid', async (scope) => {
    // The page's form carries the scope on to the approval.
    expect(hiddenFields(await (await authorize(t.emu, await authorizeParams({ scope }))).text()).scope).toBe(scope);
    expect((await exchange(await signInCode(t.emu, { scope }))).body.id_token).toEqual(expect.any(String));
    const { body } = await exchange(await signInCode(t.emu, { scope: 'email profile' }));
    expect(body).not.toHaveProperty('id_token');
    const refreshed = await token(t.emu, { grant_type: 'refresh_token', refresh_token: body.refresh_token as string, client_id: clientId });
    expect(refreshed.body).not.toHaveProperty('id_token');
  });

  it('refuses a wrong verifier, which uses the code up', async () => {
    const code = await signInCode();
    const wrong = await exchange(code, { code_verifier: 'A'.repeat(43) });
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_grant', message: 'code_verifier does not match the code_challenge' } });
    expect((await exchange(code)).status).toBe(400);
  });

  it.each([
    [{ redirect_uri: 'http://localhost:9/callback' }, 'redirect_uri is not the one the code was sent to'],
    [{ client_id: 'other' }, 'client_id is not the app client the code was issued to'],
  ])('refuses an exchange with %o', async (overrides, message) => {
    expect(await exchange(await signInCode(), overrides)).toEqual({ status: 400, body: { error: 'invalid_grant', message } });
  });

  it('refuses a code after 60 s', async () => {
    const code = await signInCode();
    // The emulator keeps its own time (the real Date, taken at import): a mocked Date.now does not reach it.
    await internals.get(t.emu)?.store.clock.advance(61_000);
    expect(await exchange(code)).toEqual({ status: 400, body: { error: 'invalid_grant', message: 'The code has expired' } });
  });

  it('refreshes: a new access token for the refresh token; neither a code nor a refresh token is a bearer token', async () => {
    const code = await signInCode();
    const { body } = await exchange(code);
    const refreshed = await token(t.emu, { grant_type: 'refresh_token', refresh_token: body.refresh_token as string, client_id: clientId });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ access_token: expect.any(String), expires_in: 3600, id_token: expect.any(String), refresh_token: body.refresh_token, token_type: 'Bearer' });
    expect(refreshed.body.access_token).not.toBe(body.access_token);
    expect((await raw(t.emu, 'GET', '/datasets', { token: refreshed.body.access_token as string })).status).toBe(200);
    expect((await raw(t.emu, 'GET', '/datasets', { token: body.refresh_token as string })).status).toBe(403);
    expect((await raw(t.emu, 'GET', '/datasets', { token: await signInCode() })).status).toBe(403);
    const otherClient = await token(t.emu, { grant_type: 'refresh_token', refresh_token: body.refresh_token as string, client_id: t.emu.credentials.clientId });
    expect(otherClient).toEqual({ status: 400, body: { error: 'invalid_grant', message: 'client_id is not the app client the refresh token was issued to' } });
    expect((await token(t.emu, { grant_type: 'refresh_token', refresh_token: 'nope', client_id: clientId })).status).toBe(400);
  });

  it('wants the secret of an app client that has one', async () => {
    const withSecret = await t.las.appClients.create({ callbackUrls: [CALLBACK] });
    const code = await signInCode(t.emu, { client_id: withSecret.clientId });
    const form = { client_id: withSecret.clientId };
    expect(await exchange(code, form)).toEqual({ status: 401, body: { error: 'invalid_client', message: 'This app client has a secret: send it with the request' } });
    const again = await signInCode(t.emu, { client_id: withSecret.clientId });
    expect((await exchange(again, { ...form, client_secret: withSecret.clientSecret as string })).status).toBe(200);
  });
});

describe('what a signed-in person does', () => {
  it('is recorded as that user: createdBy and updatedBy', async () => {
    const { body } = await exchange(await signInCode());
    const created = await raw(t.emu, 'POST', '/datasets', { token: body.access_token as string, body: { name: 'by a person' } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ createdBy: userId, updatedBy: userId });
    const updated = await raw(t.emu, 'PATCH', `/datasets/${created.body.datasetId as string}`, { body: { name: 'by the app' } });
    expect(updated.body).toMatchObject({ createdBy: userId, updatedBy: expect.stringMatching(/^las:app-client:/) });
  });

  it('stops when the user is deleted: their token and refresh token are refused', async () => {
    const { userId: leaving } = await t.las.users.create('leaving@example.com');
    const answer = await postApprove(t.emu.url, await authorizeParams(), 'leaving@example.com');
    const code = new URL(answer.headers.get('location') as string).searchParams.get('code') as string;
    const { body } = await exchange(code);
    await t.las.users.delete(leaving);
    expect((await raw(t.emu, 'GET', '/datasets', { token: body.access_token as string })).status).toBe(403);
    const refreshed = await token(t.emu, { grant_type: 'refresh_token', refresh_token: body.refresh_token as string, client_id: clientId });
    expect(refreshed).toEqual({ status: 400, body: { error: 'invalid_grant', message: 'The user signed in is no longer in the organization' } });
  });
});

describe('revoke', () => {
  function revoke(form: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${t.emu.url}/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }
  const refresh = (refreshToken: string) => token(t.emu, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });

  it('ends the sign-in: 200 with no body, then its refresh token and every access token issued with it are refused', async () => {
    const first = (await exchange(await signInCode())).body;
    const refreshed = (await refresh(first.refresh_token as string)).body;
    const other = (await exchange(await signInCode())).body;
    const answer = await revoke({ token: first.refresh_token as string, client_id: clientId });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toBe('');
    expect(await refresh(first.refresh_token as string)).toEqual({ status: 400, body: { error: 'invalid_grant', message: 'The refresh token is unknown or was revoked' } });
    for (const accessToken of [first.access_token, refreshed.access_token]) {
      expect(await raw(t.emu, 'GET', '/datasets', { token: accessToken as string })).toMatchObject({ status: 401, body: { message: 'The incoming token has been revoked' } });
    }
    // Another sign-in of the same person and client goes on.
    expect((await raw(t.emu, 'GET', '/datasets', { token: other.access_token as string })).status).toBe(200);
    expect((await refresh(other.refresh_token as string)).status).toBe(200);
    // Revoked already, or never known: 200 all the same (RFC 7009).
    expect((await revoke({ token: first.refresh_token as string, client_id: clientId })).status).toBe(200);
    expect((await revoke({ token: 'never-issued', client_id: clientId })).status).toBe(200);
  });

  it.each([
    ['no token', () => ({ client_id: clientId }), 400, { error: 'invalid_request', message: 'token is required: the refresh token to revoke' }],
    ['an unknown client_id', (refreshToken: string) => ({ token: refreshToken, client_id: 'nope' }), 401, { error: 'invalid_client', message: 'client_id is not an app client of this organization' }],
    ['another client', (refreshToken: string) => ({ token: refreshToken, client_id: t.emu.credentials.clientId, client_secret: t.emu.credentials.clientSecret }), 400, { error: 'invalid_request', message: 'The token was not issued to this client' }],
    ['an access token', (_: string, accessToken: string) => ({ token: accessToken, client_id: clientId }), 400, { error: 'unsupported_token_type', message: 'Only a refresh token can be revoked' }],
  ])('refuses %s and revokes nothing', async (_, form, status, body) => {
    const tokens = (await exchange(await signInCode())).body;
    const answer = await revoke(form(tokens.refresh_token as string, tokens.access_token as string));
    expect({ status: answer.status, body: await answer.json() }).toEqual({ status, body });
    expect((await refresh(tokens.refresh_token as string)).status).toBe(200);
    expect((await raw(t.emu, 'GET', '/datasets', { token: tokens.access_token as string })).status).toBe(200);
  });

  it('wants the secret of an app client that has one', async () => {
    const withSecret = await t.las.appClients.create({ callbackUrls: [CALLBACK] });
    const code = await signInCode(t.emu, { client_id: withSecret.clientId });
    const { body } = await exchange(code, { client_id: withSecret.clientId, client_secret: withSecret.clientSecret as string });
    const form = { token: body.refresh_token as string, client_id: withSecret.clientId };
    expect((await revoke(form)).status).toBe(401);
    const basic = `Basic ${Buffer.from(`${withSecret.clientId}:${withSecret.clientSecret as string}`).toString('base64')}`;
    expect((await revoke({ token: body.refresh_token as string }, { authorization: basic })).status).toBe(200);
    expect((await raw(t.emu, 'GET', '/datasets', { token: body.access_token as string })).status).toBe(401);
  });
});

describe('logout', () => {
  it('redirects to a registered logout URL only', async () => {
    const logout = (uri: string, id = clientId) => fetch(`${t.emu.url}/logout?${new URLSearchParams({ client_id: id, logout_uri: uri })}`, { redirect: 'manual' });
    const ok = await logout(LOGOUT);
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(LOGOUT);
    for (const refused of [await logout('https://evil.example/'), await logout(CALLBACK), await logout(LOGOUT, 'nope')]) {
      expect(refused.status).toBe(400);
      expect(refused.headers.get('location')).toBeNull();
    }
  });
});

describe('with a data directory', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-oauth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps codes and refresh tokens across a restart, and a used code stays used', async () => {
    const before = await startEmulator({ dataDir: dir });
    let id: string;
    let code: string;
    let used: string;
    let refreshToken: string;
    try {
      id = (await raw(before, 'POST', '/appClients', { body: { generateSecret: false, callbackUrls: [CALLBACK] } })).body.clientId as string;
      await raw(before, 'POST', '/users', { body: { email: 'reviewer@example.com' } });
      used = await signInCode(before, { client_id: id });
      refreshToken = (await exchange(used, { client_id: id }, before)).body.refresh_token as string;
      code = await signInCode(before, { client_id: id });
    } finally {
      await before.close();
    }
    const after = await startEmulator({ dataDir: dir });
    try {
      expect((await exchange(used, { client_id: id }, after)).status).toBe(400);
      expect((await exchange(code, { client_id: id }, after)).status).toBe(200);
      expect((await token(after, { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: id })).status).toBe(200);
    } finally {
      await after.close();
    }
  });
});
