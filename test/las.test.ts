import path from 'node:path';
import util from 'node:util';
import { jest } from '@jest/globals';
import {
  InvalidCredentialsError,
  LasError,
  MissingCredentialsError,
  ServerError,
  TimeoutError,
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
    const client = las();

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
