import { jest } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionError, LasError, ServerError, ValidationError } from '../../src/errors.js';
import type { Logger, LogLevel, RequestEvent } from '../../src/http/log.js';
import { Las, type LasOptions } from '../../src/las.js';
import { API_KEY, CLIENT_SECRET, serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

let server: TestServer;

beforeEach(async () => {
  server = await startServer();
});

afterEach(async () => {
  await server.close();
  delete process.env.LAS_LOG;
});

/** A logger that keeps every line with its level. */
function recorder(): Logger & { lines: [string, string][] } {
  const lines: [string, string][] = [];
  return {
    lines,
    debug: (line) => void lines.push(['debug', line]),
    info: (line) => void lines.push(['info', line]),
    warn: (line) => void lines.push(['warn', line]),
    error: (line) => void lines.push(['error', line]),
  };
}

function client(options: Partial<LasOptions> = {}): Las {
  return new Las({ credentials: serverCredentials(server, { apiKey: API_KEY }), maxRetries: 2, ...options });
}

const DATASET = 'las:dataset:0123456789abcdef0123456789abcdef';

describe('log lines at each level', () => {
  /** One call answered 503 then 200, its lines at `level`. */
  async function linesAt(level: LogLevel | undefined): Promise<[string, string][]> {
    const logger = recorder();
    server.reply({ status: 503, headers: { 'Retry-After': '0' }, body: { message: 'busy' } }, { headers: { 'x-amzn-requestid': 'req-7' }, body: { datasetId: DATASET } });
    await client({ logger, ...(level && { logLevel: level }) }).datasets.get(DATASET);
    return logger.lines;
  }

  test('info: one line per call: method, path (its ids decoded), status, attempts, duration, request id', async () => {
    expect(await linesAt('info')).toEqual([['info', expect.stringMatching(/^las-sdk: GET \/datasets\/las:dataset:[0-9a-f]{32} status=200 attempts=2 duration=\d+ms requestId=req-7$/)]]);
  });

  test('debug: also the token fetch and each retry with its reason and wait', async () => {
    expect(await linesAt('debug')).toEqual([
      ['debug', expect.stringMatching(/^las-sdk: token: a new access token, ready in \d+ ms$/)],
      ['debug', expect.stringMatching(/^las-sdk: GET \/datasets\/\S+ retry attempt=2 after=503 waited=\d+ms$/)],
      ['info', expect.stringMatching(/^las-sdk: GET \/datasets\/\S+ status=200 attempts=2 duration=\d+ms requestId=req-7$/)],
    ]);
  });

  test.each<LogLevel | undefined>(['warn', 'error', 'off', undefined])('%s (undefined: the default, warn): nothing for calls, failed ones included', async (level) => {
    expect(await linesAt(level)).toEqual([]);
    const logger = recorder();
    server.handle(() => ({ status: 503, headers: { 'Retry-After': '0' }, body: { message: 'down' } }));
    await expect(client({ logger, ...(level && { logLevel: level }) }).datasets.get(DATASET)).rejects.toThrow();
    expect(server.requests).toHaveLength(2 + 3);
    expect(logger.lines).toEqual([]);
  });

  test('a failed call: its status and error class; a call that got no answer: its error class and attempts', async () => {
    const logger = recorder();
    server.handle(() => ({ status: 404, body: { message: 'Not Found' } }));
    await expect(client({ logger, logLevel: 'info' }).datasets.get(DATASET)).rejects.toThrow();
    await server.close();
    await expect(client({ logger, logLevel: 'info', maxRetries: 0 }).datasets.list({ maxResults: 5 })).rejects.toBeInstanceOf(LasError);
    expect(logger.lines).toEqual([
      ['info', expect.stringMatching(/^las-sdk: GET \/datasets\/\S+ status=404 error=NotFoundError attempts=1 duration=\d+ms$/)],
      // The token endpoint is on the closed server too: the call fails before any attempt.
      ['info', expect.stringMatching(/^las-sdk: GET \/datasets error=ConnectionError attempts=0 duration=\d+ms$/)],
    ]);
  });

  test('debug: a list walk logs each page', async () => {
    const logger = recorder();
    server.reply({ body: { datasets: [{ datasetId: DATASET }], nextToken: 'p2' } }, { body: { datasets: [], nextToken: null } });
    await client({ logger, logLevel: 'debug' }).datasets.list().toArray();
    expect(logger.lines.filter(([, line]) => line.includes('page'))).toEqual([
      ['debug', 'las-sdk: datasets.list: page 1, 1 items, more follow'],
      ['debug', 'las-sdk: datasets.list: page 2, 0 items, the last'],
    ]);
  });

  test('LAS_LOG sets the level when logLevel is not given; logLevel wins; a bad value is refused', async () => {
    const logger = recorder();
    process.env.LAS_LOG = 'INFO';
    await client({ logger }).datasets.get(DATASET);
    expect(logger.lines.map(([level]) => level)).toEqual(['info']);
    await client({ logger, logLevel: 'off' }).datasets.get(DATASET);
    expect(logger.lines).toHaveLength(1);
    process.env.LAS_LOG = 'loud';
    expect(() => client({ logger })).toThrow(new ValidationError("new Las: the environment's LAS_LOG must be one of debug, info, warn, error, off"));
  });

  test('a logger that throws does not break the call', async () => {
    const logger = { debug: () => {}, info: () => { throw new Error('disk full'); }, warn: () => {}, error: () => {} };
    await expect(client({ logger, logLevel: 'info' }).datasets.get(DATASET)).resolves.toBeDefined();
  });

  test('console is the default logger', async () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => {});
    try {
      await client({ logLevel: 'info' }).datasets.get(DATASET);
      expect(info).toHaveBeenCalledWith(expect.stringMatching(/^las-sdk: GET \/datasets\//));
    } finally {
      info.mockRestore();
    }
  });
});

describe('no secret in any line at any level', () => {
  test('token fetches, retries, errors, uploads with content and a 401 refresh, at debug: no token, secret, api key or content', async () => {
    const logger = recorder();
    const hookEvents: RequestEvent[] = [];
    const push = (event: RequestEvent) => void hookEvents.push(event);
    const las = client({ logger, logLevel: 'debug', hooks: { onRequest: push, onRetry: push, onResponse: push } });
    const content = 'Q0NURU5UX01BUktFUl83MzE=';
    const dir = mkdtempSync(join(tmpdir(), 'las-log-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), `%PDF-1.7\n${content}`);
      // Token fetch, 401 then a fresh token, a 503 retry, an error echoing the request, an upload.
      server.reply({ status: 401 }, { status: 503, headers: { 'Retry-After': '0' } }, { body: { datasetId: DATASET } });
      await las.datasets.get(DATASET);
      server.handle((request) => ({ status: 400, body: { message: `bad: ${request.body} ${String(request.headers.authorization)}` } }));
      await expect(las.documents.create(Buffer.from(`%PDF-1.7\n${content}`), { datasetId: DATASET })).rejects.toThrow();
      await las.datasets.ref(DATASET).uploadDocuments(dir);
      server.handle(() => 'reset');
      await expect(las.withOptions({ maxRetries: 0 }).datasets.get(DATASET)).rejects.toBeInstanceOf(ConnectionError);
      server.handle(() => ({ status: 500, body: { message: `echo ${API_KEY}` } }));
      await expect(las.withOptions({ maxRetries: 0 }).datasets.get(DATASET)).rejects.toBeInstanceOf(ServerError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    const lines = logger.lines.map(([, line]) => line).join('\n');
    // The scenarios ran: two tokens (the first, the fresh one after the 401), retries, uploads.
    expect(logger.lines.filter(([, line]) => line.includes('token:'))).toHaveLength(2);
    expect(lines).toContain('after=401');
    expect(lines).toContain('after=503');
    expect(lines).toContain('POST /documents');
    for (const secret of [...server.tokens, CLIENT_SECRET, API_KEY, 'Bearer', 'content', content, Buffer.from(`%PDF-1.7\n${content}`).toString('base64')]) {
      expect(lines).not.toContain(secret);
    }
    // A hook's `error` is the error the caller gets, server message and all (here an echo of the
    // request): it holds no token, secret or api key either.
    const events = hookEvents.map((event) => JSON.stringify({ ...event, error: event.error?.message })).join('\n');
    expect(events).toContain('attempt');
    for (const secret of [...server.tokens, CLIENT_SECRET, API_KEY]) expect(events).not.toContain(secret);
  });
});

describe('hooks', () => {
  test('onRequest once, onRetry before each further attempt, onResponse once: with the documented fields', async () => {
    const events: [string, RequestEvent][] = [];
    const hooks = {
      onRequest: (event: RequestEvent) => void events.push(['onRequest', event]),
      onRetry: (event: RequestEvent) => void events.push(['onRetry', event]),
      onResponse: (event: RequestEvent) => void events.push(['onResponse', event]),
    };
    server.reply({ status: 503, headers: { 'Retry-After': '0', 'x-request-id': 'r1' } }, { headers: { 'x-request-id': 'r2' }, body: { datasetId: DATASET } });
    const path = `/datasets/${encodeURIComponent(DATASET)}`;

    await client({ hooks }).datasets.get(DATASET);

    expect(events).toEqual([
      ['onRequest', { method: 'GET', path, attempt: 1 }],
      ['onRetry', { method: 'GET', path, attempt: 2, status: 503, requestId: 'r1', durationMs: expect.any(Number) }],
      ['onResponse', { method: 'GET', path, attempt: 2, status: 200, requestId: 'r2', durationMs: expect.any(Number) }],
    ]);
  });

  test('a failed call: onResponse has the error it rejects with; an attempt without an answer: onRetry has its error', async () => {
    const events: RequestEvent[] = [];
    server.reply('reset', { status: 404, body: { message: 'Not Found' } });

    const error = await thrown(client({ hooks: { onRetry: (e) => void events.push(e), onResponse: (e) => void events.push(e) } }).datasets.get(DATASET));

    expect(events).toEqual([
      { method: 'GET', path: `/datasets/${encodeURIComponent(DATASET)}`, attempt: 2, durationMs: expect.any(Number), error: expect.any(ConnectionError) },
      { method: 'GET', path: `/datasets/${encodeURIComponent(DATASET)}`, attempt: 2, status: 404, durationMs: expect.any(Number), error },
    ]);
  });

  test('a hook that throws or rejects does not break the call; it is logged as an error', async () => {
    const logger = recorder();
    const hooks = {
      onRequest: () => {
        throw new Error('tracer broke');
      },
      onResponse: async () => Promise.reject(new Error('metrics down')),
    };

    await expect(client({ hooks, logger }).datasets.get(DATASET)).resolves.toBeDefined();
    await new Promise((resolve) => setImmediate(resolve));

    expect(logger.lines).toEqual([
      ['error', 'las-sdk: hook onRequest threw (the call goes on): tracer broke'],
      ['error', 'las-sdk: hook onResponse threw (the call goes on): metrics down'],
    ]);
  });

  test('a call stopped before anything was sent calls no hook', async () => {
    const events: RequestEvent[] = [];
    const push = (event: RequestEvent) => void events.push(event);
    await expect(client({ hooks: { onRequest: push, onResponse: push } }).datasets.get(DATASET, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(events).toEqual([]);
  });
});
