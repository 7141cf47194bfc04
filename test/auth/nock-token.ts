// nock patches as soon as it is imported and the patch outlives the test file (jest reuses the
// worker): only files that call useNock() may import this module.
import nock from 'nock';
import { AUTH, BASIC } from './fixtures.js';

/** A token endpoint answering once; `scope.isDone()` tells whether it was called. */
export function tokenEndpoint(token = 'token-1', expiresIn: number | undefined = 3600): nock.Scope {
  return nock(AUTH)
    .post('/token')
    .query({ grant_type: 'client_credentials' })
    .matchHeader('authorization', `Basic ${BASIC}`)
    .reply(200, expiresIn === undefined ? { access_token: token } : { access_token: token, expires_in: expiresIn });
}

/** No real network; interceptors dropped after each test; nock unpatched after the file. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}
