import util from 'node:util';
import { jest } from '@jest/globals';
import nock from 'nock';
import { Credentials } from '../../src/auth/credentials.js';
import { InvalidCredentialsError, MissingCredentialsError, ValidationError } from '../../src/errors.js';
import { API_KEY, AUTH, BASIC, CLIENT_SECRET, init } from './fixtures.js';
import { tokenEndpoint, useNock } from './nock-token.js';
import { thrown } from '../helpers/thrown.js';

useNock();

afterEach(() => jest.restoreAllMocks());

describe('Credentials construction', () => {
  it.each(['clientId', 'clientSecret', 'authEndpoint', 'apiEndpoint'] as const)('rejects a missing %s', (field) => {
    const make = () => new Credentials({ ...init, [field]: '' });
    expect(make).toThrow(MissingCredentialsError);
    expect(make).toThrow(field);
  });

  it('never puts the secret in the error', () => {
    let error: unknown;
    try {
      new Credentials({ ...init, clientId: '' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect((error as Error).message).not.toContain(CLIENT_SECRET);
  });

  it('exposes the fields, the secret readable but hidden', () => {
    const credentials = new Credentials({ ...init, apiKey: API_KEY });
    expect(credentials.clientId).toBe(init.clientId);
    expect(credentials.clientSecret).toBe(CLIENT_SECRET);
    expect(credentials.apiKey).toBe(API_KEY);
    expect(Object.keys(credentials)).not.toContain('clientSecret');
    for (const shown of [
      JSON.stringify(credentials),
      util.inspect(credentials),
      util.inspect(credentials, { showHidden: true, depth: 10 }),
      util.format('%o', credentials),
    ]) {
      expect(shown).not.toContain(CLIENT_SECRET);
      expect(shown).not.toContain(API_KEY);
      expect(shown).toContain(init.clientId);
    }
    expect(JSON.parse(JSON.stringify(credentials))).toMatchObject({ clientId: init.clientId, apiKey: '***' });
  });

  function refusal(options: unknown): ValidationError {
    try {
      new Credentials(options as typeof init);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return error as ValidationError;
    }
    throw new Error('expected new Credentials to throw');
  }

  it.each(['client_secret', 'toString', 'secret'])('refuses an unknown option %s, naming it', (name) => {
    expect(refusal({ ...init, [name]: 'x' }).message).toBe(
      `new Credentials: unknown option "${name}" (known: clientId, clientSecret, authEndpoint, apiEndpoint, apiKey, apiVersion, useCache, profile, fetch)`,
    );
  });

  it.each([
    ['clientId', 42],
    ['clientSecret', { value: CLIENT_SECRET }],
    ['authEndpoint', 'not a host'],
    ['authEndpoint', 'ftp://auth.lucidtech.ai'],
    ['authEndpoint', 'https://auth.lucidtech.ai/?x=1'],
    ['authEndpoint', `https://id:${CLIENT_SECRET}@auth.lucidtech.ai`],
    ['apiEndpoint', 'not a url'],
    ['apiEndpoint', 'api.lucidtech.ai/v1'],
    ['apiEndpoint', 'https://api.lucidtech.ai/v1#top'],
    ['apiKey', 123],
    ['useCache', 'yes'],
    ['profile', ''],
    ['fetch', 'fetch'],
  ])('refuses %s = %p, naming it and echoing no value', (name, value) => {
    const message = refusal({ ...init, [name]: value }).message;
    expect(message).toMatch(new RegExp(`^new Credentials: ${name} must`));
    expect(message).not.toContain(CLIENT_SECRET);
  });

  it('takes a host or a URL for authEndpoint, as API.md says', () => {
    for (const authEndpoint of ['auth.lucidtech.ai', 'localhost:4010', 'http://127.0.0.1:4010', 'https://example.test/oauth2/', 'http://[::1]:4010']) {
      expect(() => new Credentials({ ...init, authEndpoint })).not.toThrow();
    }
  });

  it.each([
    ['auth.lucidtech.ai', 'https://auth.lucidtech.ai/token'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010/token'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010/token'],
    ['https://example.test/oauth2/', 'https://example.test/oauth2/token'],
  ])('token URL of %s is %s', (authEndpoint, expected) => {
    expect(new Credentials({ ...init, authEndpoint }).tokenUrl).toBe(expected);
  });
});

describe('getAccessToken', () => {
  it('POSTs /token?grant_type=client_credentials with Basic auth and a form content type', async () => {
    const scope = nock(AUTH)
      .post('/token', (body) => body === '' || body === undefined || Object.keys(body).length === 0)
      .query({ grant_type: 'client_credentials' })
      .matchHeader('authorization', `Basic ${BASIC}`)
      .matchHeader('content-type', 'application/x-www-form-urlencoded')
      .reply(200, { access_token: 'token-1', expires_in: 3600 });
    await expect(new Credentials(init).getAccessToken()).resolves.toBe('token-1');
    expect(scope.isDone()).toBe(true);
  });

  it('keeps the path of a full auth URL', async () => {
    const scope = nock('http://127.0.0.1:4010')
      .post('/base/token')
      .query({ grant_type: 'client_credentials' })
      .reply(200, { access_token: 'token-1', expires_in: 3600 });
    await new Credentials({ ...init, authEndpoint: 'http://127.0.0.1:4010/base' }).getAccessToken();
    expect(scope.isDone()).toBe(true);
  });

  it('reuses the token from memory', async () => {
    const scope = tokenEndpoint('token-1');
    const credentials = new Credentials(init);
    expect(await credentials.getAccessToken()).toBe('token-1');
    expect(await credentials.getAccessToken()).toBe('token-1');
    expect(scope.isDone()).toBe(true);
  });

  it('assumes 3600 s when expires_in is missing', async () => {
    const scope = tokenEndpoint('token-1', undefined);
    const credentials = new Credentials(init);
    const now = Date.now();
    await credentials.getAccessToken();
    jest.spyOn(Date, 'now').mockReturnValue(now + 3000_000);
    expect(await credentials.getAccessToken()).toBe('token-1');
    expect(scope.isDone()).toBe(true);
  });

  it('shares one request among 100 concurrent callers', async () => {
    const scope = tokenEndpoint('token-1');
    let requests = 0;
    scope.on('request', () => requests++);
    const credentials = new Credentials(init);
    const tokens = await Promise.all(Array.from({ length: 100 }, () => credentials.getAccessToken()));
    expect(new Set(tokens)).toEqual(new Set(['token-1']));
    expect(requests).toBe(1);
    expect(scope.isDone()).toBe(true);
  });

  it('fetches again 60 s before expiry', async () => {
    const first = tokenEndpoint('token-1', 3600);
    const credentials = new Credentials(init);
    const start = Date.now();
    await credentials.getAccessToken();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start + 3600_000 - 61_000);
    expect(await credentials.getAccessToken()).toBe('token-1');
    expect(first.isDone()).toBe(true);

    const second = tokenEndpoint('token-2', 3600);
    clock.mockReturnValue(start + 3600_000 - 59_000);
    expect(await credentials.getAccessToken()).toBe('token-2');
    expect(second.isDone()).toBe(true);
  });

  it('refreshes a short-lived token at half its life', async () => {
    const first = tokenEndpoint('token-1', 100);
    const credentials = new Credentials(init);
    const start = Date.now();
    await credentials.getAccessToken();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(start + 45_000);
    expect(await credentials.getAccessToken()).toBe('token-1');

    const second = tokenEndpoint('token-2', 100);
    clock.mockReturnValue(start + 51_000);
    expect(await credentials.getAccessToken()).toBe('token-2');
    expect(first.isDone() && second.isDone()).toBe(true);
  });

  it('fetches again after invalidate()', async () => {
    const first = tokenEndpoint('token-1');
    const credentials = new Credentials(init);
    expect(await credentials.getAccessToken()).toBe('token-1');
    credentials.invalidate();
    const second = tokenEndpoint('token-2');
    expect(await credentials.getAccessToken()).toBe('token-2');
    expect(first.isDone() && second.isDone()).toBe(true);
  });

  it('invalidate(token) of a token already replaced keeps the newer one', async () => {
    const first = tokenEndpoint('token-1');
    const credentials = new Credentials(init);
    expect(await credentials.getAccessToken()).toBe('token-1');
    credentials.invalidate('token-1');
    const second = tokenEndpoint('token-2');
    expect(await credentials.getAccessToken()).toBe('token-2');

    credentials.invalidate('token-1');

    expect(await credentials.getAccessToken()).toBe('token-2');
    expect(first.isDone() && second.isDone()).toBe(true);
  });

  it('maps a 401 to InvalidCredentialsError and does not cache the failure', async () => {
    const failing = nock(AUTH)
      .post('/token')
      .query(true)
      .reply(401, { message: 'Unauthorized' }, { 'x-amzn-requestid': 'req-1' });
    const credentials = new Credentials(init);
    const error = await thrown(credentials.getAccessToken());
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toMatchObject({ status: 401, requestId: 'req-1', body: { message: 'Unauthorized' } });
    expect(failing.isDone()).toBe(true);

    const ok = tokenEndpoint('token-1');
    expect(await credentials.getAccessToken()).toBe('token-1');
    expect(ok.isDone()).toBe(true);
  });

  it('retries a 503 from the token endpoint', async () => {
    const busy = nock(AUTH).post('/token').query(true).reply(503, { message: 'busy' });
    const ok = tokenEndpoint('token-1');
    expect(await new Credentials(init).getAccessToken()).toBe('token-1');
    expect(busy.isDone() && ok.isDone()).toBe(true);
  });

  it('does not retry a 401', async () => {
    nock(AUTH).post('/token').query(true).reply(401, { message: 'Unauthorized' });
    const never = tokenEndpoint('token-1');
    await expect(new Credentials(init).getAccessToken()).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(never.isDone()).toBe(false);
  });

  it('uses the fetch it was given', async () => {
    const calls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      calls.push(input instanceof Request ? input.url : String(input));
      return new Response(JSON.stringify({ access_token: 'fake', expires_in: 60 }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    await expect(new Credentials({ ...init, fetch: fakeFetch }).getAccessToken()).resolves.toBe('fake');
    expect(calls).toEqual([`${AUTH}/token?grant_type=client_credentials`]);
  });
});
