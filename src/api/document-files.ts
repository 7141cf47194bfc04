/**
 * A document's content on the file server (API version 2024-11-29, changelog 2023-06-27): `POST
 * /documents` without content answers a `fileUrl`; the bytes go there with `PUT`, and come back
 * with `GET` (transformed by the query below). The file server is not in the spec: its query and
 * limit are those of las-sdk-python 11.4.1 (`get_document`) and the changelog.
 */
import { s, type Infer } from '../schema/index.js';

/** The most bytes the file server takes: 64 MiB. */
export const FILE_SERVER_MAX_BYTES = 64 * 1024 * 1024;

// The query goes into a URL: no number there in exponent notation.
const MAX_INT = 2 ** 31 - 1;

/** The query of `GET fileUrl`: the content transformed, each optional. */
export const documentFileQuerySchema = s.object({
  /** Converted to JPEG this many pixels wide. */
  width: s.optional(s.integer({ minimum: 1, maximum: MAX_INT })),
  /** Converted to JPEG this many pixels high. */
  height: s.optional(s.integer({ minimum: 1, maximum: MAX_INT })),
  /** This page of a PDF or TIFF, as JPEG; 0-based, negative counts from the end. */
  page: s.optional(s.integer({ minimum: -MAX_INT, maximum: MAX_INT })),
  /** Converted to JPEG and rotated by this many degrees. */
  rotation: s.optional(s.integer({ minimum: -MAX_INT, maximum: MAX_INT })),
  /** Converted from PDF or TIFF to JPEG at this density. */
  density: s.optional(s.integer({ minimum: 1, maximum: MAX_INT })),
  /** `low`: a PDF at lower quality (only PDFs change). */
  quality: s.optional(s.enum(['low'])),
});

/** Options of `document.bytes()`: how the file server transforms the content (API version 2024-11-29). */
export type DocumentBytesOptions = Infer<typeof documentFileQuerySchema>;
