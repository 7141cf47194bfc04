/**
 * Turns the forms document and asset content may be given in into the bytes (or the caller's own
 * base64) an upload body is built from, or into the base64 the API wants.
 */
import { fromBase64 } from '#platform/base64.js';
import { chunksOf, filePathOf, readFileContent } from '#platform/files.js';
import { isBase64 } from '../api/base64.js';
import { ContentError, describeError } from '../errors.js';
import type { UploadContent } from '../http/document-body.js';

/**
 * What document and asset content may be given as. File paths, `file:` URLs and Node streams are
 * read in Node only; a browser passes a `File`, `Blob`, bytes or a web `ReadableStream`.
 */
export type ContentInput =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableContent
  | string /* file path */
  | URL /* file: URL */
  | {
      /** The content, already base64-encoded. */
      base64: string;
    };

/** The content types the API accepts for documents (`image/webp` under API version 2024-11-29 only). */
export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff' | 'image/webp';

/** Every {@link DocumentContentType}, in the order error messages list them. */
export const DOCUMENT_CONTENT_TYPES: readonly DocumentContentType[] = Object.freeze([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/webp',
] as const);

/** A stream of content: a Node readable stream or a web `ReadableStream`, anything yielding bytes or strings. */
export type ReadableContent = AsyncIterable<Uint8Array | string> | ReadableStream<Uint8Array> | LegacyReadable;

/** An old-style Node stream (`pipe()` without an async iterator); read in Node only. */
export interface LegacyReadable {
  /** Node's `stream.pipe()`. */
  pipe(...args: never[]): unknown;
}

const EXPECTED = 'a Uint8Array/Buffer, ArrayBuffer, Blob, readable stream, file path, file: URL or { base64 }';
// Some PDF writers put junk before the header; readers accept it within the first 1024 bytes.
const PDF_HEADER_SLACK = 1024;
// "%PDF-"
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] as const;
// Enough base64 to decode every byte sniffContentType looks at (a multiple of 4).
const SNIFF_BASE64_CHARS = Math.ceil((PDF_HEADER_SLACK + 5) / 3) * 4;

/** Reads content into bytes. */
export async function readContent(input: ContentInput): Promise<Uint8Array> {
  const loaded = await load(input, false);
  return loaded.bytes;
}

/** The document type of these bytes by magic number, or undefined. */
export function sniffContentType(bytes: Uint8Array): DocumentContentType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  // "RIFF", the chunk's size, "WEBP"
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50])) return 'image/webp';
  const end = Math.min(bytes.byteLength, PDF_HEADER_SLACK + 5) - PDF_MAGIC.length;
  for (let at = bytes.indexOf(PDF_MAGIC[0]); at !== -1 && at <= end; at = bytes.indexOf(PDF_MAGIC[0], at + 1)) {
    if (PDF_MAGIC.every((byte, i) => bytes[at + i] === byte)) return 'application/pdf';
  }
  return undefined;
}

/**
 * A document's content, not yet base64 (an upload body writes the base64 straight into itself,
 * see document-body.ts), with its type: given, or detected from the bytes.
 */
export async function loadDocumentContent(
  input: ContentInput,
  contentType?: string,
): Promise<{ content: UploadContent; contentType: DocumentContentType }> {
  // Checked before reading so a bad argument does not consume a stream.
  if (contentType !== undefined && !isDocumentContentType(contentType)) {
    throw new ContentError(
      `contentType ${JSON.stringify(contentType)} given for ${describe(input)} is not supported; ` +
        `supported types: ${DOCUMENT_CONTENT_TYPES.join(', ')}`,
    );
  }
  const loaded = await load(input, true);
  const type = contentType ?? sniffContentType(loaded.bytes);
  if (type === undefined) {
    throw new ContentError(
      `could not detect the content type of ${loaded.description} from its leading bytes; ` +
        `supported types: ${DOCUMENT_CONTENT_TYPES.join(', ')}. Pass contentType if it is one of them`,
    );
  }
  return { content: uploadContent(loaded), contentType: type };
}

/** An asset's content (any bytes allowed, not empty), not yet base64. */
export async function loadAssetContent(input: ContentInput): Promise<UploadContent> {
  return uploadContent(await load(input, true));
}

// The caller's own base64 is sent as they gave it; only then are the bytes a mere prefix.
function uploadContent(loaded: Loaded): UploadContent {
  return loaded.base64 !== undefined ? { base64: loaded.base64 } : { bytes: loaded.bytes };
}

interface Loaded {
  /** All bytes, or only a sniffable prefix when the caller gave base64 and `prefixOnly` was set. */
  bytes: Uint8Array;
  /** The caller's base64 without whitespace, when that is what they gave. */
  base64?: string;
  description: string;
}

async function load(input: ContentInput, prefixOnly: boolean): Promise<Loaded> {
  const description = describe(input);
  const loaded = await loadBytes(input, description, prefixOnly);
  if (loaded.bytes.byteLength === 0) throw new ContentError(`${description} is empty`);
  return loaded;
}

async function loadBytes(input: ContentInput, description: string, prefixOnly: boolean): Promise<Loaded> {
  if (typeof input === 'string') {
    if (!looksLikePath(input)) {
      throw new ContentError(`${description} is not a file path; pass file content as a Uint8Array, Buffer or { base64 }`);
    }
    return { bytes: await readFileContent(input, description), description };
  }
  if (isUint8Array(input)) return { bytes: input, description };
  if (isArrayBuffer(input)) return { bytes: new Uint8Array(input), description };
  if (isUrl(input)) {
    if (input.protocol !== 'file:') {
      throw new ContentError(`${description}: only file: URLs are supported; download the content and pass its bytes`);
    }
    return { bytes: await readFileContent(input, description), description };
  }
  if (isBlob(input)) {
    try {
      return { bytes: new Uint8Array(await input.arrayBuffer()), description };
    } catch (error) {
      throw new ContentError(`could not read ${description}: ${describeError(error)}`, { cause: error });
    }
  }
  if (isStream(input)) return { bytes: await readStream(input, description), description };
  if (isBase64Object(input)) {
    const base64 = input.base64.replace(/\s+/g, '');
    if (base64 !== '' && !isBase64(base64)) {
      const bad = base64.search(/[^A-Za-z0-9+/=]/);
      const where = bad === -1 ? 'bad padding or length' : `unexpected character at index ${bad}`;
      const hint = /[-_]/.test(base64) ? '; base64url is not accepted' : '';
      throw new ContentError(`${description} is not valid base64 (${where})${hint}`);
    }
    const decoded = prefixOnly ? base64.slice(0, SNIFF_BASE64_CHARS) : base64;
    return { bytes: fromBase64(decoded), base64, description };
  }
  throw new ContentError(`unsupported content: got ${description}; expected ${EXPECTED}`);
}

async function readStream(stream: ReadableContent, description: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of chunksOf(stream, description)) {
      if (typeof chunk === 'string') chunks.push(new TextEncoder().encode(chunk));
      else if (isUint8Array(chunk)) chunks.push(chunk);
      else throw new ContentError(`${description} yielded ${typeName(chunk)} chunk; expected bytes or strings`);
    }
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(`could not read ${description}: ${describeError(error)}`, { cause: error });
  }
  return concat(chunks);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

/** Names the input for messages without ever including its content. */
function describe(input: unknown): string {
  if (typeof input === 'string') {
    return looksLikePath(input) ? `file ${JSON.stringify(input)}` : `string of ${input.length} characters`;
  }
  if (isUint8Array(input)) {
    return `${input.constructor?.name === 'Buffer' ? 'Buffer' : 'Uint8Array'} of ${plural(input.byteLength, 'byte')}`;
  }
  if (isArrayBuffer(input)) return `ArrayBuffer of ${plural(input.byteLength, 'byte')}`;
  if (isUrl(input)) {
    if (input.protocol === 'file:') {
      const path = filePathOf(input);
      return path === undefined ? `file URL ${JSON.stringify(input.href)}` : `file ${JSON.stringify(path)}`;
    }
    // Credentials and query strings stay out of messages.
    return `${input.protocol} URL ${JSON.stringify(`${input.protocol}//${input.host}${input.pathname}`)}`;
  }
  if (isBlob(input)) {
    const name = (input as { name?: unknown }).name;
    const kind = typeof name === 'string' && name ? `File ${JSON.stringify(name)}` : 'Blob';
    return `${kind} of ${plural(input.size, 'byte')}`;
  }
  if (isStream(input)) {
    const path = (input as { path?: unknown }).path;
    return typeof path === 'string' ? `stream of file ${JSON.stringify(path)}` : 'stream';
  }
  if (isBase64Object(input)) return `base64 string of ${plural(input.base64.length, 'character')}`;
  if (isObject(input) && 'base64' in input) return `object whose base64 is ${typeName(input.base64)}`;
  return typeName(input);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name && name !== 'Object' ? `${name} object` : 'plain object';
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

// A string holding document content rather than a path would make a useless, huge message.
function looksLikePath(value: string): boolean {
  return value.length > 0 && value.length <= 4096 && !/[\0\r\n]/.test(value);
}

function isDocumentContentType(value: string): value is DocumentContentType {
  return (DOCUMENT_CONTENT_TYPES as readonly string[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// Duck-typed rather than instanceof: jest and other vm contexts have their own globals.
function isUrl(value: unknown): value is URL {
  return (
    value instanceof URL ||
    (isObject(value) && Object.prototype.toString.call(value) === '[object URL]' && typeof value.href === 'string')
  );
}

function isBlob(value: unknown): value is Blob {
  return (
    isObject(value) &&
    typeof value.arrayBuffer === 'function' &&
    typeof value.size === 'number' &&
    typeof value.slice === 'function'
  );
}

function isStream(value: unknown): value is ReadableContent {
  return (
    isObject(value) &&
    !isUint8Array(value) &&
    (typeof value.pipe === 'function' || typeof value.getReader === 'function' || Symbol.asyncIterator in value)
  );
}

// By tag rather than instanceof: jest and other vm contexts have their own globals (a Buffer is one too).
function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  const tag = Object.prototype.toString.call(value);
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]';
}

function isBase64Object(value: unknown): value is { base64: string } {
  return isObject(value) && typeof value.base64 === 'string';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}
