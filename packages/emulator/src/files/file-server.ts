/**
 * The file server of API version 2024-11-29 (changelog 2023-06-27), on the emulator's own origin
 * under {@link FILES_PATH}: `PUT <fileUrl>` with the bearer token stores a document's bytes (up to
 * 64 MiB, their type read from them), `GET <fileUrl>` answers them (transformed by its query, see
 * transform.ts). Its body is not the API's JSON: it is read here, never whole when too large.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FILE_SERVER_MAX_BYTES } from 'las-sdk/api';
import { UNAUTHORIZED, type Auth } from '../auth.js';
import type { Context } from '../context.js';
import { HttpError, shorten } from '../http-error.js';
import { documentOfFile, FILES_PATH, setContent, setFileListener } from './document-files.js';
import { documentContentType } from './sniff.js';
import { transformed } from './transform.js';

/** What the file server needs of the emulator. */
export interface FileServerDeps {
  readonly auth: Auth;
  readonly context: Context;
}

interface FileAnswer {
  status: number;
  /** A test emulator's fault: the connection is closed without an answer. */
  drop?: true;
  body?: Buffer | string;
  headers?: Record<string, string>;
}

/** Whether `url` is one of the file server's, which only API version 2024-11-29 has. */
export function isFileUrl(context: Context, url: URL | undefined): url is URL {
  return context.apiVersion !== '2021-09-23' && url !== undefined && url.pathname.startsWith(FILES_PATH);
}

/** Keeps where `server`'s file server listens, once it does, for the `fileUrl`s of `context`'s documents. */
export function announceFileOrigin(server: http.Server, context: Context, secure: boolean): void {
  server.on('listening', () => {
    const { address, port } = server.address() as AddressInfo;
    setFileListener(context.store, { secure, address, port });
  });
}

/** Answers one request to the file server with `headers` (CORS) on every answer; resolves to its status. */
export async function serveFile(deps: FileServerDeps, req: http.IncomingMessage, res: http.ServerResponse, url: URL, headers: Record<string, string>): Promise<number> {
  let answer: FileAnswer;
  try {
    answer = await fileAnswer(deps, req, url);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    const message = error instanceof HttpError ? error.message : shorten(`The emulator failed: ${error instanceof Error ? error.message : String(error)}`);
    answer = { status, body: JSON.stringify({ message }), headers: { 'content-type': 'application/json' } };
  }
  if (answer.drop) {
    req.socket.destroy();
    return 0;
  }
  res.writeHead(answer.status, { 'x-request-id': randomUUID(), ...headers, ...answer.headers });
  res.end(answer.body);
  // A test emulator's record: whether bytes came, never the bytes (a second copy of up to 64 MiB).
  deps.context.hooks?.record?.(req.method ?? 'GET', url, req.headers, { sentBytes: sentBytes(req) }, answer.status);
  return answer.status;
}

// Whether the request has a body as HTTP frames it (RFC 9112 6.3), read or not.
function sentBytes(req: http.IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

async function fileAnswer(deps: FileServerDeps, req: http.IncomingMessage, url: URL): Promise<FileAnswer> {
  const { store } = deps.context;
  if (req.method === 'OPTIONS') {
    return {
      status: 204,
      headers: { 'access-control-allow-methods': 'GET, PUT, OPTIONS', 'access-control-allow-headers': 'Authorization, Content-Type', 'access-control-max-age': '600' },
    };
  }
  // A test emulator's faults play here too (before the body is read): `fail({ path: /^\/files\// })`.
  const fault = await deps.context.hooks?.fault?.(req.method ?? 'GET', url.pathname, req.headers);
  if (fault === 'drop') return { status: 0, drop: true };
  if (fault) return { status: fault.status, body: JSON.stringify(fault.body), headers: { 'content-type': 'application/json' } };
  if (req.method !== 'GET' && req.method !== 'PUT') throw new HttpError(405, `The file server takes GET and PUT, not ${shorten(req.method ?? '', 20)}`);
  const principal = authenticate(deps, req);
  const fileId = url.pathname.slice(FILES_PATH.length);
  const notFound = () => new HttpError(404, `File ${shorten(fileId, 80)} not found`);
  const found = documentOfFile(store, fileId);
  if (!found) throw notFound();
  if (req.method === 'PUT') {
    const bytes = await readFile(req);
    const type = documentContentType(bytes);
    // Looked up again: the document may have gone while the bytes came.
    const row = documentOfFile(store, fileId);
    if (!row) throw notFound();
    store.clock.run(() => setContent(store, row, bytes, type, principal));
    const failure = store.commit();
    if (failure) throw new HttpError(500, failure.message);
    return { status: 200 };
  }
  const { content } = found.hidden;
  if (typeof content !== 'string') throw new HttpError(404, `File ${fileId} has no content yet: PUT the document's bytes to its fileUrl first`);
  const file = await transformed({ bytes: Buffer.from(content, 'base64'), type: String(found.data.contentType) }, url.searchParams);
  return { status: 200, body: file.bytes, headers: { 'content-type': file.type, 'content-length': String(file.bytes.length) } };
}

// The API's bearer check; every refusal is a 401 here (the file server has no 403 of its own).
function authenticate(deps: FileServerDeps, req: http.IncomingMessage): string {
  try {
    return deps.auth.authenticate(req.headers.authorization);
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) throw new HttpError(401, UNAUTHORIZED);
    throw error;
  } finally {
    // An expired token is forgotten as the API's check forgets it.
    deps.context.store.commit();
  }
}

// The body, up to the file server's bound: a larger declared length is refused before a byte is
// read, a larger stream as soon as it passes the bound. What is left of it is read and dropped,
// never kept: closing the connection instead would often reach the client, still sending, as a
// broken pipe before the 413 could be read.
function readFile(req: http.IncomingMessage): Promise<Buffer> {
  const tooLarge = () => new HttpError(413, `The file is larger than ${FILE_SERVER_MAX_BYTES} bytes (64 MiB), the most the file server takes`);
  if (Number(req.headers['content-length']) > FILE_SERVER_MAX_BYTES) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= FILE_SERVER_MAX_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      chunks.length = 0;
      req.resume();
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('error', reject);
    req.once('close', () => reject(new HttpError(400, 'The body ended before all of it came')));
    req.once('end', () => (size === 0 ? reject(new HttpError(400, 'The body is empty: PUT the bytes of the document')) : resolve(Buffer.concat(chunks, size))));
  });
}
