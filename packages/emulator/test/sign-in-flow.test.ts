/**
 * End to end in Node: AuthorizationCodeCredentials signs a person in through the emulator's
 * authorize page (a navigate that approves the form with fetch), and `new Las({ credentials })`
 * acts as that person.
 */
import { AuthorizationCodeCredentials } from '../../../src/auth/authorization-code.js';
import { Las } from '../../../src/las.js';
import { useEmulator } from './helpers.js';
import { approvingNavigator } from './sign-in.js';

const t = useEmulator();
const CALLBACK = 'http://localhost:8080/callback';

test('a person signs in, and what the SDK creates with their tokens is theirs', async () => {
  const client = await t.las.appClients.create({ generateSecret: false, callbackUrls: [CALLBACK], logoutUrls: ['http://localhost:8080/'] });
  const user = await t.las.users.create('reviewer@example.com', { name: 'Reviewer' });
  const callbacks: string[] = [];
  const navigate = approvingNavigator(t.emu.url, 'reviewer@example.com', callbacks);
  const credentials = new AuthorizationCodeCredentials({
    clientId: client.clientId,
    authEndpoint: t.emu.url,
    apiEndpoint: t.emu.apiEndpoint,
    redirectUri: CALLBACK,
    navigate: (url) => (url.includes('/oauth2/authorize') ? navigate(url) : undefined),
  });
  await credentials.signIn();
  expect(callbacks).toHaveLength(1);
  expect(await credentials.handleRedirect(callbacks[0])).toBe(true);
  expect(credentials.isSignedIn()).toBe(true);

  const las = new Las({ credentials, maxRetries: 0 });
  const dataset = await las.datasets.create({ name: 'signed in' });
  expect(dataset.createdBy).toBe(user.userId);
  const updated = await dataset.update({ description: 'still me' });
  expect(updated.updatedBy).toBe(user.userId);

  // A refused token is replaced through the refresh token, and the person stays the author.
  credentials.invalidate(await credentials.getAccessToken());
  expect((await las.datasets.create({ name: 'after refresh' })).createdBy).toBe(user.userId);

  await credentials.signOut();
  expect(credentials.isSignedIn()).toBe(false);
  await expect(las.datasets.list()).rejects.toThrow('Not signed in');
});
