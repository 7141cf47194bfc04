import { Credentials } from '../../src/auth/credentials.js';

/** The test client's id and secrets: distinctive, for the tests that check none of them leaks. */
export const CLIENT_ID = 'test-client-id';
export const CLIENT_SECRET = 'cl1ent-s3cret-Qx7Zp';
export const API_KEY = 'ap1-k3y-Wv9Lm';
/** What the token request sends as HTTP Basic credentials. */
export const BASIC = Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64');

/** Credentials of the test client, its token endpoint at `authEndpoint` and the API at `apiEndpoint`. */
export function credentialsAt(
  authEndpoint: string,
  apiEndpoint: string,
  extra: Partial<ConstructorParameters<typeof Credentials>[0]> = {},
): Credentials {
  return new Credentials({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, authEndpoint, apiEndpoint, ...extra });
}
