import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import ky, { NetworkError, TimeoutError as KyTimeoutError, type KyInstance } from 'ky';
import { ConnectionError, TimeoutError } from '../../src/errors.js';
import { JsonBytes } from '../../src/http/document-body.js';
import { Session } from '../../src/http/session.js';
import { createNodeFetch, type NodeFetch, type NodeFetchOptions } from '../../src/http/transport.js';

/** One request as the server saw it. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Which connection it came on: 1 for the server's first socket, 2 for the next, ... */
  socket: number;
}

type Handle = (req: IncomingMessage, res: ServerResponse, seen: Seen) => void | Promise<void>;

/** A node:http server on 127.0.0.1 that records requests and sockets, scripted per test. */
interface Server {
  url: string;
  seen: Seen[];
  /** Sockets opened so far. */
  sockets: Socket[];
  /** Most sockets open at the same time. */
  maxOpen: number;
  /** Resolves when the n-th request (1-based) has arrived, headers read. */
  arrived(n: number): Promise<void>;
  /** Resolves when socket n (1-based) is closed. */
  closed(n: number): Promise<void>;
  handle(handle: Handle): void;
  close(): Promise<void>;
}

async function startServer(setup?: (server: http.Server) => void): Promise<Server> {
  const seen: Seen[] = [];
  const sockets: Socket[] = [];
  const ids = new Map<Socket, number>();
  const closes = new Map<number, Promise<void>>();
  const waiting: { n: number; resolve: () => void }[] = [];
  let open = 0;
  let handle: Handle = (_req, res) => json(res, 200, { ok: true });
  const server = http.createServer(async (req, res) => {
    const entry: Seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.alloc(0), socket: ids.get(req.socket) ?? 0 };
    seen.push(entry);
    for (const w of waiting.filter((w) => w.n <= seen.length)) w.resolve();
    await handle(req, res, entry);
  });
  setup?.(server);
  server.on('connection', (socket) => {
    sockets.push(socket);
    ids.set(socket, sockets.length);
    open++;
    result.maxOpen = Math.max(result.maxOpen, open);
    closes.set(sockets.length, new Promise((resolve) => socket.once('close', () => resolve())));
    socket.once('close', () => open--);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const result: Server = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    sockets,
    maxOpen: 0,
    arrived: (n) => (seen.length >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }))),
    closed: (n) => closes.get(n) ?? Promise.reject(new Error(`no socket ${n}`)),
    handle: (next) => void (handle = next),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return result;
}

async function readBody(req: IncomingMessage, seen: Seen): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  seen.body = Buffer.concat(chunks);
  return seen.body;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A port nothing listens on: bound, then released. */
async function refusedUrl(): Promise<string> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

// Generous upper bound for "at once": the servers below would otherwise never answer.
const PROMPT_MS = 2_000;

let server: Server;
let transport: NodeFetch;

beforeEach(async () => {
  server = await startServer();
  transport = createNodeFetch();
});

afterEach(async () => {
  await transport.close();
  await server.close();
});

describe('requests as ky sends them', () => {
  test('GET: method, path and query, headers; the Response has status, headers, url and body', async () => {
    server.handle((_req, res) => json(res, 200, { workflowId: 'w1', name: 'ø' }, { 'x-request-id': 'r-1', 'set-cookie': ['a=1', 'b=2'] }));
    const url = `${server.url}/v1/workflows/las%3Aworkflow%3Aa?maxResults=2&x=%C3%B8`;

    const response = await transport(new Request(url, { headers: { Authorization: 'Bearer t', Accept: 'application/json' } }));

    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.url).toBe(url);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    await expect(response.json()).resolves.toEqual({ workflowId: 'w1', name: 'ø' });
    const [seen] = server.seen;
    expect(seen.method).toBe('GET');
    expect(seen.url).toBe('/v1/workflows/las%3Aworkflow%3Aa?maxResults=2&x=%C3%B8');
    expect(seen.headers.authorization).toBe('Bearer t');
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers.host).toBe(new URL(server.url).host);
    expect(seen.headers).not.toHaveProperty('content-length');
    expect(seen.headers).not.toHaveProperty('transfer-encoding');
  });

  test.each(['POST', 'PATCH', 'DELETE'])('%s with a JSON body: sent whole, with its Content-Length', async (method) => {
    server.handle(async (req, res, seen) => json(res, 200, { echo: JSON.parse((await readBody(req, seen)).toString()) }));
    const body = JSON.stringify({ name: 'Åse', n: [1, 2] });

    const response = await transport(new Request(`${server.url}/v1/datasets/d`, { method, body, headers: { 'Content-Type': 'application/json' } }));

    await expect(response.json()).resolves.toEqual({ echo: { name: 'Åse', n: [1, 2] } });
    const [seen] = server.seen;
    expect(seen.method).toBe(method);
    expect(seen.body.toString()).toBe(body);
    expect(seen.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(seen.headers['content-type']).toBe('application/json');
    expect(seen.headers).not.toHaveProperty('transfer-encoding');
  });

  test('a streamed upload with a hand-set Content-Length goes out as it is, not chunked', async () => {
    server.handle(async (req, res, seen) => json(res, 201, { size: (await readBody(req, seen)).byteLength }));
    // Several of JsonBytes' 256 KiB chunks.
    const bytes = Buffer.from(JSON.stringify({ content: 'x'.repeat(700_000) }));
    const upload = new JsonBytes(bytes);

    const response = await transport(
      new Request(`${server.url}/documents`, {
        method: 'POST',
        body: upload.stream(),
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(upload.byteLength) },
        duplex: 'half',
      } as RequestInit),
    );

    expect(response.status).toBe(201);
    await expect(response.json()).resolves.toEqual({ size: bytes.byteLength });
    const [seen] = server.seen;
    expect(seen.headers['content-length']).toBe(String(bytes.byteLength));
    expect(seen.headers).not.toHaveProperty('transfer-encoding');
    expect(seen.body.equals(bytes)).toBe(true);
  });

  test.each([
    [201, 'Created', '{"id":1}'],
    [404, 'Not Found', '{"message":"Not Found"}'],
    [500, 'Internal Server Error', 'oops'],
  ])('status %d: status, statusText, ok and body as sent', async (status, statusText, body) => {
    server.handle((_req, res) => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(body);
    });

    const response = await transport(new Request(server.url));

    expect(response.status).toBe(status);
    expect(response.statusText).toBe(statusText);
    expect(response.ok).toBe(status < 300);
    await expect(response.text()).resolves.toBe(body);
  });

  test('204 and HEAD: a null body, read as empty text', async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const noContent = await transport(new Request(server.url, { method: 'DELETE' }));
    expect(noContent.status).toBe(204);
    expect(noContent.body).toBeNull();
    await expect(noContent.text()).resolves.toBe('');

    server.handle((_req, res) => json(res, 200, { ignored: true }));
    const head = await transport(new Request(server.url, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  test('a large response body streams through whole', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(big);
    });

    const response = await transport(new Request(server.url));

    expect(Buffer.from(await response.arrayBuffer()).equals(big)).toBe(true);
  });

  test('clone() keeps url, status, headers and body', async () => {
    server.handle((_req, res) => json(res, 202, { a: 1 }, { 'x-request-id': 'r-2' }));
    const url = `${server.url}/x?y=1`;

    const response = await transport(new Request(url));
    const copy = response.clone();

    expect(copy.url).toBe(url);
    expect(copy.status).toBe(202);
    expect(copy.headers.get('x-request-id')).toBe('r-2');
    await expect(copy.json()).resolves.toEqual({ a: 1 });
    await expect(response.json()).resolves.toEqual({ a: 1 });
  });

  test('a URL and init, as fetch takes them, work too', async () => {
    server.handle(async (req, res, seen) => json(res, 200, { got: (await readBody(req, seen)).toString() }));

    const response = await transport(`${server.url}/p`, { method: 'POST', body: 'hi', headers: { 'x-a': 'b' } });

    await expect(response.json()).resolves.toEqual({ got: 'hi' });
    expect(server.seen[0].headers['x-a']).toBe('b');
  });
});

describe('cancellation', () => {
  test('already aborted: rejects with the AbortError, and nothing is sent', async () => {
    const controller = new AbortController();
    controller.abort();

    const error = await rejection(transport(new Request(server.url, { signal: controller.signal })));

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(error).toBe(controller.signal.reason);
    expect(server.sockets).toHaveLength(0);
  });

  test('aborted while waiting for the answer: rejects with the reason at once, and the connection is closed', async () => {
    server.handle(() => undefined); // never answers
    const controller = new AbortController();
    const pending = transport(new Request(server.url, { signal: controller.signal }));
    await server.arrived(1);

    const reason = new Error('stop now');
    const abortedAt = performance.now();
    controller.abort(reason);
    const error = await rejection(pending);

    expect(error).toBe(reason);
    expect(performance.now() - abortedAt).toBeLessThan(PROMPT_MS);
    await server.closed(1);
  });

  test('aborted while the body arrives: the body read rejects, and the connection is closed', async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"partial":');
    });
    const controller = new AbortController();
    const response = await transport(new Request(server.url, { signal: controller.signal }));
    const reading = response.text();

    controller.abort();
    const error = await rejection(reading);

    expect((error as DOMException).name).toBe('AbortError');
    await server.closed(1);
  });

  test('aborted mid-upload: rejects, the body stream is cancelled, and the connection is closed', async () => {
    // Reads what comes (a server that does not read would not notice the close) and never answers.
    server.handle((req) => void req.resume());
    let cancelled = false;
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new Uint8Array(1024));
        // Stalls after 64 KiB: an upload still going when the abort comes.
        if (sent >= 64 * 1024) return new Promise(() => undefined);
        return undefined;
      },
      cancel() {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const pending = transport(
      new Request(server.url, {
        method: 'POST',
        body: endless,
        headers: { 'Content-Length': String(10 * 1024 * 1024) },
        signal: controller.signal,
        duplex: 'half',
      } as RequestInit),
    );
    await server.arrived(1);

    controller.abort();

    expect(((await rejection(pending)) as DOMException).name).toBe('AbortError');
    await server.closed(1);
    expect(cancelled).toBe(true);
  });

  test('aborted while queued for a connection: rejects at once, and is never sent', async () => {
    await transport.close();
    transport = createNodeFetch({ connections: 1 });
    server.handle(() => undefined);
    const first = transport(new Request(server.url));
    await server.arrived(1);
    const controller = new AbortController();
    const queued = transport(new Request(`${server.url}/queued`, { signal: controller.signal }));

    controller.abort();

    expect(((await rejection(queued)) as DOMException).name).toBe('AbortError');
    server.sockets[0].destroy();
    await rejection(first);
    // A request queued behind the aborted one goes out; the aborted one never did.
    server.handle((_req, res) => json(res, 200, {}));
    await (await transport(new Request(`${server.url}/after`))).text();
    expect(server.seen.map((s) => s.url)).toEqual(['/', '/after']);
  });
});

describe('network failures, as fetch reports them', () => {
  test('connection refused: TypeError "fetch failed" with the cause and its code, like the global fetch', async () => {
    const url = await refusedUrl();

    const ours = (await rejection(transport(new Request(url)))) as TypeError & { cause: { code?: string } };
    const theirs = (await rejection(fetch(url))) as TypeError & { cause: { code?: string } };

    expect(ours).toBeInstanceOf(TypeError);
    expect(ours.message).toBe(theirs.message);
    expect(ours.message).toBe('fetch failed');
    expect(ours.cause.code).toBe('ECONNREFUSED');
    expect(ours.cause.code).toBe(theirs.cause.code);
  });

  test('a connection reset before the answer: "fetch failed" with undici\'s socket error', async () => {
    server.handle((req) => void req.socket.destroy());

    const error = (await rejection(transport(new Request(server.url)))) as TypeError & { cause: { code?: string } };

    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('fetch failed');
    expect(error.cause.code).toBe('UND_ERR_SOCKET');
  });

  test('a connection reset in the body: the read rejects with TypeError "terminated", as fetch\'s does', async () => {
    server.handle((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"a":');
      setTimeout(() => req.socket.destroy(), 20);
    });

    const response = await transport(new Request(server.url));
    const error = (await rejection(response.text())) as TypeError;

    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('terminated');
  });

  test('ky sees them as network errors, and the Session maps them to ConnectionError', async () => {
    const url = await refusedUrl();
    const http = ky.create({ prefix: url, retry: 0, fetch: transport });

    const kyError = (await rejection(http('x').text())) as NetworkError;
    expect(kyError).toBeInstanceOf(NetworkError);
    expect((kyError.cause as TypeError).message).toBe('fetch failed');
    expect(((kyError.cause as TypeError).cause as { code?: string }).code).toBe('ECONNREFUSED');

    const session = new Session({ apiEndpoint: url, tokenProvider: { getAccessToken: async () => 't' }, maxRetries: 0, fetch: transport });
    const error = (await rejection(session.get('/x'))) as Error;
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^GET \/x failed: .*fetch failed/);
  });

  // Only a network failure is a ConnectionError: fetch's "terminated" (a body cut off) is one, whichever realm it comes from.
  test.each<[string, () => typeof fetch]>([
    ['the transport', () => transport],
    ["Node's own fetch", () => globalThis.fetch],
  ])('a connection reset in the body, through %s: the Session gives a ConnectionError', async (_name, fetcher) => {
    server.handle((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":');
      setTimeout(() => req.socket.destroy(), 20);
    });
    const session = new Session({ apiEndpoint: server.url, tokenProvider: { getAccessToken: async () => 't' }, maxRetries: 0, fetch: fetcher() });

    const error = (await rejection(session.get('/x'))) as ConnectionError;

    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^GET \/x failed: terminated/);
  });

  test('a TypeError that is no network failure (a bug on the way to the network) reaches the caller as itself, not retried', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'status')");
    let calls = 0;
    const buggy = async (): Promise<Response> => {
      calls++;
      throw bug;
    };
    const session = new Session({ apiEndpoint: server.url, tokenProvider: { getAccessToken: async () => 't' }, maxRetries: 3, fetch: buggy });

    expect(await rejection(session.get('/x'))).toBe(bug);
    expect(calls).toBe(1);
  });

  test('after close(), calls reject', async () => {
    await transport.close();
    const error = (await rejection(transport(new Request(server.url)))) as TypeError & { cause: { code?: string } };
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('fetch failed');
    expect(error.cause.code).toBe('UND_ERR_DESTROYED');
  });
});

describe('connections', () => {
  test('keep-alive: sequential calls share one socket', async () => {
    for (let i = 0; i < 5; i++) await (await transport(new Request(`${server.url}/${i}`))).text();

    expect(server.seen.map((s) => s.socket)).toEqual([1, 1, 1, 1, 1]);
    expect(server.sockets).toHaveLength(1);
  });

  test('connections caps the sockets open at once; without it, every call in flight gets one', async () => {
    const calls = (fetcher: NodeFetch) => Promise.all(Array.from({ length: 8 }, (_, i) => fetcher(new Request(`${server.url}/${i}`)).then((r) => r.text())));
    // Answers only once `hold` requests are in, so that `hold` calls are in flight at once.
    let hold = 8;
    const answers: (() => void)[] = [];
    server.handle((_req, res) => {
      answers.push(() => json(res, 200, {}));
      if (answers.length >= hold) for (const answer of answers.splice(0)) answer();
    });

    await calls(transport);
    expect(server.maxOpen).toBe(8);

    const limited = createNodeFetch({ connections: 2 });
    const before = server.sockets.length;
    for (const socket of server.sockets) socket.destroy();
    await Promise.all(server.sockets.map(async (_, i) => server.closed(i + 1)));
    server.maxOpen = 0;
    hold = 2;
    try {
      await calls(limited);
    } finally {
      await limited.close();
    }
    expect(server.seen).toHaveLength(16);
    expect(server.sockets.length - before).toBe(2);
    expect(server.maxOpen).toBeLessThanOrEqual(2);
  });

  test('keepAliveTimeout: an idle socket is closed by the client when no Keep-Alive hint says otherwise', async () => {
    // keepAliveTimeout 0 on the server: it keeps idle sockets forever and sends no Keep-Alive hint.
    const quiet = await startServer((s) => (s.keepAliveTimeout = 0));
    const short = createNodeFetch({ keepAliveTimeout: 100 });
    try {
      await (await short(new Request(quiet.url))).text();
      await quiet.closed(1);
      expect(quiet.sockets).toHaveLength(1);
    } finally {
      await short.close();
      await quiet.close();
    }
  });
});

describe('ky over the transport behaves as over the global fetch', () => {
  const fetches: [string, () => typeof fetch][] = [
    ['global fetch', () => (input, init) => globalThis.fetch(input, init)],
    ['createNodeFetch', () => transport],
  ];

  const kyOver = (fetcher: typeof fetch, options: Parameters<KyInstance['create']>[0] = {}) =>
    ky.create({ prefix: server.url, fetch: fetcher, retry: { limit: 2, delay: () => 5 }, ...options });

  test.each(fetches)('%s: a 503 then a 200 is retried and answers', async (_name, fetcher) => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? json(res, 503, { message: 'busy' }) : json(res, 200, { ok: n })));

    await expect(kyOver(fetcher())('x').json()).resolves.toEqual({ ok: 2 });
    expect(server.seen).toHaveLength(2);
  });

  test.each(fetches)('%s: a connection reset is retried for a GET', async (_name, fetcher) => {
    let n = 0;
    server.handle((req, res) => (n++ === 0 ? void req.socket.destroy() : json(res, 200, { ok: true })));

    await expect(kyOver(fetcher())('x').json()).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });

  test.each(fetches)('%s: a POST json body arrives, and a 4xx is an HTTPError with its data', async (_name, fetcher) => {
    server.handle(async (req, res, seen) => json(res, 400, { message: 'bad', got: JSON.parse((await readBody(req, seen)).toString()) }));

    const error = (await rejection(kyOver(fetcher())('x', { method: 'POST', json: { a: 'ü' } }).json())) as { name: string; data: unknown; response: Response };

    expect(error.name).toBe('HTTPError');
    expect(error.data).toEqual({ message: 'bad', got: { a: 'ü' } });
    expect(error.response.url).toBe(`${server.url}/x`);
    expect(server.seen[0].headers['content-length']).toBe(String(Buffer.byteLength('{"a":"ü"}')));
  });

  test.each(fetches)('%s: a timed-out attempt rejects with ky\'s TimeoutError and closes the connection', async (_name, fetcher) => {
    server.handle(() => undefined);

    const error = await rejection(kyOver(fetcher(), { timeout: 100, retry: 0 })('x').text());

    expect(error).toBeInstanceOf(KyTimeoutError);
    await server.closed(1);
  });

  test.each(fetches)('%s: a timed-out GET is retried when the policy says so', async (_name, fetcher) => {
    let n = 0;
    server.handle((_req, res) => (n++ === 0 ? undefined : json(res, 200, { ok: true })));

    const http = kyOver(fetcher(), { timeout: 200, retry: { limit: 1, delay: () => 5, retryOnTimeout: true } });

    await expect(http('x').json()).resolves.toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
  });

  test.each(fetches)('%s: a body that stalls after the headers times out', async (_name, fetcher) => {
    server.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":');
    });

    await expect(kyOver(fetcher(), { timeout: 150, retry: 0 })('x').text()).rejects.toBeInstanceOf(KyTimeoutError);
  });
});

describe('the Session over the transport', () => {
  const session = (options: Partial<NodeFetchOptions> & { timeout?: number } = {}) =>
    new Session({ apiEndpoint: `${server.url}/v1`, tokenProvider: { getAccessToken: async () => 'tok' }, maxRetries: 0, timeout: options.timeout ?? 2_000, fetch: transport });

  test('GET with a query, POST JSON and an upload of JsonBytes reach the server as sent', async () => {
    server.handle(async (req, res, seen) => json(res, 200, { size: (await readBody(req, seen)).byteLength }));
    const upload = new JsonBytes(Buffer.from(JSON.stringify({ content: 'y'.repeat(300_000) })));
    const s = session();

    await s.get('/datasets', { maxResults: 5, x: ['a', 'b'] });
    await s.post('/datasets', { name: 'd' });
    await expect(s.post('/documents', upload)).resolves.toEqual({ size: upload.byteLength });

    expect(server.seen.map((r) => [r.method, r.url])).toEqual([
      ['GET', '/v1/datasets?maxResults=5&x=a&x=b'],
      ['POST', '/v1/datasets'],
      ['POST', '/v1/documents'],
    ]);
    expect(server.seen[1].body.toString()).toBe('{"name":"d"}');
    expect(server.seen[2].headers['content-length']).toBe(String(upload.byteLength));
    expect(server.seen[2].body.equals(Buffer.from(upload.bytes))).toBe(true);
    expect(server.seen.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
    expect(new Set(server.seen.map((r) => r.socket))).toEqual(new Set([1]));
  });

  test('a timed-out attempt is the SDK\'s TimeoutError', async () => {
    server.handle(() => undefined);
    await expect(session({ timeout: 100 }).get('/x')).rejects.toBeInstanceOf(TimeoutError);
  });
});
