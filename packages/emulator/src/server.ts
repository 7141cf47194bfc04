/**
 * The HTTP side: node's own http server, the token endpoint, the bearer check, JSON bodies, and
 * the routing table from method and path to handler. Every answer is JSON; errors are
 * `{ message }` with the status the service uses.
 */
import http from 'node:http';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { TOKEN_PATHS, type Auth } from './auth.js';
import type { Context } from './context.js';
import { HttpError, shorten } from './http-error.js';
import type { JsonObject } from './json.js';
import { withRequestHost } from './files/document-files.js';
import { announceFileOrigin, isFileUrl, serveFile } from './files/file-server.js';
import { answerSignIn, REVOKE_PATH } from './oauth.js';
import { matchRoute, type Method, type Route } from './router.js';

/** Largest request body accepted (content fields hold up to 6.25 MB of base64). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * What API Gateway answers for a path or method the API does not have (403, whatever the
 * credentials): unknown ids of existing routes are 404s instead.
 */
export const MISSING_AUTHENTICATION_TOKEN = 'Missing Authentication Token';

/** What the server needs. */
export interface ServerDeps {
  routes: readonly Route[];
  auth: Auth;
  context: Context;
  /** Path the API is served under (`/v1`); the token endpoint is at the root. */
  basePath: string;
  /** Called with one line per request. */
  log?: (line: string) => void;
  /** Serve HTTPS with this PEM certificate (chain) and key; plain HTTP when unset. */
  tls?: { cert: string; key: string };
}

interface Answer {
  status: number;
  /** Set by a fault: the connection is closed without an answer. */
  drop?: true;
  /** JSON, or the HTML of a sign-in page (its headers name its type). */
  body?: JsonObject | string;
  headers?: Record<string, string>;
}

/** A server answering the API and the token endpoint over HTTP, or HTTPS with `tls` (not yet listening). */
export function createServer(deps: ServerDeps): http.Server {
  const listener: http.RequestListener = (req, res) => {
    const started = performance.now();
    const logLine = (status: number) => deps.log?.(`${req.method} ${shorten(req.url ?? '')} -> ${status} (${Math.round(performance.now() - started)} ms)`);
    // The file server reads its own bodies (up to 64 MiB, not the API's JSON).
    const fileUrl = requestUrl(req.url ?? '/');
    if (isFileUrl(deps.context, fileUrl)) {
      void serveFile(deps, req, res, fileUrl, corsHeaders(req.headers.origin)).then(logLine, () => res.destroy());
      return;
    }
    const received: { body?: Buffer } = {};
    void answer(deps, req, received)
      .then((reply) => (reply.drop ? dropConnection(req) : send(res, reply, req.headers.origin)))
      .catch((error: unknown) => send(res, failure(error), req.headers.origin))
      .then((status) => {
        const url = requestUrl(req.url ?? '/');
        if (status > 0 && url && received.body) deps.context.hooks?.record?.(req.method ?? 'GET', url, req.headers, received.body, status);
        return status;
      })
      .then(logLine)
      .catch(() => res.destroy());
  };
  const server = deps.tls ? https.createServer({ cert: deps.tls.cert, key: deps.tls.key }, listener) : http.createServer(listener);
  server.on('clientError', answerClientError);
  announceFileOrigin(server, deps.context, deps.tls !== undefined);
  return server;
}

// A fault's dropped connection: no answer at all (status 0 in the log).
function dropConnection(req: http.IncomingMessage): number {
  req.socket.destroy();
  return 0;
}

function send(res: http.ServerResponse, reply: Answer, origin: string | undefined): number {
  const text = typeof reply.body === 'string' ? reply.body : reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(text && { 'content-type': 'application/json' }),
    'x-request-id': randomUUID(),
    ...corsHeaders(origin),
    ...reply.headers,
  });
  res.end(text);
  return reply.status;
}

/**
 * Pages of any origin may call the API and the token endpoint (a review screen served from
 * localhost, say): the origin is echoed, and the request id is readable by the page's script.
 */
function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': 'x-request-id',
    vary: 'Origin',
  };
}

function failure(error: unknown): Answer {
  const reason = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { message: shorten(`The emulator failed: ${reason}`) } };
}

/**
 * Requests Node's parser refuses before any handler sees them (headers over `--max-http-header-size`,
 * malformed HTTP, headers or body not received in time): Node would answer with an empty body, the
 * API answers JSON `{ message }` like every other error.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // Node's own rule: answer only when no response of this connection has started to go out.
  const inFlight = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const [status, message] = clientErrorAnswer(error.code);
  const body = JSON.stringify({ message });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
      'content-type: application/json\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'access-control-allow-origin: *\r\n' +
      'connection: close\r\n\r\n' +
      body,
  );
}

function clientErrorAnswer(code: string | undefined): [number, string] {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return [431, `The request headers are larger than ${http.maxHeaderSize} bytes`];
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return [413, 'The chunk extensions of the request body are too large'];
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return [408, 'The request was not received in time'];
    default:
      return [400, `The request is not valid HTTP${code ? ` (${code})` : ''}`];
  }
}

// A change is saved before it is answered; one that could not be saved was undone: 500.
async function answer(deps: ServerDeps, req: http.IncomingMessage, received: { body?: Buffer }): Promise<Answer> {
  const saved: { failure?: Error } = {};
  const reply = await handle(deps, req, saved, received);
  return saved.failure ? { status: 500, body: { message: saved.failure.message } } : reply;
}

async function handle(deps: ServerDeps, req: http.IncomingMessage, saved: { failure?: Error }, received: { body?: Buffer }): Promise<Answer> {
  try {
    const raw = await readBody(req);
    received.body = raw;
    const url = requestUrl(req.url ?? '/');
    const method = req.method ?? 'GET';
    const fault = url && (await deps.context.hooks?.fault?.(method, url.pathname, req.headers));
    if (fault === 'drop') return { status: 0, drop: true };
    if (fault) return { status: fault.status, body: fault.body };
    // What the request changes is stamped with this emulator's time.
    // A document's fileUrl names the host the client reached.
    return deps.context.store.clock.run(() => withRequestHost(req.headers.host, () => route(deps, req, method, url, raw)));
  } catch (error) {
    return errorAnswer(error);
  } finally {
    // In the same tick as the handler, so a commit holds this request's changes and no other's.
    saved.failure = deps.context.store.commit();
  }
}

function route(deps: ServerDeps, req: http.IncomingMessage, method: string, url: URL | undefined, raw: Buffer): Answer {
  if (method === 'OPTIONS') {
    return {
      status: 204,
      headers: {
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept, X-Api-Key',
        'access-control-max-age': '600',
      },
    };
  }
  if (url === undefined) throw new HttpError(403, MISSING_AUTHENTICATION_TOKEN);
  if (method === 'POST' && TOKEN_PATHS.includes(url.pathname)) {
    return { status: 200, body: deps.auth.issue(req.headers.authorization, url.searchParams, raw.toString('utf8'), issuer(deps, req)) };
  }
  if (method === 'POST' && url.pathname === REVOKE_PATH) {
    deps.auth.revoke(req.headers.authorization, raw.toString('utf8'));
    return { status: 200 };
  }
  const signIn = answerSignIn(deps.context.store, method, url, raw.toString('utf8'));
  if (signIn) return signIn;
  const path = url.pathname.startsWith(`${deps.basePath}/`) ? url.pathname.slice(deps.basePath.length) : undefined;
  const match = path === undefined ? ({ kind: 'none' } as const) : matchRoute(deps.routes, method, path);
  if (match.kind !== 'found') throw new HttpError(403, MISSING_AUTHENTICATION_TOKEN);
  const principal = deps.auth.authenticate(req.headers.authorization);
  const body = method === 'POST' || method === 'PATCH' ? parseJson(req, raw) : {};
  const result = match.route.handler(deps.context, { method: method as Method, params: match.params, query: url.searchParams, body, principal });
  return result === undefined ? { status: 204 } : { status: 200, body: result };
}

function errorAnswer(error: unknown): Answer {
  if (error instanceof HttpError) return { status: error.status, body: { ...error.extra, message: error.message } };
  return failure(error);
}

// The path as sent: `//x` is a path here, not a host, and a target no URL can hold routes nowhere.
function requestUrl(target: string): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://emulator${target}`) : new URL(target);
  } catch {
    return undefined;
  }
}

// The whole body is read before anything is decided, so an early answer never leaves it unread.
async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new HttpError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`);
  return Buffer.concat(chunks);
}

// An empty body counts as `{}`, so a missing field is reported by name rather than as "no body".
function parseJson(req: http.IncomingMessage, raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, `Content-Type must be application/json, got ${JSON.stringify(shorten(type, 100))}`);
  let text: string;
  try {
    text = UTF8.decode(raw);
  } catch {
    throw new HttpError(400, 'body: is not valid JSON (its bytes are not UTF-8)');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'body: is not valid JSON');
  }
}

// JSON is UTF-8 (RFC 8259): other bytes are refused, not read as U+FFFD.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

// The emulator's URL as the client reached it: the ID token's `iss`.
function issuer(deps: ServerDeps, req: http.IncomingMessage): string {
  return `${deps.tls ? 'https' : 'http'}://${req.headers.host ?? '127.0.0.1'}`;
}
