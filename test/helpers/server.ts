import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Credentials } from '../../src/auth/credentials.js';
import { credentialsAt } from './credentials.js';

/** One request as the test server received it. */
export interface RecordedRequest {
  method: string;
  /** The raw request target, query included. */
  url: string;
  /** The path exactly as sent (still percent-encoded). */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: IncomingHttpHeaders;
  /** The body as text ('' when none). */
  body: string;
  /** `performance.now()` when the request's body had arrived. */
  at: number;
}

/** What the server does with one request. */
export type Reply =
  | {
      /** Default 200. */
      status?: number;
      headers?: Record<string, string>;
      /** A string is sent as is; anything else as JSON with `Content-Type: application/json`. */
      body?: unknown;
      /** Milliseconds to wait before answering. */
      delay?: number;
    }
  /** Destroy the socket without answering. */
  | 'reset';

/** Decides the reply to an API request. */
export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A real HTTP server on 127.0.0.1 that tests script per request. */
export interface TestServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** API requests (everything but `POST /token`), in arrival order. */
  readonly requests: RecordedRequest[];
  /** Requests to `POST /token`. */
  readonly tokenRequests: RecordedRequest[];
  /** Tokens handed out so far: `token-1`, `token-2`, ... */
  readonly tokens: string[];
  /** Requests (API or token) whose connection the client closed before the reply was sent. */
  readonly closedEarly: RecordedRequest[];
  /** Queues replies for the next API requests, one each, in order. */
  reply(...replies: Reply[]): void;
  /** Sets the handler used once the queue is empty (default: 200 `{}`). */
  handle(handler: Handler): void;
  /** Replaces the token endpoint's behaviour; default hands out the next `token-N`. */
  handleToken(handler: Handler): void;
  /** Stops listening, destroys open sockets and cancels pending delayed replies. */
  close(): Promise<void>;
}

/** Starts a {@link TestServer} on a free port of 127.0.0.1. */
export async function startServer(): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const tokenRequests: RecordedRequest[] = [];
  const tokens: string[] = [];
  const closedEarly: RecordedRequest[] = [];
  const queue: Reply[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let handler: Handler = () => ({ body: {} });
  const issueToken: Handler = () => {
    const token = `token-${tokens.length + 1}`;
    tokens.push(token);
    return { body: { access_token: token, expires_in: 3600 } };
  };
  let tokenHandler: Handler = issueToken;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = req.url ?? '/';
    const parsed = new URL(url, 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      url,
      path: url.split('?')[0],
      query: parsed.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      at: performance.now(),
    };
    res.on('close', () => {
      if (!res.writableEnded) closedEarly.push(recorded);
    });
    const isToken = recorded.method === 'POST' && recorded.path === '/token';
    (isToken ? tokenRequests : requests).push(recorded);
    let reply: Reply;
    try {
      reply = isToken ? await tokenHandler(recorded) : await (queue.shift() ?? handler(recorded));
    } catch (error) {
      reply = { status: 599, body: { message: `test handler threw: ${String(error)}` } };
    }
    if (reply === 'reset') {
      req.socket.destroy();
      return;
    }
    if (reply.delay) await wait(reply.delay);
    if (res.destroyed || res.writableEnded) return;
    const headers: Record<string, string> = { ...reply.headers };
    let body = '';
    if (typeof reply.body === 'string') body = reply.body;
    else if (reply.body !== undefined) {
      body = JSON.stringify(reply.body);
      if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    res.writeHead(reply.status ?? 200, headers);
    res.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokenRequests,
    tokens,
    closedEarly,
    reply: (...replies) => void queue.push(...replies),
    handle: (next) => void (handler = next),
    handleToken: (next) => void (tokenHandler = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

// Imported from here by many tests; they live in credentials.ts.
export { API_KEY, BASIC, CLIENT_ID, CLIENT_SECRET } from './credentials.js';

/** Credentials of the test client on `server`: its token endpoint, and the API below `/v1`. */
export function serverCredentials(server: TestServer, extra: { apiKey?: string } = {}): Credentials {
  return credentialsAt(server.url, `${server.url}/v1`, extra);
}
