/**
 * End to end in Node: AuthorizationCodeCredentials signs a person in through the emulator's
 * authorize page (a navigate that approves the form with fetch), and `new Las({ credentials })`
 * acts as that person, whom `credentials.user` names; signing out revokes the sign-in on the emulator.
 */
import { AuthorizationCodeCredentials } from '../../../src/auth/authorization-code.js';
import { Las } from '../../../src/las.js';
import { raw, useEmulator } from './helpers.js';
import { approvingNavigator } from './sign-in.js';

const t = useEmulator();
const CALLBACK = 'http://localhost:8080/callback';

test('a person signs in, and what the SDK creates with their tokens is theirs', async () => {
  const client = await t.las.appClients.create({ generateSecret: false, callbackUrls: [CALLBACK], logoutUrls: ['http://localhost:8080/'] });
  const user = await t.las.users.create('reviewer@example.com', { name: 'Reviewer' });
  const callbacks: string[] = [];
  const items = new Map<string, string>();
  const sessionLike = { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
  const navigate = approvingNavigator(t.emu.url, 'reviewer@example.com', callbacks);
  const credentials = new AuthorizationCodeCredentials({
    clientId: client.clientId,
    authEndpoint: t.emu.url,
    apiEndpoint: t.emu.apiEndpoint,
    redirectUri: CALLBACK,
    storage: sessionLike,
    navigate: (url) => (url.includes('/oauth2/authorize') ? navigate(url) : undefined),
  });
  await credentials.signIn();
  expect(callbacks).toHaveLength(1);
  expect(await credentials.handleRedirect(callbacks[0])).toBe(true);
  expect(credentials.isSignedIn()).toBe(true);
  expect(credentials.user).toEqual({ sub: user.userId, email: 'reviewer@example.com' });

  const las = new Las({ credentials, maxRetries: 0 });
  const dataset = await las.datasets.create({ name: 'signed in' });
  expect(dataset.createdBy).toBe(user.userId);
  const updated = await dataset.update({ description: 'still me' });
  expect(updated.updatedBy).toBe(user.userId);

  // A refused token is replaced through the refresh token, and the person stays the author.
  credentials.invalidate(await credentials.getAccessToken());
  expect((await las.datasets.create({ name: 'after refresh' })).createdBy).toBe(user.userId);
  expect(credentials.user?.sub).toBe(user.userId);

  // Signing out ends the sign-in on the emulator too: the old tokens are refused there.
  const accessToken = await credentials.getAccessToken();
  const refreshToken = (JSON.parse(sessionLike.getItem(`las-sdk:${client.clientId}:tokens`) as string) as { refreshToken: string }).refreshToken;
  await credentials.signOut();
  expect(credentials.isSignedIn()).toBe(false);
  expect(credentials.user).toBeUndefined();
  await expect(las.datasets.list()).rejects.toThrow('Not signed in');
  expect(await raw(t.emu, 'GET', '/datasets', { token: accessToken })).toMatchObject({ status: 401, body: { message: 'The incoming token has been revoked' } });
  const refreshed = await fetch(`${t.emu.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: client.clientId }).toString(),
  });
  expect(refreshed.status).toBe(400);
});
