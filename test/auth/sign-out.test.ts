/**
 * AuthorizationCodeCredentials.signOut() through the global fetch, the auth server mocked with
 * nock: the refresh token is revoked (`POST {auth}/oauth2/revoke`, the service's Cognito-style
 * form), the tokens are forgotten first, and a failed revocation says what was done.
 */
import nock from 'nock';
import { AuthorizationCodeCredentials, type TokenStorage } from '../../src/auth/authorization-code.js';
import { ConnectionError, LasError } from '../../src/errors.js';
import { AUTH } from './fixtures.js';
import { useNock } from './nock-token.js';
import { thrown } from '../helpers/thrown.js';

useNock();

const TOKENS_KEY = 'las-sdk:client-1:tokens';
const SIGNED_IN = JSON.stringify({ accessToken: 'access-1', refreshToken: 'refresh-1', staleAt: Number.MAX_SAFE_INTEGER });

function signedIn(navigated: string[] = []): { credentials: AuthorizationCodeCredentials; items: Map<string, string> } {
  const items = new Map<string, string>([[TOKENS_KEY, SIGNED_IN]]);
  const storage: TokenStorage = { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) };
  const credentials = new AuthorizationCodeCredentials({
    clientId: 'client-1',
    authEndpoint: AUTH,
    apiEndpoint: 'https://api.example.test/v1',
    redirectUri: 'https://app.test/',
    storage,
    navigate: (url) => void navigated.push(url),
  });
  return { credentials, items };
}

test('revokes the refresh token with a form POST to {auth}/oauth2/revoke, then forgets the tokens and goes to the logout page', async () => {
  const navigated: string[] = [];
  const { credentials, items } = signedIn(navigated);
  const revoke = nock(AUTH)
    .post('/oauth2/revoke', 'token=refresh-1&client_id=client-1')
    .matchHeader('content-type', 'application/x-www-form-urlencoded')
    .reply(200, '');
  await credentials.signOut({ logoutUri: 'https://app.test/' });
  expect(revoke.isDone()).toBe(true);
  expect(items.size).toBe(0);
  expect(credentials.isSignedIn()).toBe(false);
  expect(navigated).toEqual([`${AUTH}/logout?client_id=client-1&logout_uri=https%3A%2F%2Fapp.test%2F`]);
});

test('sends nothing when there is no refresh token to revoke', async () => {
  const { credentials, items } = signedIn();
  items.set(TOKENS_KEY, JSON.stringify({ accessToken: 'access-1', staleAt: Number.MAX_SAFE_INTEGER }));
  await credentials.signOut();
  expect(items.size).toBe(0);
});

test('a refused revocation: the tokens are forgotten all the same, the error says so without the token, and no navigation', async () => {
  const navigated: string[] = [];
  const { credentials, items } = signedIn(navigated);
  nock(AUTH).post('/oauth2/revoke').reply(400, { error: 'invalid_request', message: 'bad token refresh-1' });
  const error = await thrown<LasError>(credentials.signOut({ logoutUri: 'https://app.test/' }));
  expect(error).toBeInstanceOf(LasError);
  expect(error.message).toMatch(/^signOut: the tokens are forgotten here, but the auth server did not revoke the sign-in: /);
  expect(error.message).not.toContain('refresh-1');
  expect(items.size).toBe(0);
  expect(navigated).toEqual([]);
});

test('an unreachable auth server: the tokens are forgotten, the error says so and keeps the cause', async () => {
  const { credentials, items } = signedIn();
  nock(AUTH).post('/oauth2/revoke').replyWithError('socket hang up');
  const error = await thrown<LasError>(credentials.signOut());
  expect(error.message).toContain('did not revoke the sign-in: Could not reach the auth server at https://auth.example.test/oauth2/revoke');
  expect(error.cause).toBeInstanceOf(ConnectionError);
  expect(items.size).toBe(0);
});
