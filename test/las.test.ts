import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { jest } from '@jest/globals';
import { Credentials } from '../src/auth/credentials.js';
import { startEmulator } from 'las-emulator';
import {
  InvalidCredentialsError,
  LasError,
  MissingCredentialsError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../src/errors.js';
import { Las, type LasOptions } from '../src/las.js';
import { Dataset } from '../src/resources/datasets.js';
import { API_KEY, BASIC, CLIENT_SECRET, serverCredentials, startServer, type TestServer } from './helpers/server.js';
import { fixture } from './helpers/fixtures.js';
import { useTempHome } from './auth/fixtures.js';

const dataset = fixture('dataset');
const datasetId = dataset.datasetId as string;

describe('Las against a real server', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
    server.handle(() => ({ body: dataset }));
  });

  afterEach(async () => {
    await server.close();
  });

  function las(options: LasOptions = {}): Las {
    return new Las({ credentials: serverCredentials(server), maxRetries: 0, timeout: 2_000, ...options });
  }

  test('100 concurrent gets on a cold client: exactly one token request', async () => {
    // A generous per-attempt timeout: a loaded machine may take seconds for 100 requests, and this test counts tokens.
    const client = las({ timeout: 30_000 });

    const got = await Promise.all(Array.from({ length: 100 }, () => client.datasets.get(datasetId)));

    expect(server.tokenRequests).toHaveLength(1);
    expect(server.requests).toHaveLength(100);
    expect(new Set(server.requests.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer token-1']));
    expect(got.every((d) => d instanceof Dataset && d.id === datasetId)).toBe(true);
  });

  test('a collection call sends the bearer token, under the base path, with the id encoded', async () => {
    await las().datasets.get(datasetId);

    const [request] = server.requests;
    expect(request.method).toBe('GET');
    expect(request.url).toBe(`/v1/datasets/${encodeURIComponent(datasetId)}`);
    expect(request.url).toMatch(/^\/v1\/datasets\/las%3Adataset%3A[0-9a-f]{32}$/);
    expect(request.headers.authorization).toBe('Bearer token-1');
    expect(request.headers).not.toHaveProperty('x-api-key');
    expect(request.body).toBe('');
  });

  test('X-Api-Key when the credentials hold an api key', async () => {
    await las({ credentials: serverCredentials(server, { apiKey: API_KEY }) }).datasets.get(datasetId);
    expect(server.requests[0].headers['x-api-key']).toBe(API_KEY);
  });

  test('create sends a JSON body', async () => {
    await las().datasets.create({ name: 'n', description: 'd' });

    const [request] = server.requests;
    expect([request.method, request.path, request.headers['content-type']]).toEqual(['POST', '/v1/datasets', 'application/json']);
    expect(JSON.parse(request.body)).toEqual({ name: 'n', description: 'd' });
  });

  test('list filters: arrays as repeated keys, undefined left out', async () => {
    server.handle(() => ({ body: { documents: [], nextToken: null } }));

    const [a, b] = [`las:dataset:${'a'.repeat(32)}`, `las:dataset:${'b'.repeat(32)}`];
    await las().documents.list({ datasetId: [a, b], maxResults: 3, nextToken: undefined });

    const [request] = server.requests;
    expect(request.path).toBe('/v1/documents');
    expect([...request.query]).toEqual([
      ['datasetId', a],
      ['datasetId', b],
      ['maxResults', '3'],
    ]);
  });

  test('a 401 gets one token refresh, then the new token', async () => {
    server.handle((req) => (req.headers.authorization === 'Bearer token-1' ? { status: 401 } : { body: dataset }));

    await expect(las().datasets.get(datasetId)).resolves.toBeInstanceOf(Dataset);

    expect(server.tokenRequests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  test('a 401 after the refresh: InvalidCredentialsError', async () => {
    server.handle(() => ({ status: 401, body: { message: 'Unauthorized' } }));

    await expect(las({ maxRetries: 3 }).datasets.get(datasetId)).rejects.toBeInstanceOf(InvalidCredentialsError);

    expect(server.requests).toHaveLength(2);
    expect(server.tokenRequests).toHaveLength(2);
  });

  test('maxRetries is passed on: 0 sends once', async () => {
    server.handle(() => ({ status: 503 }));
    await expect(las({ maxRetries: 0 }).datasets.get(datasetId)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });

  test('maxRetries is passed on: 1 sends a GET twice', async () => {
    server.handle(() => ({ status: 500 }));
    await expect(las({ maxRetries: 1 }).datasets.get(datasetId)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(2);
  });

  test('timeout is passed on', async () => {
    server.handle(() => ({ delay: 1_000, body: dataset }));
    await expect(las({ timeout: 100 }).datasets.update(datasetId, { name: 'n' })).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  test('{ tokenProvider, apiEndpoint }: the provider\'s token, no token request', async () => {
    const getAccessToken = jest.fn(async () => 'provided-token');
    const client = new Las({ tokenProvider: { getAccessToken }, apiEndpoint: `${server.url}/v1`, maxRetries: 0 });

    await client.datasets.get(datasetId);

    expect(server.requests[0].headers.authorization).toBe('Bearer provided-token');
    expect(server.tokenRequests).toHaveLength(0);
    expect(getAccessToken).toHaveBeenCalled();
  });

  test('a tokenProvider with credentials: the provider\'s token, the credentials\' endpoint and api key', async () => {
    const client = new Las({
      credentials: serverCredentials(server, { apiKey: API_KEY }),
      tokenProvider: { getAccessToken: async () => 'provided-token' },
      maxRetries: 0,
    });

    await client.datasets.get(datasetId);

    expect(server.requests[0].headers.authorization).toBe('Bearer provided-token');
    expect(server.requests[0].headers['x-api-key']).toBe(API_KEY);
    expect(server.tokenRequests).toHaveLength(0);
  });

  test('JSON.stringify and util.inspect of a client in use show no secret or token', async () => {
    const client = las({ credentials: serverCredentials(server, { apiKey: API_KEY }) });
    await client.datasets.get(datasetId);
    const dataset = await client.datasets.get(datasetId);

    for (const value of [client, dataset, client.datasets]) {
      for (const text of [JSON.stringify(value), util.inspect(value, { depth: 20, showHidden: true })]) {
        for (const secret of ['token-1', CLIENT_SECRET, BASIC, API_KEY]) expect(text).not.toContain(secret);
      }
    }
  });
});

describe('credential resolution', () => {
  const home = useTempHome();
  const saved: Record<string, string | undefined> = {};

  beforeEach(() => {
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('LAS_')) {
        saved[name] = process.env[name];
        delete process.env[name];
      }
    }
  });

  afterEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('LAS_')) delete process.env[name];
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
      delete saved[name];
    }
  });

  test('no credentials anywhere: MissingCredentialsError naming every source', () => {
    process.env.LAS_CREDENTIALS_FILE = path.join(home.dir, 'credentials.cfg');

    let error: unknown;
    try {
      new Las();
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(MissingCredentialsError);
    expect(error).toBeInstanceOf(LasError);
    const message = (error as Error).message;
    expect(message).toContain('`credentials` option');
    expect(message).toContain('LAS_CLIENT_ID');
    expect(message).toContain(path.join(home.dir, 'credentials.cfg'));
  });

  test('no credentials, default file location under the home directory', () => {
    expect(() => new Las()).toThrow(MissingCredentialsError);
    expect(() => new Las()).toThrow(path.join(home.dir, '.lucidtech', 'credentials.cfg'));
  });

  test('{ tokenProvider, apiEndpoint } needs no credentials', () => {
    expect(() => new Las({ tokenProvider: { getAccessToken: async () => 't' }, apiEndpoint: 'http://127.0.0.1:1/v1' })).not.toThrow();
  });
});

describe('constructor options are checked', () => {
  const provider = { getAccessToken: async () => 'provided-token' };
  const base: LasOptions = { tokenProvider: provider, apiEndpoint: 'http://127.0.0.1:1/v1' };

  function refusal(options: unknown): ValidationError {
    try {
      new Las(options as LasOptions);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return error as ValidationError;
    }
    throw new Error('expected new Las to throw');
  }

  test.each([['timout'], ['toString'], ['hasOwnProperty'], ['max_retries']])('an unknown option %s is refused, naming it', (name) => {
    const error = refusal({ ...base, [name]: 5 });
    expect(error.message).toBe(
      `new Las: unknown option "${name}" (known: credentials, profile, tokenProvider, apiEndpoint, apiVersion, maxRetries, timeout, totalTimeout, fetch, proxy, logLevel, logger, hooks)`,
    );
  });

  test('an unknown option with a huge name: the message stays short', () => {
    const error = refusal({ ...base, ['k'.repeat(1_000_000)]: 1 });
    expect(error.message.length).toBeLessThan(250);
  });

  test.each([
    ['timeout', 0],
    ['timeout', -5],
    ['timeout', NaN],
    ['timeout', Infinity],
    ['timeout', '5'],
    ['timeout', 1.5],
    ['timeout', 2 ** 31],
    ['totalTimeout', 0],
    ['totalTimeout', -1],
    ['totalTimeout', NaN],
    ['totalTimeout', Infinity],
    ['totalTimeout', '300000'],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetries', NaN],
    ['maxRetries', 11],
    ['maxRetries', '3'],
    ['apiEndpoint', 'not a url'],
    ['apiEndpoint', ''],
    ['apiEndpoint', 'api.lucidtech.ai/v1'],
    ['apiEndpoint', 'ftp://api.lucidtech.ai/v1'],
    ['apiEndpoint', 'https://api.lucidtech.ai/v1?x=1'],
    ['apiEndpoint', ' https://api.lucidtech.ai/v1'],
    ['apiEndpoint', 42],
    ['fetch', 'fetch'],
    ['fetch', {}],
    ['tokenProvider', {}],
    ['tokenProvider', { getAccessToken: 'token' }],
    ['tokenProvider', { getAccessToken: async () => 't', invalidate: true }],
    ['tokenProvider', null],
    ['credentials', { clientId: 'a', clientSecret: 'b', authEndpoint: 'auth.lucidtech.ai', apiEndpoint: 'https://api.lucidtech.ai/v1' }],
    ['credentials', 'default'],
    ['logLevel', 'verbose'],
    ['logLevel', 'DEBUG'],
    ['logger', {}],
    ['logger', { debug() {}, info() {}, warn() {} }],
    ['hooks', () => {}],
    ['hooks', { onRequest: 'log' }],
    ['hooks', { onRequets() {} }],
  ])('%s: %p is refused, naming the option', (name, value) => {
    const error = refusal({ ...base, [name]: value });
    expect(error.message).toMatch(new RegExp(`^new Las: ${name} (must|invalidate|has)`));
  });

  test.each(['', 5])('profile: %p is refused', (value) => {
    expect(refusal({ profile: value }).message).toMatch(/^new Las: profile must be a non-empty string$/);
  });

  test('profile with explicit credentials, which it would not affect, is refused', () => {
    const credentials = new Credentials({ clientId: 'a', clientSecret: 'b', authEndpoint: 'auth.lucidtech.ai', apiEndpoint: 'https://api.lucidtech.ai/v1' });
    expect(refusal({ credentials, profile: 'staging' }).message).toMatch(/^new Las: profile picks a section of the credentials file/);
    expect(refusal({ ...base, profile: 'staging' }).message).toMatch(/^new Las: profile/);
  });

  test('no secret from a bad value is echoed', () => {
    const error = refusal({ ...base, apiEndpoint: `https://user:${CLIENT_SECRET}@api.lucidtech.ai/v1` });
    expect(error.message).toBe('new Las: apiEndpoint must not hold a user name or password');
    expect(refusal({ ...base, timeout: CLIENT_SECRET }).message).not.toContain(CLIENT_SECRET);
  });

  test('options that are not an object are refused', () => {
    expect(refusal(null).message).toBe('new Las: the options must be an object');
    expect(refusal('https://api.lucidtech.ai/v1').message).toBe('new Las: the options must be an object');
  });

  test('the bounds themselves, and undefined values, are accepted', () => {
    for (const options of [
      { timeout: 1, totalTimeout: 1, maxRetries: 0 },
      { timeout: 2 ** 31 - 1, totalTimeout: 2 ** 31 - 1, maxRetries: 10 },
      { timeout: undefined, totalTimeout: undefined, maxRetries: undefined, fetch: undefined, credentials: undefined, profile: undefined },
      { apiEndpoint: 'http://localhost:4010' },
      { fetch: async () => new Response('{}') },
    ]) {
      expect(() => new Las({ ...base, ...options })).not.toThrow();
    }
  });
});

describe('a client whose token the server no longer knows recovers', () => {
  const home = useTempHome();
  const app = { clientId: 'restart-client', clientSecret: 'restart-s3cret' };

  test('after an emulator restart (its tokens are gone): one fresh token, the call succeeds', async () => {
    let emu = await startEmulator(app);
    const port = Number(new URL(emu.url).port);
    try {
      const las = new Las({ credentials: emu.credentials, maxRetries: 2 });
      const before = await las.datasets.create({ name: 'before' });
      expect(before.name).toBe('before');

      await emu.close();
      const log: string[] = [];
      emu = await startEmulator({ ...app, port, log: (line) => log.push(line.replace(/ \(\d+ ms\)$/, '')) });

      // A GET first: the client's kept-alive connection to the old emulator may fail once, and a GET is retried.
      const names = [];
      for await (const dataset of las.datasets.list()) names.push(dataset.name);
      expect(names).toEqual([]);
      const after = await las.datasets.create({ name: 'after' });
      expect(after.name).toBe('after');

      expect(log).toEqual(['GET /v1/datasets -> 403', 'POST /token?grant_type=client_credentials -> 200', 'GET /v1/datasets -> 200', 'POST /v1/datasets -> 200']);
    } finally {
      await emu.close();
    }
  });

  test('a stale token in the disk cache: replaced, on disk too, with one token request', async () => {
    const emu = await startEmulator(app);
    try {
      const cacheFile = path.join(home.dir, '.lucidtech', 'token-cache.json');
      fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
      const stale = { accessToken: 'stale-token-of-a-previous-emulator', expiresAt: Date.now() + 3_600_000, clientId: app.clientId };
      fs.writeFileSync(cacheFile, JSON.stringify({ default: stale }));
      const credentials = new Credentials({ ...app, authEndpoint: emu.url, apiEndpoint: emu.apiEndpoint, useCache: true });
      const tokenUrls: string[] = [];
      const las = new Las({
        credentials: new Credentials({
          ...app,
          authEndpoint: emu.url,
          apiEndpoint: emu.apiEndpoint,
          useCache: true,
          fetch: async (input, init) => {
            tokenUrls.push(input instanceof Request ? input.url : String(input));
            return globalThis.fetch(input, init);
          },
        }),
        maxRetries: 0,
      });

      await expect(las.datasets.create({ name: 'n' })).resolves.toMatchObject({ name: 'n' });

      expect(tokenUrls).toHaveLength(1);
      const entry = (JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Record<string, { accessToken: string }>).default;
      expect(entry.accessToken).not.toBe(stale.accessToken);
      // Another process with the same profile now starts with the fresh token, no token request.
      expect(await credentials.getAccessToken()).toBe(entry.accessToken);
    } finally {
      await emu.close();
    }
  });
});

describe('the fetch option and token requests', () => {
  /** A fetch that records the path of every request it sends. */
  function recording(paths: string[]): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      paths.push(new URL(request.url).pathname);
      return globalThis.fetch(request);
    };
  }

  test("explicit credentials without a fetch of their own get their token through the Las fetch; with one, through theirs", async () => {
    const emu = await startEmulator();
    try {
      const { clientId, clientSecret } = emu.credentials;
      const init = { clientId, clientSecret, authEndpoint: emu.url, apiEndpoint: emu.apiEndpoint };
      const viaLas: string[] = [];
      await new Las({ credentials: new Credentials(init), fetch: recording(viaLas), maxRetries: 0 }).datasets.create();
      expect(viaLas).toEqual(['/token', '/v1/datasets']);

      const viaCredentials: string[] = [];
      const viaLasToo: string[] = [];
      const credentials = new Credentials({ ...init, fetch: recording(viaCredentials) });
      await new Las({ credentials, fetch: recording(viaLasToo), maxRetries: 0 }).datasets.create();
      expect({ viaCredentials, viaLasToo }).toEqual({ viaCredentials: ['/token'], viaLasToo: ['/v1/datasets'] });
    } finally {
      await emu.close();
    }
  });
});
