/** Content named by a file path, a `file:` URL or a Node stream: read in Node. */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { ContentError, describeError } from '../../errors.js';

/** The bytes of the file at `path` or `file:` URL; a {@link ContentError} naming `description` and the reason if it cannot be read. */
export async function readFileContent(file: string | URL, description: string): Promise<Uint8Array> {
  let path: string;
  try {
    path = typeof file === 'string' ? file : fileURLToPath(file.href);
  } catch (error) {
    throw new ContentError(`${description} is not a local file: ${describeError(error)}`, { cause: error });
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new ContentError(`could not read ${description}: ${fsReason(error)}`, { cause: error });
  }
}

/** The local path of a `file:` URL for messages, or undefined if it names none. */
export function filePathOf(url: URL): string | undefined {
  try {
    return fileURLToPath(url.href);
  } catch {
    return undefined;
  }
}

/** The chunks of a stream: its own async iterator, or an old-style stream wrapped (`description` is for the browser's refusal). */
export function chunksOf(stream: object, _description: string): AsyncIterable<unknown> {
  return Symbol.asyncIterator in stream
    ? (stream as AsyncIterable<unknown>)
    : new Readable().wrap(stream as NodeJS.ReadableStream);
}

/** "no such file or directory (ENOENT)" from fs's "ENOENT: no such file or directory, open '/x'". */
function fsReason(error: unknown): string {
  const message = describeError(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code) return message;
  const match = /^[A-Z0-9_]+: (.*?)(?:, \w+(?: '.*')?)?$/s.exec(message);
  return `${match ? match[1] : message} (${code})`;
}
