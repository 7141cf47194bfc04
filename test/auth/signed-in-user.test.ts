/**
 * AuthorizationCodeCredentials.user: who signed in, decoded from the `id_token` the auth server
 * (nock) answers beside the access and refresh tokens. Kept through refreshes, dropped at
 * sign-out, never in an error, a log or JSON; a malformed token is no user, never a crash.
 */
import { inspect } from 'node:util';
import nock from 'nock';
import { AuthorizationCodeCredentials, type TokenStorage } from '../../src/auth/authorization-code.js';
import { MissingCredentialsError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { AUTH } from './fixtures.js';
import { useNock } from './nock-token.js';

useNock();

const REDIRECT = 'https://app.test/callback';
const RILEY = { sub: 'las:user:riley', email: 'riley@example.com', aud: 'client-1', iss: AUTH, iat: 1, exp: 2 };

function jwt(payload: unknown): string {
  const part = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${'s'.repeat(43)}`;
}

function make() {
  const items = new Map<string, string>();
  const storage: TokenStorage = { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
  const navigated: string[] = [];
  const credentials = new AuthorizationCodeCredentials({
    clientId: 'client-1',
    authEndpoint: AUTH,
    apiEndpoint: 'https://api.example.test/v1',
    redirectUri: REDIRECT,
    storage,
    navigate: (url) => void navigated.push(url),
  });
  return { credentials, items, navigated };
}

/** Signs in through the callback, the token endpoint answering `tokens`. */
async function signIn(tokens: Record<string, unknown>) {
  const made = make();
  await made.credentials.signIn();
  const state = new URL(made.navigated[0]).searchParams.get('state') as string;
  nock(AUTH).post('/oauth2/token', (form: Record<string, string>) => form.grant_type === 'authorization_code').reply(200, tokens);
  expect(await made.credentials.handleRedirect(`${REDIRECT}?code=code-1&state=${state}`)).toBe(true);
  return made;
}

const TOKENS = { access_token: 'access-1', expires_in: 3600, refresh_token: 'refresh-1', token_type: 'Bearer' };

test('is the sub and email of the id_token once signed in, and undefined before', async () => {
  expect(make().credentials.user).toBeUndefined();
  const { credentials } = await signIn({ ...TOKENS, id_token: jwt(RILEY) });
  expect(credentials.user).toEqual({ sub: 'las:user:riley', email: 'riley@example.com' });
  expect(Object.isFrozen(credentials.user)).toBe(true);
});

test('is undefined when the answer had no id_token, and has no email when the token has none', async () => {
  expect((await signIn(TOKENS)).credentials.user).toBeUndefined();
  expect((await signIn({ ...TOKENS, id_token: jwt({ sub: 'las:user:sam' }) })).credentials.user).toEqual({ sub: 'las:user:sam' });
});

test.each([
  ['not a JWT', 'opaque-token'],
  ['a payload that is not base64url JSON', 'a.%%%.c'],
  ['a payload that is not UTF-8', `a.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c`],
  ['no sub', jwt({ email: 'x@example.com' })],
  ['an empty sub', jwt({ sub: '' })],
  ['a sub that is not a string', jwt({ sub: 42 })],
  ['a payload that is an array', jwt(['sub'])],
  ['a payload that is null', jwt('null')],
  ['a sub only under __proto__', jwt('{"__proto__":{"sub":"las:user:mallory"}}')],
])('is undefined, without throwing, for an id_token with %s', async (_, idToken) => {
  const { credentials } = await signIn({ ...TOKENS, id_token: idToken });
  expect(credentials.isSignedIn()).toBe(true);
  expect(credentials.user).toBeUndefined();
});

test('ignores an email that is not a string', async () => {
  const { credentials } = await signIn({ ...TOKENS, id_token: jwt({ sub: 'las:user:riley', email: { toString: 'x' } }) });
  expect(credentials.user).toEqual({ sub: 'las:user:riley' });
});

test('stays through a refresh without an id_token, and a refresh with one replaces it', async () => {
  const { credentials } = await signIn({ ...TOKENS, id_token: jwt(RILEY) });
  credentials.invalidate('access-1');
  expect(credentials.user?.sub).toBe('las:user:riley');
  nock(AUTH).post('/oauth2/token', 'grant_type=refresh_token&refresh_token=refresh-1&client_id=client-1').reply(200, { access_token: 'access-2', expires_in: 3600 });
  expect(await credentials.getAccessToken()).toBe('access-2');
  expect(credentials.user).toEqual({ sub: 'las:user:riley', email: 'riley@example.com' });
  credentials.invalidate('access-2');
  nock(AUTH).post('/oauth2/token').reply(200, { access_token: 'access-3', expires_in: 3600, id_token: jwt({ ...RILEY, email: 'riley@new.example.com' }) });
  expect(await credentials.getAccessToken()).toBe('access-3');
  expect(credentials.user).toEqual({ sub: 'las:user:riley', email: 'riley@new.example.com' });
});

test('is dropped at sign-out, and when the refresh token is refused', async () => {
  const first = await signIn({ ...TOKENS, id_token: jwt(RILEY) });
  nock(AUTH).post('/oauth2/revoke').reply(200, '');
  await first.credentials.signOut();
  expect(first.credentials.user).toBeUndefined();
  expect(first.items.size).toBe(0);

  const second = await signIn({ ...TOKENS, id_token: jwt(RILEY) });
  second.credentials.invalidate('access-1');
  nock(AUTH).post('/oauth2/token').reply(400, { error: 'invalid_grant' });
  await expect(second.credentials.getAccessToken()).rejects.toThrow(MissingCredentialsError);
  expect(second.credentials.user).toBeUndefined();
});

test('a second person signing in on the same storage is that person', async () => {
  const { credentials, navigated } = await signIn({ ...TOKENS, id_token: jwt(RILEY) });
  await credentials.signIn();
  const state = new URL(navigated.at(-1) as string).searchParams.get('state') as string;
  nock(AUTH).post('/oauth2/token').reply(200, { ...TOKENS, id_token: jwt({ sub: 'las:user:sam', email: 'sam@example.com' }) });
  await credentials.handleRedirect(`${REDIRECT}?code=code-2&state=${state}`);
  expect(credentials.user).toEqual({ sub: 'las:user:sam', email: 'sam@example.com' });
});

test('the id_token is in no log, no JSON and no error', async () => {
  const idToken = jwt(RILEY);
  const { credentials } = await signIn({ ...TOKENS, id_token: idToken });
  const payload = idToken.split('.')[1];
  expect(inspect(credentials, { showHidden: true, depth: 5 })).not.toContain(payload);
  expect(JSON.stringify(credentials)).not.toContain(payload);
  credentials.invalidate('access-1');
  // A misbehaving auth server echoes what it was sent and the id_token back in its refusal.
  nock(AUTH).post('/oauth2/token').reply(500, { message: `not now, ${idToken}` });
  const error = await thrown<Error>(credentials.getAccessToken());
  expect(inspect(error, { depth: 10 })).not.toContain(payload);
});
