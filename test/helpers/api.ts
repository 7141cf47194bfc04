import nock from 'nock';
import type { Credentials } from '../../src/auth/credentials.js';
import { Las, type LasOptions } from '../../src/las.js';
import { credentialsAt } from './credentials.js';

/** Where the test client sends API requests (with a base path, as the real service has). */
export const API_ORIGIN = 'https://api.las.test';
export const API_BASE = '/v1';
export const AUTH_URL = 'https://auth.las.test';
export const TOKEN = 'test-access-token';

/** Credentials of the test client. */
export function testCredentials(extra: Partial<ConstructorParameters<typeof Credentials>[0]> = {}): Credentials {
  return credentialsAt(AUTH_URL, `${API_ORIGIN}${API_BASE}`, extra);
}

/** A Las client on the test endpoints, with no retries unless asked. */
export function testLas(options: LasOptions = {}): Las {
  return new Las({ credentials: testCredentials(), maxRetries: 0, ...options });
}

/** The token endpoint, answering any number of times. */
export function mockToken(): nock.Scope {
  return nock(AUTH_URL)
    .persist()
    .post('/token')
    .query({ grant_type: 'client_credentials' })
    .reply(200, { access_token: TOKEN, expires_in: 3600 });
}

/**
 * The API, expecting the bearer token on every request. Paths given to its interceptors are
 * below the base path: `api().get('/datasets')` matches `GET /v1/datasets`.
 */
export function api(): nock.Scope {
  return nock(`${API_ORIGIN}${API_BASE}`, { reqheaders: { authorization: `Bearer ${TOKEN}` } });
}

/**
 * Nock for a test file: no real connections, the token endpoint mocked, and after each test
 * every API interceptor must have been used.
 */
export function useApiMock(): void {
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
  });
  beforeEach(() => {
    mockToken();
  });
  afterEach(() => {
    const pending = nock.pendingMocks().filter((m) => !m.includes(AUTH_URL.replace('https://', '')));
    nock.cleanAll();
    expect(pending).toEqual([]);
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}

/**
 * Nock for a test file of calls that must send nothing: no real connections and no token mocked, so
 * every request a call attempts (a token request too) finds no interceptor and is recorded in the
 * returned list, emptied after each test; after each test every interceptor a test set up must have
 * been used.
 */
export function useAttemptRecorder(): string[] {
  const attempted: string[] = [];
  const record = (request: Request) => attempted.push(`${request.method} ${request.url}`);
  beforeAll(() => {
    if (!nock.isActive()) nock.activate();
    nock.disableNetConnect();
    nock.emitter.on('no match', record);
  });
  afterEach(() => {
    const pending = nock.pendingMocks().filter((m) => !m.includes(AUTH_URL.replace('https://', '')));
    nock.cleanAll();
    attempted.length = 0;
    expect(pending).toEqual([]);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', record);
    nock.enableNetConnect();
    nock.restore();
  });
  return attempted;
}

/** A JSON body matcher that records what was sent, for exact assertions. */
export function captureBody(into: { body?: unknown }) {
  return (body: unknown): boolean => {
    into.body = body;
    return true;
  };
}
