/**
 * A document's content under each API version: inline base64 in the document's JSON (2021-09-23,
 * and small uploads under 2024-11-29), or the file server (2024-11-29: `POST /documents` without
 * content, then `PUT` of the bytes to the answered `fileUrl`; `GET fileUrl` to read them).
 * las-sdk-python 11.4.1 (`create_document`, `get_document`) uses the file server this way.
 */
import { omit } from '../schema/index.js';
import { createDocumentSchema } from '../api/documents.js';
import { shapeOf } from '../api/versioned.js';
import { FILE_SERVER_MAX_BYTES, type DocumentBytesOptions } from '../api/document-files.js';
import { base64Length, contentSizeProblem, type UploadContent } from '../http/document-body.js';
import type { Query, Session } from '../http/session.js';
import type { RequestOptions } from '../http/request-options.js';
import { ContentError, describeError, IncompleteDocumentError, ValidationError } from '../errors.js';
import { fromBase64 } from '#platform/base64.js';
import { checkedJson } from './checks.js';
import { versionOf } from './shapes.js';

/** The version whose documents' content is on the file server. */
const FILE_SERVER_VERSION = '2024-11-29';

/**
 * The largest content (characters of base64: those of 256 KiB) `documents.create` sends inline
 * under 2024-11-29, in one request instead of two; larger content goes to the file server, up to
 * 64 MiB. Against a local server (bench/document-inline-vs-file-server.ts, medians) inline was
 * faster up to about 200 KB (10 KB: 1.7 ms against 4.9 ms) and slower from about 300 KB (1 MB:
 * 5.7 against 3.9 ms; 4,687,500 bytes: 36 against 14 ms), its base64 costing more than a request
 * there. A network's round trip moves the crossing up; the API's own bound is 6,250,000 characters.
 */
export const INLINE_MAX_BASE64 = 4 * Math.ceil((256 * 1024) / 3);

const createWithoutContentSchema = omit(createDocumentSchema, ['content']);

/**
 * Why `content` is too large for `documents.create` over `session` (inline under 2021-09-23, the
 * file server's 64 MiB under 2024-11-29), in the terms the caller gave it in; undefined when it fits.
 */
export function documentSizeProblem(session: Session, content: UploadContent): string | undefined {
  return session.apiVersion === FILE_SERVER_VERSION ? fileSizeProblem(content) : contentSizeProblem(content, createDocumentSchema.properties.content.maxLength as number);
}

function fileSizeProblem(content: UploadContent): string | undefined {
  const size = 'bytes' in content ? content.bytes.byteLength : Math.floor(content.base64.length / 4) * 3 - padding(content.base64);
  if (size <= FILE_SERVER_MAX_BYTES) return undefined;
  return `is ${count(size)} bytes; the file server takes at most ${count(FILE_SERVER_MAX_BYTES)} bytes (64 MiB)`;
}

/** Whether `session` puts `content` on the file server rather than inline in `POST /documents`. */
export function goesToFileServer(session: Session, content: UploadContent): boolean {
  return session.apiVersion === FILE_SERVER_VERSION && base64Length(content) > INLINE_MAX_BASE64;
}

/**
 * `POST /documents` with `fields` and no content, then `PUT` of the content's bytes to the answered
 * `fileUrl` (a PUT may be sent again: the Session retries it). Returns the POST's answer. Every
 * check is made before the POST; a failure after it is an {@link IncompleteDocumentError} naming
 * the document that exists without content.
 */
export async function createOnFileServer(
  session: Session,
  fields: Record<string, unknown>,
  content: UploadContent,
  what: string,
  requestOptions?: RequestOptions,
): Promise<unknown> {
  const body = checkedJson(shapeOf(createWithoutContentSchema, versionOf(session)), fields, what);
  const tooLarge = fileSizeProblem(content);
  if (tooLarge) throw new ValidationError(`${what}: content: ${tooLarge}; nothing was sent`);
  // Decoded before the POST: a document is created only once its bytes are at hand.
  const bytes = 'bytes' in content ? content.bytes : fromBase64(content.base64);
  const created = await session.post<Record<string, unknown> | undefined>('/documents', body, requestOptions);
  const documentId = String(created?.documentId);
  try {
    await session.putFile(created?.fileUrl as string, bytes, requestOptions);
  } catch (cause) {
    throw new IncompleteDocumentError(
      `${what}: document ${documentId} was created (POST /documents), but its content could not be put on the file server (PUT fileUrl): ` +
        `${describeError(cause)}. The document exists without content: delete it (las.documents.delete(${JSON.stringify(documentId)})) and create it again.`,
      { cause, documentId },
    );
  }
  return created;
}

/** What of a document's data its content is read from. */
interface ContentSource {
  readonly documentId: string;
  readonly content?: unknown;
  readonly fileUrl?: unknown;
}

/**
 * The document's content as bytes: its inline base64 (`GET` of the document when it holds none),
 * or under 2024-11-29 its file (`GET fileUrl`, transformed by `options`) unless it holds content
 * and no transformation is asked, as las-sdk-python reads it. `options` are checked by the caller.
 */
export async function documentBytes(
  session: Session,
  document: ContentSource,
  path: string,
  options: DocumentBytesOptions,
  what: string,
  requestOptions?: RequestOptions,
): Promise<Uint8Array> {
  const transformed = Object.values(options).some((value) => value !== undefined);
  const onFileServer = session.apiVersion === FILE_SERVER_VERSION;
  if (transformed && !onFileServer) {
    throw new ValidationError(
      `${what}: ${Object.keys(options).join(', ')}: the file server's transformations are of API version ${FILE_SERVER_VERSION}, not of ${session.apiVersion ?? 'this client'}; nothing was sent`,
    );
  }
  const fromFile = (source: ContentSource) => onFileServer && (transformed || typeof source.content !== 'string');
  let source = document;
  // A document of a list, or a handle, may hold neither: its GET holds one or the other.
  if (fromFile(source) ? !source.fileUrl : typeof source.content !== 'string') {
    source = await session.get<ContentSource>(path, undefined, requestOptions);
  }
  if (fromFile(source)) return await session.getFile(source.fileUrl as string, options as Query, requestOptions);
  if (typeof source.content !== 'string') throw new ContentError(`${what}: the API sent no content for ${document.documentId}`);
  return fromBase64(source.content);
}

function padding(base64: string): number {
  return base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
