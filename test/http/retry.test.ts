import {
  ConnectionError,
  LimitExceededError,
  ServerError,
  TimeoutError,
  TooManyRequestsError,
} from '../../src/errors.js';
import { retryPolicy } from '../../src/http/retry.js';
import { Session, type SessionOptions } from '../../src/http/session.js';
import { serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

let server: TestServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
});

function session(options: Partial<SessionOptions> = {}): Session {
  const credentials = serverCredentials(server);
  return new Session({
    apiEndpoint: credentials.apiEndpoint,
    tokenProvider: credentials,
    retryBaseDelay: 10,
    maxRetries: 3,
    timeout: 2_000,
    ...options,
  });
}

const ok = { status: 200, body: { ok: true } };

describe('429 and 503: retried for every method', () => {
  test('Retry-After is honoured', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '1' }, body: { message: 'Too Many Requests' } }, ok);

    await expect(session().get('/datasets')).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
    const waited = server.requests[1].at - server.requests[0].at;
    expect(waited).toBeGreaterThanOrEqual(900);
  });

  test('a Retry-After longer than maxRetryAfter is cut down to it', async () => {
    server.reply({ status: 503, headers: { 'retry-after': '30' } }, ok);

    await expect(session({ maxRetryAfter: 20 }).get('/datasets')).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeLessThan(1_000);
  });

  test('503 twice, then 200, on a GET', async () => {
    server.reply({ status: 503 }, { status: 503 }, ok);

    await expect(session().get('/datasets')).resolves.toEqual({ ok: true });

    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET']);
  });

  test('503 twice, then 200, on a POST: the same body is sent each time', async () => {
    server.reply({ status: 503 }, { status: 503 }, ok);

    await expect(session().post('/datasets', { name: 'a' })).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(3);
    for (const request of server.requests) {
      expect(request.method).toBe('POST');
      expect(JSON.parse(request.body)).toEqual({ name: 'a' });
    }
  });

  test('429 on a PATCH is retried', async () => {
    server.reply({ status: 429, body: { message: 'Too Many Requests' } }, ok);

    await expect(session().patch('/datasets/x', { name: 'a' })).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
  });

  // One rule (LimitExceededError.matches) decides both the error class and that it is not retried.
  test.each([
    ['{ message }', { message: 'Limit Exceeded' }],
    ['{ error } (the OAuth2 form)', { error: 'Limit Exceeded' }],
    ['plain text', 'Limit Exceeded: 1000 documents'],
  ])('429 "Limit Exceeded" as %s: LimitExceededError, not retried', async (_form, body) => {
    server.reply({ status: 429, body }, ok);

    const error = await thrown(session().get('/datasets'));

    expect(error).toBeInstanceOf(LimitExceededError);
    expect(error).toMatchObject({ status: 429, body });
    expect(server.requests).toHaveLength(1);
  });
});

describe('other 5xx: retried only for idempotent methods', () => {
  test('500 on a GET is retried', async () => {
    server.reply({ status: 500, body: { message: 'Internal Server Error' } }, ok);

    await expect(session().get('/datasets')).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
  });

  test('500 on a DELETE is retried', async () => {
    server.reply({ status: 502 }, ok);

    await expect(session().delete('/datasets/x')).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
  });

  test.each(['post', 'patch'] as const)('500 on a %s is not retried', async (method) => {
    server.reply({ status: 500, body: { message: 'Internal Server Error' } }, ok);

    const error = await thrown(session()[method]('/datasets', { name: 'a' }));

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, body: { message: 'Internal Server Error' } });
    expect(server.requests).toHaveLength(1);
  });
});

describe('connection resets', () => {
  test('a reset on a POST is not retried: ConnectionError', async () => {
    server.reply('reset', ok);

    const error = await thrown(session().post('/datasets', { name: 'a' }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^POST \/datasets failed: /);
    expect(server.requests).toHaveLength(1);
  });

  test.each(['post', 'patch'] as const)('a reset after a %s was sent: it may have been applied, and the error says so', async (method) => {
    server.reply('reset');

    const error = await thrown(session()[method]('/datasets', { name: 'a' }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
    expect((error as Error).message).toMatch(/may have received and applied it: check before sending it again$/);
    expect(server.requests).toHaveLength(1);
  });

  test('a GET reset until retries run out: not flagged as maybe applied', async () => {
    server.handle(() => 'reset');

    const error = await thrown(session({ maxRetries: 1 }).get('/datasets'));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false });
    expect((error as Error).message).not.toMatch(/applied/);
  });

  test('a POST to a port nothing listens on was never sent: not flagged as maybe applied', async () => {
    const url = server.url;
    await server.close();
    const s = new Session({ apiEndpoint: `${url}/v1`, tokenProvider: { getAccessToken: async () => 't' }, maxRetries: 0 });

    const error = await thrown(s.post('/datasets', { name: 'a' }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(error).toMatchObject({ mayHaveBeenApplied: false });
    expect((error as Error).message).not.toMatch(/applied/);
  });

  test('a reset on a GET is retried', async () => {
    server.reply('reset', ok);

    await expect(session().get('/datasets')).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
  });

  test('resets until retries run out: ConnectionError', async () => {
    server.handle(() => 'reset');

    await expect(session({ maxRetries: 2 }).get('/datasets')).rejects.toBeInstanceOf(ConnectionError);

    expect(server.requests).toHaveLength(3);
  });

  test('nothing listening: ConnectionError', async () => {
    const url = server.url;
    await server.close();
    const s = new Session({ apiEndpoint: `${url}/v1`, tokenProvider: { getAccessToken: async () => 't' }, maxRetries: 0 });

    await expect(s.get('/datasets')).rejects.toBeInstanceOf(ConnectionError);
  });
});

describe('timeouts', () => {
  test('a reply slower than the timeout: TimeoutError, a POST sent once', async () => {
    server.reply({ delay: 1_000, body: {} }, ok);

    const started = performance.now();
    const error = await thrown(session({ timeout: 150 }).post('/datasets', {}));

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(
      'POST /datasets timed out; the server may have received and applied it: check before sending it again',
    );
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
    expect(performance.now() - started).toBeLessThan(900);
    expect(server.requests).toHaveLength(1);
  });

  test('a PATCH that timed out: sent once, may have been applied, and the error says so', async () => {
    server.reply({ delay: 1_000, body: {} }, ok);

    const error = await thrown(session({ timeout: 150 }).patch('/datasets/x', { name: 'a' }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ mayHaveBeenApplied: true });
    expect((error as Error).message).toMatch(/^PATCH \/datasets\/x timed out; the server may have received and applied it/);
    expect(server.requests).toHaveLength(1);
  });

  test.each(['get', 'delete'] as const)('a %s that timed out is safe to send again: not flagged', async (method) => {
    server.handle(() => ({ delay: 1_000, body: {} }));

    const error = await thrown(session({ timeout: 100, maxRetries: 0 })[method]('/datasets/x'));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ mayHaveBeenApplied: false });
    expect((error as Error).message).toBe(`${method.toUpperCase()} /datasets/x timed out`);
  });

  test('the timeout is per attempt: a GET that timed out is retried', async () => {
    server.reply({ delay: 1_000, body: {} }, ok);

    await expect(session({ timeout: 150 }).get('/datasets')).resolves.toEqual({ ok: true });

    expect(server.requests).toHaveLength(2);
  });

  test('a GET that always times out: TimeoutError once retries run out', async () => {
    server.handle(() => ({ delay: 1_000, body: {} }));

    await expect(session({ timeout: 100, maxRetries: 1 }).get('/datasets')).rejects.toBeInstanceOf(TimeoutError);

    expect(server.requests).toHaveLength(2);
  });

  test('totalTimeout bounds the whole call, retries included', async () => {
    server.handle(() => ({ status: 503 }));

    const started = performance.now();
    const error = await thrown(session({ maxRetries: 100, retryBaseDelay: 50, totalTimeout: 300 })
      .get('/datasets'));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});

describe('retries exhausted', () => {
  test('503 every time: ServerError with status, parsed body and request id', async () => {
    server.handle(() => ({
      status: 503,
      headers: { 'x-amzn-requestid': 'req-123' },
      body: { message: 'Service Unavailable' },
    }));

    const error = await thrown(session({ maxRetries: 2 }).get('/datasets'));

    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 503, body: { message: 'Service Unavailable' }, requestId: 'req-123' });
    expect(server.requests).toHaveLength(3);
  });

  test('429 every time: TooManyRequestsError', async () => {
    server.handle(() => ({ status: 429, headers: { 'x-amzn-requestid': 'req-429' }, body: { message: 'Too Many Requests' } }));

    const error = await thrown(session({ maxRetries: 2 }).post('/datasets', {}));

    expect(error).toBeInstanceOf(TooManyRequestsError);
    expect(error).toMatchObject({ status: 429, body: { message: 'Too Many Requests' }, requestId: 'req-429' });
    expect(server.requests).toHaveLength(3);
  });

  test('maxRetries 0 sends once', async () => {
    server.handle(() => ({ status: 503 }));

    await expect(session({ maxRetries: 0 }).get('/datasets')).rejects.toBeInstanceOf(ServerError);

    expect(server.requests).toHaveLength(1);
  });
});

describe('retryPolicy', () => {
  test('backs off exponentially from retryBaseDelay, with jitter of at most half, capped at 8 s', () => {
    const policy = retryPolicy({ retryBaseDelay: 100 });
    expect([1, 2, 3, 4].map((n) => policy.delay!(n))).toEqual([100, 200, 400, 800]);
    const jitter = policy.jitter as (delay: number) => number;
    for (let i = 0; i < 50; i++) {
      const delay = jitter(1_000);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(1_000);
    }
    expect(policy.backoffLimit).toBe(8_000);
  });

  test('defaults: 3 retries, 500 ms base, Retry-After honoured up to 20 s', () => {
    const policy = retryPolicy({});
    expect(policy.limit).toBe(3);
    expect(policy.delay!(1)).toBe(500);
    expect(policy.maxRetryAfter).toBe(20_000);
  });
});
