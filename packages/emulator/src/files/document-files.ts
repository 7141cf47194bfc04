/**
 * Where a document's bytes are on the emulator's file server (API version 2024-11-29): each
 * document has an opaque file id of its own (`hidden.fileId`), its `fileUrl` is
 * `<the emulator's origin as the client reached it>/files/<file id>`. The bytes are kept as every
 * document's are, base64 in `hidden.content`, so they persist with the store and predictions read
 * them there.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomBytes } from 'node:crypto';
import type { Row, Store } from '../store.js';
import { isoTime } from '../time.js';

/** The path the file server answers under (the API is under `/v1`). */
export const FILES_PATH = '/files/';

const FILE_ID = /^[0-9a-f]{32}$/;

/** Where an emulator's file server listens: known once it does, and another after a restart on another port. */
export interface FileListener {
  /** Whether it serves https. */
  readonly secure: boolean;
  /** The address it is bound to: `127.0.0.1`, `::1`, `0.0.0.0` (any), `192.168.1.5`. */
  readonly address: string;
  /** The port it listens on. */
  readonly port: number;
}

const listeners = new WeakMap<Store, FileListener>();

// The Host header of the request being answered: a fileUrl names the host the client reached.
const requestHost = new AsyncLocalStorage<string | undefined>();

/** Records where the file server of `store`'s emulator listens. */
export function setFileListener(store: Store, listener: FileListener): void {
  listeners.set(store, listener);
}

/** Runs `answer` (a request's handling) with the request's Host header known to {@link fileUrlOf}. */
export function withRequestHost<T>(host: string | undefined, answer: () => T): T {
  return requestHost.run(host, answer);
}

/**
 * The origin of the file server as the client reached it, by the request's Host: on this machine
 * (`localhost`, `127.0.0.1`, `[::1]`) it is `localhost` on the port the client used (a forwarded
 * port too), over http or https; another host only over https, and only when it names the
 * emulator (its bound address, or any host when bound to all): over plain http the spec's
 * fileUrl pattern (`^http://localhost.*|^https://.*`) allows no other, nor would the SDK send its
 * token there. Otherwise `http(s)://localhost:<the port it listens on>`.
 */
function fileOrigin(listener: FileListener | undefined, host: string | undefined): string {
  if (!listener) return 'http://localhost';
  const scheme = listener.secure ? 'https' : 'http';
  const fallback = `${scheme}://localhost:${listener.port}`;
  const reached = host === undefined || !HOST.test(host) ? undefined : parsedUrl(`${scheme}://${host}`);
  if (!reached) return fallback;
  const hostname = reached.hostname.replace(/^\[(.*)\]$/, '$1');
  if (LOOPBACK.has(hostname)) return `${scheme}://localhost${reached.port ? `:${reached.port}` : ''}`;
  if (!listener.secure) return fallback;
  return WILDCARDS.has(listener.address) || hostname === listener.address ? reached.origin : fallback;
}

function parsedUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

// A Host header: a name or an IPv4 address, or an IPv6 one in brackets, and a port.
const HOST = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::[0-9]{1,5})?$/i;
const WILDCARDS = new Set(['0.0.0.0', '::']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/** A new opaque file id. */
export function newFileId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The `fileUrl` of a document row that has a file id, on the host the request being answered
 * reached (see {@link withRequestHost}); undefined for a document of API 2021-09-23.
 */
export function fileUrlOf(store: Store, row: Row): string | undefined {
  const fileId = row.hidden.fileId;
  return typeof fileId === 'string' ? `${fileOrigin(listeners.get(store), requestHost.getStore())}${FILES_PATH}${fileId}` : undefined;
}

/** The document whose file id is `fileId` (as it comes in a path: anything); undefined when none. */
export function documentOfFile(store: Store, fileId: string): Row | undefined {
  if (!FILE_ID.test(fileId)) return undefined;
  return store.tables.documents.filter((row) => row.hidden.fileId === fileId)[0];
}

/**
 * Keeps `bytes` as the content of a document, of `contentType`, with their `contentMD5` (base64
 * of the MD5 digest, as S3's Content-MD5 has it), stamped as changed by `principal`.
 */
export function setContent(store: Store, row: Row, bytes: Uint8Array, contentType: string, principal: string): void {
  row.hidden.content = Buffer.from(bytes).toString('base64');
  row.data.contentType = contentType;
  row.data.contentMD5 = createHash('md5').update(bytes).digest('base64');
  row.data.updatedBy = principal;
  row.data.updatedTime = isoTime();
  store.tables.documents.changed();
}
