/**
 * The type of a document's bytes, read from their first bytes (their signature), as the service's
 * file server does: what the client claims is not asked.
 */
import { HttpError } from '../http-error.js';

/** The content types a document takes under API version 2024-11-29 (the spec's `contentType` enum). */
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp'] as const;

/** One of {@link DOCUMENT_CONTENT_TYPES}. */
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

// Known, but no content type of a document (the spec's enum has no image/gif).
const REFUSED_TYPES = { gif: 'image/gif' } as const;

const SIGNATURES: readonly (readonly [string, readonly (number | undefined)[]])[] = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/tiff', [0x49, 0x49, 0x2a, 0x00]], // little-endian
  ['image/tiff', [0x4d, 0x4d, 0x00, 0x2a]], // big-endian
  // RIFF....WEBP: the four bytes of the size are any.
  ['image/webp', [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50]],
  [REFUSED_TYPES.gif, [0x47, 0x49, 0x46, 0x38]], // GIF8
];

// A PDF's header may come after up to 1024 bytes of anything, as readers (and las-sdk's own
// detection of the type) take it.
const PDF_HEADER = Buffer.from('%PDF-');
const PDF_HEADER_SLACK = 1024;

/** The type `bytes` are of by their signature (image/gif included); undefined when none matches. */
export function sniffContentType(bytes: Uint8Array): string | undefined {
  const found = SIGNATURES.find(([, signature]) => signature.length <= bytes.length && signature.every((byte, i) => byte === undefined || bytes[i] === byte));
  if (found) return found[0];
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_SLACK + PDF_HEADER.length));
  return head.includes(PDF_HEADER) ? 'application/pdf' : undefined;
}

/** Whether `type` is one a document may have. */
export function isDocumentContentType(type: string | undefined): type is DocumentContentType {
  return (DOCUMENT_CONTENT_TYPES as readonly (string | undefined)[]).includes(type);
}

/**
 * The document content type of `bytes`, read from their signature; 415 when they are of no type a
 * document takes (a GIF, or bytes of no known signature), naming the types it takes.
 */
export function documentContentType(bytes: Uint8Array): DocumentContentType {
  const type = sniffContentType(bytes);
  if (isDocumentContentType(type)) return type;
  const what = type === undefined ? 'of no type the file server knows (read from its first bytes)' : `${type}`;
  throw new HttpError(415, `The content is ${what}; a document is one of ${DOCUMENT_CONTENT_TYPES.join(', ')}`);
}
