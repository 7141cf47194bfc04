/** A browser has no file paths: content comes as a Blob, File, ArrayBuffer, bytes or a web stream. */
import { ContentError } from '../../errors.js';
import { inThisRuntime } from './runtime.js';

/** Refuses: a page cannot read a path; the message says what to pass instead. */
export async function readFileContent(_file: string | URL, description: string): Promise<Uint8Array> {
  throw new ContentError(
    `${description}: file paths and file: URLs are read in Node, Bun and Deno only; ${inThisRuntime()} pass the content as a File, Blob, ArrayBuffer or Uint8Array`,
  );
}

/** No local paths in a browser. */
export function filePathOf(_url: URL): string | undefined {
  return undefined;
}

/** The chunks of a stream: its own async iterator, or a web ReadableStream's reader. */
export function chunksOf(stream: object, description: string): AsyncIterable<unknown> {
  if (Symbol.asyncIterator in stream) return stream as AsyncIterable<unknown>;
  const readable = stream as { getReader?: () => ReadableStreamDefaultReader<unknown> };
  if (typeof readable.getReader !== 'function') {
    throw new ContentError(`${description} can be read in Node, Bun and Deno only; ${inThisRuntime()} pass a ReadableStream, File, Blob or bytes`);
  }
  const reader = readable.getReader();
  return {
    async *[Symbol.asyncIterator]() {
      try {
        for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
      } finally {
        reader.releaseLock();
      }
    },
  };
}
