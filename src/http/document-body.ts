/**
 * The JSON body of a document or asset upload, built as bytes. `JSON.stringify` of a body that
 * holds a file as base64 needs the base64 string (4/3 of the file), the JSON string (as much
 * again) and fetch's UTF-8 copy of that (as much again). Here the base64 of the file is written,
 * a slice at a time, into the one buffer that is sent: the body costs 4/3 of the file and nothing
 * more, and it is the same JSON.
 */

import { allocBytes, toBase64, writeAscii } from '#platform/base64.js';

/** The content of an upload: the file's bytes, or base64 the caller gave (sent as it is). */
export type UploadContent = { readonly bytes: Uint8Array } | { readonly base64: string };

/** A request body that is bytes already: the Session sends it as it is, with its length. */
export class BodyBytes {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** The body's size in bytes. */
  get byteLength(): number {
    return this.#bytes.byteLength;
  }

  /** The bytes themselves (not a copy). */
  get bytes(): Uint8Array {
    return this.#bytes;
  }

  /**
   * A new stream of the bytes, for one attempt. Its chunks are views of the one buffer, never
   * copies: fetch sends them as they are, and the clone ky keeps for a retry queues views too.
   */
  stream(): ReadableStream<Uint8Array> {
    const bytes = this.#bytes;
    let at = 0;
    return new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (at >= bytes.byteLength) {
            controller.close();
            return;
          }
          const end = Math.min(at + CHUNK, bytes.byteLength);
          controller.enqueue(bytes.subarray(at, end));
          at = end;
        },
      },
      { highWaterMark: 0 },
    );
  }
}

/** A request body of JSON that is already UTF-8 bytes; the Session sends it as it is. */
export class JsonBytes extends BodyBytes {
  #fields: Readonly<Record<string, unknown>> | undefined;

  /** `fields`: the top-level fields the bytes hold, when known (an upload's, its content aside); else read from the bytes when asked. */
  constructor(bytes: Uint8Array, fields?: Readonly<Record<string, unknown>>) {
    super(bytes);
    this.#fields = fields;
  }

  /** The body's top-level fields (an upload's content left out), for the checks of the API version. */
  get fields(): Readonly<Record<string, unknown>> {
    this.#fields ??= JSON.parse(new TextDecoder().decode(this.bytes)) as Record<string, unknown>;
    return this.#fields;
  }
}

// Bytes per chunk of the stream.
const CHUNK = 256 * 1024;
// File bytes per base64 slice: a multiple of 3, so that only the last slice is padded. Each slice's
// base64 is a 64 KiB string, small enough for V8's young generation, where a scavenge soon frees
// it: a 1 MiB string goes to large-object space and waits for a full GC, and a 20 MiB upload then
// left 27 MiB of spent slices in memory at its peak.
const SLICE = 3 * 16 * 1024;

/** The length of the base64 of `content`: what the API's `maxLength` of `content` counts. */
export function base64Length(content: UploadContent): number {
  return 'base64' in content ? content.base64.length : 4 * Math.ceil(content.bytes.byteLength / 3);
}

/**
 * Why `content` is over the API's bound of `maxLength` base64 characters, in the terms the caller
 * gave it in (bytes of a file, or characters of their own base64) and with the bound in both; or
 * undefined when it is within the bound.
 */
export function contentSizeProblem(content: UploadContent, maxLength: number): string | undefined {
  if (base64Length(content) <= maxLength) return undefined;
  const maxBytes = Math.floor(maxLength / 4) * 3;
  const limit = `the API takes at most ${count(maxBytes)} bytes (${count(maxLength)} characters of base64)`;
  if ('bytes' in content) return `is ${count(content.bytes.byteLength)} bytes; ${limit}`;
  const { length } = content.base64;
  const padding = content.base64.endsWith('==') ? 2 : content.base64.endsWith('=') ? 1 : 0;
  return `is ${count(length)} characters of base64 (${count(Math.floor(length / 4) * 3 - padding)} bytes); ${limit}`;
}

/** A count with thousands separated, as a message shows it: 4,687,500. */
function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * `JSON.stringify({ ...fields, content: <base64 of content> })` as UTF-8 bytes (any `content` in
 * `fields` left out), built without either string: the other fields are encoded by
 * `JSON.stringify`, then the base64 is written slice by slice into the same preallocated buffer.
 * Given base64 (`{ base64 }`) must be base64 already (content.ts checks it): it is copied as it is.
 */
export function documentBody(fields: Readonly<Record<string, unknown>>, content: UploadContent): JsonBytes {
  const { content: _replaced, ...rest } = fields;
  const json = JSON.stringify(rest);
  if (!json.startsWith('{') || !json.endsWith('}')) throw new TypeError('the fields of an upload body must be a plain object');
  const head = `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"content":"`;
  const tail = '"}';
  const headBytes = new TextEncoder().encode(head);
  const body = allocBytes(headBytes.byteLength + base64Length(content) + tail.length);
  body.set(headBytes);
  let at = headBytes.byteLength;
  const write = (ascii: string): void => {
    at += writeAscii(body, at, ascii);
  };
  if ('base64' in content) {
    write(content.base64);
  } else {
    const { bytes } = content;
    for (let start = 0; start < bytes.byteLength; start += SLICE) write(toBase64(bytes, start, Math.min(start + SLICE, bytes.byteLength)));
  }
  write(tail);
  // Every byte of the unzeroed buffer is written: a mismatch would send stale memory.
  if (at !== body.byteLength) throw new Error(`upload body: wrote ${at} of ${body.byteLength} bytes`);
  return new JsonBytes(body, rest);
}
