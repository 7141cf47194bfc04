import util from 'node:util';
import {
  ApiError,
  BadRequestError,
  ConnectionError,
  InvalidCredentialsError,
  LasError,
  LimitExceededError,
  NotFoundError,
  ServerError,
  TimeoutError,
  TooManyRequestsError,
} from '../../src/errors.js';
import { Session, type SessionOptions } from '../../src/http/session.js';
import { API_KEY, BASIC, CLIENT_SECRET, serverCredentials, startServer, type Reply, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

let server: TestServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

function session(options: Partial<SessionOptions> = {}, creds = serverCredentials(server)): Session {
  return new Session({
    apiEndpoint: creds.apiEndpoint,
    tokenProvider: creds,
    apiKey: creds.apiKey,
    retryBaseDelay: 10,
    maxRetries: 0,
    timeout: 2_000,
    ...options,
  });
}

const bearer = (n: number) => `Bearer token-${n}`;

describe('401: one token refresh', () => {
  test('a 401 fetches a new token and sends the request again with it', async () => {
    server.handle((req) => (req.headers.authorization === bearer(1) ? { status: 401, body: { message: 'Unauthorized' } } : { body: { ok: 1 } }));

    await expect(session().get('/datasets')).resolves.toEqual({ ok: 1 });

    expect(server.tokenRequests).toHaveLength(2);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([bearer(1), bearer(2)]);
  });

  test('a 401 on a POST is sent again too: the API refused it before doing anything', async () => {
    server.reply({ status: 401 }, { body: { ok: 1 } });

    await expect(session().post('/datasets', { name: 'a' })).resolves.toEqual({ ok: 1 });

    expect(server.requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', '{"name":"a"}'],
      ['POST', '{"name":"a"}'],
    ]);
  });

  test('a second 401 after the refresh: InvalidCredentialsError, no loop', async () => {
    server.handle(() => ({ status: 401, body: { message: 'Unauthorized' } }));

    const error = await thrown(session({ maxRetries: 3 }).get('/datasets'));

    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
    expect(server.requests).toHaveLength(2);
    expect(server.tokenRequests).toHaveLength(2);
  });

  test('concurrent requests rejected together share one refresh', async () => {
    server.handle((req) => (req.headers.authorization === bearer(1) ? { status: 401 } : { body: { ok: 1 } }));
    const s = session();

    const results = await Promise.all(Array.from({ length: 10 }, () => s.get('/datasets')));

    expect(results).toEqual(Array(10).fill({ ok: 1 }));
    expect(server.tokenRequests).toHaveLength(2);
  });

  test('a 403 (a token the server no longer knows) fetches a new token and sends the request again with it', async () => {
    server.handle((req) => (req.headers.authorization === bearer(1) ? { status: 403, body: { message: 'Forbidden' } } : { body: { ok: 1 } }));

    await expect(session().post('/datasets', { name: 'a' })).resolves.toEqual({ ok: 1 });

    expect(server.tokenRequests).toHaveLength(2);
    expect(server.requests.map((r) => [r.method, r.headers.authorization, r.body])).toEqual([
      ['POST', bearer(1), '{"name":"a"}'],
      ['POST', bearer(2), '{"name":"a"}'],
    ]);
  });

  test('a real permission error (403 every time): InvalidCredentialsError, one extra token request per call', async () => {
    server.handle(() => ({ status: 403, body: { message: 'Forbidden' } }));
    const s = session({ maxRetries: 3 });

    const first = await thrown(s.get('/datasets'));
    expect(first).toBeInstanceOf(InvalidCredentialsError);
    expect(first).toMatchObject({ status: 403, body: { message: 'Forbidden' } });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([bearer(1), bearer(2)]);
    expect(server.tokenRequests).toHaveLength(2);

    await expect(s.get('/datasets')).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([bearer(1), bearer(2), bearer(2), bearer(3)]);
    expect(server.tokenRequests).toHaveLength(3);
  });

  test('concurrent requests refused with 403 together share one refresh', async () => {
    server.handle((req) => (req.headers.authorization === bearer(1) ? { status: 403 } : { body: { ok: 1 } }));
    const s = session();

    const results = await Promise.all(Array.from({ length: 10 }, () => s.get('/datasets')));

    expect(results).toEqual(Array(10).fill({ ok: 1 }));
    expect(server.tokenRequests).toHaveLength(2);
    expect(server.requests.filter((r) => r.headers.authorization === bearer(2))).toHaveLength(10);
  });

  test('a token provider that can only hand out the refused token: not sent again with it', async () => {
    const invalidated: (string | undefined)[] = [];
    const s = new Session({
      apiEndpoint: `${server.url}/v1`,
      maxRetries: 0,
      tokenProvider: { getAccessToken: async () => 'fixed', invalidate: (token) => void invalidated.push(token) },
    });
    server.handle(() => ({ status: 401, body: { message: 'Unauthorized' } }));

    await expect(s.get('/datasets')).rejects.toMatchObject({ status: 401 });

    expect(server.requests).toHaveLength(1);
    expect(invalidated).toEqual(['fixed']);
  });

  test('a token endpoint that rejects the credentials is asked once; its OAuth2 error is in the message', async () => {
    server.handleToken(() => ({ status: 401, body: { error: 'invalid_client', error_description: 'Client authentication failed' } }));

    const error = await thrown(session().get('/datasets'));

    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect((error as Error).message).toBe(`POST ${server.url}/token failed with 401: invalid_client: Client authentication failed`);

    expect(server.tokenRequests).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  test('a token provider without invalidate() is simply asked again', async () => {
    const handed: string[] = [];
    const s = new Session({
      apiEndpoint: `${server.url}/v1`,
      maxRetries: 0,
      tokenProvider: { getAccessToken: async () => (handed.push(`p-${handed.length + 1}`), handed[handed.length - 1]) },
    });
    server.reply({ status: 401 }, { body: { ok: 1 } });

    await expect(s.get('/datasets')).resolves.toEqual({ ok: 1 });

    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer p-1', 'Bearer p-2']);
  });
});

describe('error mapping', () => {
  test.each([
    [400, BadRequestError],
    [401, InvalidCredentialsError],
    [403, InvalidCredentialsError],
    [404, NotFoundError],
    [409, ApiError],
    [422, ApiError],
    [429, TooManyRequestsError],
    [500, ServerError],
    [504, ServerError],
  ])('%i: %p', async (status, type) => {
    server.handle(() => ({ status, headers: { 'x-amzn-requestid': `id-${status}` }, body: { message: `m${status}` } }));

    const error = await thrown(session().get('/datasets/x', { a: 1 }));

    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(LasError);
    expect((error as Error).constructor).toBe(type);
    expect(error).toMatchObject({ status, body: { message: `m${status}` }, requestId: `id-${status}` });
    expect((error as Error).name).toBe(type.name);
    expect((error as Error).message).toBe(`GET ${server.url}/v1/datasets/x failed with ${status}: m${status}`);
  });

  test('429 "Limit Exceeded": LimitExceededError', async () => {
    server.reply({ status: 429, body: { message: 'Limit Exceeded' } });
    await expect(session().get('/datasets')).rejects.toBeInstanceOf(LimitExceededError);
  });

  test('a non-JSON error body is kept as text', async () => {
    server.reply({ status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad Gateway</h1>' });

    const error = await thrown(session().get('/datasets'));

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, body: '<h1>Bad Gateway</h1>' });
    expect((error as ApiError).requestId).toBeUndefined();
    expect((error as Error).message).toContain('<h1>Bad Gateway</h1>');
  });

  test('a body claiming JSON that is not stays text', async () => {
    server.reply({ status: 400, headers: { 'content-type': 'application/json' }, body: 'not json {' });
    await expect(session().get('/datasets')).rejects.toMatchObject({ status: 400, body: 'not json {' });
  });

  test('a JSON body without a JSON Content-Type is parsed', async () => {
    server.reply({ status: 404, headers: { 'content-type': 'text/plain' }, body: '{"message":"No such dataset"}' });
    await expect(session().get('/datasets')).rejects.toMatchObject({ status: 404, body: { message: 'No such dataset' } });
  });

  test('a huge path and a huge error message are cut in the error message, the body is kept whole', async () => {
    // The id stays under the 16 KiB Node's server takes in a request line.
    const id = 'x'.repeat(10_000);
    const huge = 'x'.repeat(1_000_000);
    server.reply({ status: 404, body: { message: huge } });

    const error = await thrown(session().get(`/datasets/${id}`));

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message.length).toBeLessThan(1_000);
    expect((error as Error).message).toMatch(new RegExp(`^GET ${server.url}/v1/datasets/x+… \\(\\d+ more characters\\) failed with 404: x+… \\(999500 more characters\\)$`));
    expect((error as ApiError).body).toEqual({ message: huge });
  });

  test('an empty error body', async () => {
    server.reply({ status: 500 });
    const error = await thrown(session().get('/datasets'));
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ApiError).body).toBeUndefined();
    expect((error as Error).message).toMatch(/failed with 500: no message$/);
  });
});

describe('responses', () => {
  test('the JSON body is returned parsed', async () => {
    server.reply({ body: { a: [1, { b: null }] } });
    await expect(session().get('/x')).resolves.toEqual({ a: [1, { b: null }] });
  });

  test('204 and empty bodies give undefined', async () => {
    server.reply({ status: 204 }, { status: 200 });
    await expect(session().delete('/x')).resolves.toBeUndefined();
    await expect(session().delete('/x')).resolves.toBeUndefined();
  });

  test('a 200 that is not JSON and echoes the token: the message shows the start of the body, without the token', async () => {
    server.handle((req) => ({ headers: { 'content-type': 'text/plain' }, body: `echo ${req.headers.authorization}` }));

    const error = await thrown(session().get('/x'));

    expect(error).toBeInstanceOf(LasError);
    expect((error as Error).message).toBe('GET /x replied with invalid JSON: echo Bearer ***');
  });

  test('a 200 that is not JSON: LasError, not a bare SyntaxError', async () => {
    server.reply({ body: '<html>' });
    const error = await thrown(session().get('/x'));
    expect(error).toBeInstanceOf(LasError);
    expect((error as Error).message).toMatch(/^GET \/x replied with invalid JSON/);
  });

  test('a body that stalls after the headers: TimeoutError', async () => {
    // Headers go out at once; the body never finishes.
    const s = session({ timeout: 150 });
    server.handle(() => ({ headers: { 'content-type': 'application/json', 'content-length': '100' }, body: '{"a":' }));

    await expect(s.post('/x', {})).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('wire details', () => {
  test('Authorization on every request; no X-Api-Key without an api key', async () => {
    const s = session();
    await s.get('/a');
    await s.post('/b', {});

    expect(server.requests).toHaveLength(2);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe(bearer(1));
      expect(request.headers).not.toHaveProperty('x-api-key');
      expect(request.headers.accept).toBe('application/json');
    }
    expect(server.tokenRequests).toHaveLength(1);
  });

  test('X-Api-Key when the credentials have an api key', async () => {
    const s = session({}, serverCredentials(server, { apiKey: API_KEY }));
    await s.get('/a');
    await s.delete('/a');
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual([API_KEY, API_KEY]);
  });

  test('the token request: POST /token?grant_type=client_credentials with HTTP Basic', async () => {
    await session().get('/a');
    const [token] = server.tokenRequests;
    expect(token.query.get('grant_type')).toBe('client_credentials');
    expect(token.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  test('POST and PATCH send JSON with Content-Type application/json', async () => {
    const s = session();
    await s.post('/datasets', { name: 'n', nested: { x: null } });
    await s.patch('/datasets/d', { description: 'd' });
    await s.post('/empty');

    expect(server.requests.map((r) => [r.method, r.headers['content-type'], r.body])).toEqual([
      ['POST', 'application/json', '{"name":"n","nested":{"x":null}}'],
      ['PATCH', 'application/json', '{"description":"d"}'],
      ['POST', 'application/json', '{}'],
    ]);
  });

  test('GET and DELETE carry no body', async () => {
    const s = session();
    await s.get('/a');
    await s.delete('/a');

    for (const request of server.requests) {
      expect(request.body).toBe('');
      expect(request.headers).not.toHaveProperty('content-type');
      expect(request.headers['content-length'] ?? '0').toBe('0');
      expect(request.headers).not.toHaveProperty('transfer-encoding');
    }
  });

  test('the base path is kept, with or without slashes', async () => {
    await session().get('/workflows');
    await session({ apiEndpoint: `${server.url}/v1/` }).get('workflows');
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/workflows', '/v1/workflows']);
  });

  test('query: arrays as repeated keys, undefined and null left out, values as strings', async () => {
    await session().get('/documents', {
      datasetId: ['las:dataset:a', 'las:dataset:b'],
      maxResults: 5,
      deleteAll: true,
      nextToken: undefined,
      batchId: null,
      q: 'a b&c=d',
    });

    const [request] = server.requests;
    expect(request.path).toBe('/v1/documents');
    expect([...request.query]).toEqual([
      ['datasetId', 'las:dataset:a'],
      ['datasetId', 'las:dataset:b'],
      ['maxResults', '5'],
      ['deleteAll', 'true'],
      ['q', 'a b&c=d'],
    ]);
  });

  test('a query of only undefined values adds no "?"', async () => {
    await session().delete('/documents', { nextToken: undefined });
    expect(server.requests[0].url).toBe('/v1/documents');
  });

  test('an encoded path arrives as sent', async () => {
    await session().get(`/datasets/${encodeURIComponent('las:dataset:x/y?z')}`);
    expect(server.requests[0].url).toBe('/v1/datasets/las%3Adataset%3Ax%2Fy%3Fz');
  });

  test('the fetch option is used, looked up per call', async () => {
    const calls: string[] = [];
    const s = session({
      fetch: (input, init) => {
        calls.push(input instanceof Request ? input.url : String(input));
        return globalThis.fetch(input, init);
      },
    });
    await s.get('/a');
    expect(calls).toEqual([`${server.url}/v1/a`]);
  });
});

describe('no secret in any error', () => {
  const ACCESS_TOKEN = 'acc3ss-t0ken-Hj4Kd';
  const SECRETS = [ACCESS_TOKEN, CLIENT_SECRET, BASIC, API_KEY];

  function texts(error: unknown): string[] {
    const out: string[] = [];
    for (let current = error, depth = 0; current !== undefined && depth < 10; depth++) {
      out.push(current instanceof Error ? current.message : String(current));
      out.push(JSON.stringify(current) ?? '');
      out.push(util.inspect(current, { depth: 20, showHidden: true }));
      current = (current as { cause?: unknown } | null)?.cause;
    }
    return out;
  }

  function expectNoSecret(error: unknown): void {
    expect(error).toBeInstanceOf(LasError);
    for (const text of texts(error)) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  }

  beforeEach(() => {
    server.handleToken(() => ({ body: { access_token: ACCESS_TOKEN, expires_in: 3600 } }));
  });

  const failures: [string, Reply][] = [
    ['400', { status: 400, body: { message: 'Bad Request' } }],
    ['401', { status: 401, body: { message: 'Unauthorized' } }],
    ['403', { status: 403, body: { message: 'Forbidden' } }],
    ['404', { status: 404, body: { message: 'Not Found' } }],
    ['429', { status: 429, body: { message: 'Too Many Requests' } }],
    ['500', { status: 500, body: { message: 'Internal Server Error' } }],
    ['a connection reset', 'reset'],
    ['a timeout', { delay: 1_000, body: {} }],
  ];

  test.each(failures)('%s', async (_name, reply) => {
    server.handle(() => reply);
    const s = session({ timeout: 100 }, serverCredentials(server, { apiKey: API_KEY }));

    const error = await thrown(s.post('/datasets', { name: 'a' }));

    expect(server.requests[0].headers.authorization).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(error).toBeInstanceOf(reply === 'reset' ? ConnectionError : reply.delay ? TimeoutError : ApiError);
    expectNoSecret(error);
  });

  test('an error body that echoes the request headers is redacted', async () => {
    server.handle((request) => ({ status: 400, body: { message: `bad: ${request.headers.authorization}`, key: [request.headers['x-api-key']] } }));
    const error = await thrown(session({}, serverCredentials(server, { apiKey: API_KEY })).get('/a'));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as ApiError).body).toEqual({ message: 'bad: Bearer ***', key: ['***'] });
    expectNoSecret(error);
  });

  test('a failed token request', async () => {
    server.handleToken(() => ({ status: 401, body: { error: 'invalid_client' } }));
    const error = await thrown(session({}, serverCredentials(server, { apiKey: API_KEY })).get('/a'));
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expectNoSecret(error);
  });
});
