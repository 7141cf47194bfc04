/**
 * The HTTP side: node's own http server, the token endpoint, the bearer check, JSON bodies, and
 * the routing table from method and path to handler. Every answer is JSON; errors are
 * `{ message }` with the status the service uses.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { TOKEN_PATHS, type Auth } from './auth.js';
import type { Context } from './context.js';
import { HttpError } from './http-error.js';
import type { JsonObject } from './json.js';
import { matchRoute, type Method, type Route } from './router.js';

/** Largest request body accepted (content fields hold up to 6.25 MB of base64). */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** What the server needs. */
export interface ServerDeps {
  routes: readonly Route[];
  auth: Auth;
  context: Context;
  /** Path the API is served under (`/v1`); the token endpoint is at the root. */
  basePath: string;
  /** Called with one line per request. */
  log?: (line: string) => void;
}

interface Answer {
  status: number;
  body?: JsonObject;
  headers?: Record<string, string>;
}

/** An http.Server answering the API and the token endpoint (not yet listening). */
export function createServer(deps: ServerDeps): http.Server {
  return http.createServer((req, res) => {
    const started = performance.now();
    void answer(deps, req).then((reply) => {
      const requestId = randomUUID();
      const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(text && { 'content-type': 'application/json' }),
        'x-request-id': requestId,
        'access-control-allow-origin': '*',
        ...reply.headers,
      });
      res.end(text);
      deps.log?.(`${req.method} ${req.url} -> ${reply.status} (${Math.round(performance.now() - started)} ms)`);
    }).catch(() => res.destroy());
  });
}

// A change is saved before it is answered; one that could not be saved was undone: 500.
async function answer(deps: ServerDeps, req: http.IncomingMessage): Promise<Answer> {
  const saved: { failure?: Error } = {};
  const reply = await handle(deps, req, saved);
  return saved.failure ? { status: 500, body: { message: saved.failure.message } } : reply;
}

async function handle(deps: ServerDeps, req: http.IncomingMessage, saved: { failure?: Error }): Promise<Answer> {
  try {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          'access-control-allow-methods': 'GET, POST, PATCH, DELETE, OPTIONS',
          'access-control-allow-headers': 'Authorization, Content-Type, X-Api-Key',
        },
      };
    }
    if (method === 'POST' && TOKEN_PATHS.includes(url.pathname)) {
      return { status: 200, body: deps.auth.issue(req.headers.authorization, url.searchParams, raw.toString('utf8')) };
    }
    const path = url.pathname.startsWith(`${deps.basePath}/`) ? url.pathname.slice(deps.basePath.length) : undefined;
    const match = path === undefined ? ({ kind: 'none' } as const) : matchRoute(deps.routes, method, path);
    if (match.kind === 'none') throw new HttpError(404, `No such operation: ${method} ${url.pathname}`);
    if (match.kind === 'wrong-method') {
      return { status: 405, body: { message: `${method} is not allowed here` }, headers: { allow: match.allowed.join(', ') } };
    }
    const principal = deps.auth.authenticate(req.headers.authorization);
    const body = method === 'POST' || method === 'PATCH' ? parseJson(req, raw) : {};
    const result = match.route.handler(deps.context, { method: method as Method, params: match.params, query: url.searchParams, body, principal });
    return result === undefined ? { status: 204 } : { status: 200, body: result };
  } catch (error) {
    if (error instanceof HttpError) return { status: error.status, body: { ...error.extra, message: error.message } };
    const reason = error instanceof Error ? error.message : String(error);
    return { status: 500, body: { message: `The emulator failed: ${reason}` } };
  } finally {
    // In the same tick as the handler, so a commit holds this request's changes and no other's.
    saved.failure = deps.context.store.commit();
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
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, `Content-Type must be application/json, got ${JSON.stringify(type)}`);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'body: is not valid JSON');
  }
}
