/**
 * Turns the forms document and asset content may be given in into the bytes (or the caller's own
 * base64) an upload body is built from, or into the base64 the API wants.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { types } from 'node:util';
import { ContentError, describeError } from '../errors.js';
import type { UploadContent } from './document-body.js';

/** What document and asset content may be given as. */
export type ContentInput =
  | Uint8Array
  | ArrayBuffer
  | Blob
  | NodeJS.ReadableStream
  | string /* file path */
  | URL /* file: URL */
  | {
      /** The content, already base64-encoded. */
      base64: string;
    };

/** The content types the API accepts for documents. */
export type DocumentContentType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/tiff';

/** Every {@link DocumentContentType}, in the order error messages list them. */
export const DOCUMENT_CONTENT_TYPES: readonly DocumentContentType[] = Object.freeze([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/tiff',
] as const);

const EXPECTED = 'a Uint8Array/Buffer, ArrayBuffer, Blob, readable stream, file path, file: URL or { base64 }';
const BASE64_RE = /^[A-Za-z0-9+/]*={0,2}$/;
// Some PDF writers put junk before the header; readers accept it within the first 1024 bytes.
const PDF_HEADER_SLACK = 1024;
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
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PDF_HEADER_SLACK + 5));
  if (head.indexOf('%PDF-', 0, 'latin1') !== -1) return 'application/pdf';
  return undefined;
}

/** Content as the API wants it: base64, with the document's type. */
export async function encodeDocumentContent(
  input: ContentInput,
  contentType?: string,
): Promise<{ content: string; contentType: DocumentContentType }> {
  const loaded = await loadDocumentContent(input, contentType);
  return { content: toBase64(loaded.content), contentType: loaded.contentType };
}

/** Asset content as base64 (any bytes allowed, not empty). */
export async function encodeAssetContent(input: ContentInput): Promise<string> {
  return toBase64(await loadAssetContent(input));
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
    return { bytes: await readPath(input, description), description };
  }
  if (types.isUint8Array(input)) return { bytes: input, description };
  if (types.isAnyArrayBuffer(input)) return { bytes: new Uint8Array(input), description };
  if (isUrl(input)) {
    if (input.protocol !== 'file:') {
      throw new ContentError(`${description}: only file: URLs are supported; download the content and pass its bytes`);
    }
    let path: string;
    try {
      path = fileURLToPath(input.href);
    } catch (error) {
      throw new ContentError(`${description} is not a local file: ${describeError(error)}`, { cause: error });
    }
    return { bytes: await readPath(path, description), description };
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
    if (!BASE64_RE.test(base64) || base64.length % 4 === 1) {
      const bad = base64.search(/[^A-Za-z0-9+/=]/);
      const where = bad === -1 ? 'bad padding or length' : `unexpected character at index ${bad}`;
      const hint = /[-_]/.test(base64) ? '; base64url is not accepted' : '';
      throw new ContentError(`${description} is not valid base64 (${where})${hint}`);
    }
    const decoded = prefixOnly ? base64.slice(0, SNIFF_BASE64_CHARS) : base64;
    return { bytes: Buffer.from(decoded, 'base64'), base64, description };
  }
  throw new ContentError(`unsupported content: got ${description}; expected ${EXPECTED}`);
}

async function readPath(path: string, description: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ContentError(`could not read ${description}: ${fsReason(error)}`, { cause: error });
  }
}

async function readStream(stream: NodeJS.ReadableStream, description: string): Promise<Uint8Array> {
  const iterable: AsyncIterable<unknown> =
    Symbol.asyncIterator in stream ? (stream as AsyncIterable<unknown>) : new Readable().wrap(stream);
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of iterable) {
      if (typeof chunk === 'string') chunks.push(Buffer.from(chunk));
      else if (types.isUint8Array(chunk)) chunks.push(chunk);
      else throw new ContentError(`${description} yielded ${typeName(chunk)} chunk; expected bytes or strings`);
    }
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(`could not read ${description}: ${describeError(error)}`, { cause: error });
  }
  return Buffer.concat(chunks);
}

/** Names the input for messages without ever including its content. */
function describe(input: unknown): string {
  if (typeof input === 'string') {
    return looksLikePath(input) ? `file ${JSON.stringify(input)}` : `string of ${input.length} characters`;
  }
  if (types.isUint8Array(input)) {
    return `${Buffer.isBuffer(input) ? 'Buffer' : 'Uint8Array'} of ${plural(input.byteLength, 'byte')}`;
  }
  if (types.isAnyArrayBuffer(input)) return `ArrayBuffer of ${plural(input.byteLength, 'byte')}`;
  if (isUrl(input)) {
    if (input.protocol === 'file:') {
      try {
        return `file ${JSON.stringify(fileURLToPath(input.href))}`;
      } catch {
        return `file URL ${JSON.stringify(input.href)}`;
      }
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

function isStream(value: unknown): value is NodeJS.ReadableStream {
  return isObject(value) && !types.isUint8Array(value) && (typeof value.pipe === 'function' || Symbol.asyncIterator in value);
}

function isBase64Object(value: unknown): value is { base64: string } {
  return isObject(value) && typeof value.base64 === 'string';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.byteLength >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

function toBase64(content: UploadContent): string {
  if ('base64' in content) return content.base64;
  const { bytes } = content;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** "no such file or directory (ENOENT)" from fs's "ENOENT: no such file or directory, open '/x'". */
function fsReason(error: unknown): string {
  const message = describeError(error);
  const code = isObject(error) && typeof error.code === 'string' ? error.code : undefined;
  if (!code) return message;
  const match = /^[A-Z0-9_]+: (.*?)(?:, \w+(?: '.*')?)?$/s.exec(message);
  return `${match ? match[1] : message} (${code})`;
}
