/**
 * Where a document's bytes are on the emulator's file server (API version 2024-11-29): each
 * document has an opaque file id of its own (`hidden.fileId`), its `fileUrl` is
 * `<the emulator's origin>/files/<file id>`. The bytes are kept as every document's are, base64
 * in `hidden.content`, so they persist with the store and predictions read them there.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Row, Store } from '../store.js';
import { isoTime } from '../time.js';

/** The path the file server answers under (the API is under `/v1`). */
export const FILES_PATH = '/files/';

const FILE_ID = /^[0-9a-f]{32}$/;

// The origin each running emulator's file server is reached at: known once it listens, and
// another after a restart on another port, so a stored fileUrl would go stale.
const origins = new WeakMap<Store, string>();

/** Records the origin (`http://localhost:<port>`) the file server of `store`'s emulator answers at. */
export function setFileOrigin(store: Store, origin: string): void {
  origins.set(store, origin);
}

/** A new opaque file id. */
export function newFileId(): string {
  return randomBytes(16).toString('hex');
}

/** The `fileUrl` of a document row that has a file id; undefined for a document of API 2021-09-23. */
export function fileUrlOf(store: Store, row: Row): string | undefined {
  const fileId = row.hidden.fileId;
  return typeof fileId === 'string' ? `${origins.get(store) ?? 'http://localhost'}${FILES_PATH}${fileId}` : undefined;
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
