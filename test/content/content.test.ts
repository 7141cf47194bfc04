import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { ContentError, LasError } from '../../src/errors.js';
import {
  DOCUMENT_CONTENT_TYPES,
  loadAssetContent,
  loadDocumentContent,
  readContent,
  sniffContentType,
  type ContentInput,
} from '../../src/content/content.js';
import type { UploadContent } from '../../src/http/document-body.js';

// The base64 an upload body holds for this content (document-body.ts writes it).
function base64Of(content: UploadContent): string {
  return 'base64' in content ? content.base64 : Buffer.from(content.bytes).toString('base64');
}

async function encodeDocumentContent(input: ContentInput, contentType?: string): Promise<{ content: string; contentType: string }> {
  const loaded = await loadDocumentContent(input, contentType);
  return { content: base64Of(loaded.content), contentType: loaded.contentType };
}

async function encodeAssetContent(input: ContentInput): Promise<string> {
  return base64Of(await loadAssetContent(input));
}

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\n', 'latin1');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
const TIFF_LE = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00]);
const TIFF_BE = Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x08]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
// A RIFF file that is no WebP (a WAVE sound) is not a document.
const WAVE = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WAVEfmt ')]);
const UNKNOWN = Buffer.from('hello, world');
const PNG_B64 = PNG.toString('base64');

/** A document of each type the content is sniffed as, with that type. */
const SAMPLES: [string, Buffer][] = [
  ['application/pdf', PDF],
  ['image/jpeg', JPEG],
  ['image/png', PNG],
  ['image/tiff', TIFF_LE],
  ['image/tiff', TIFF_BE],
  ['image/webp', WEBP],
];

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'las-content-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** Awaits a promise expected to reject with a ContentError and returns that error. */
async function contentError(promise: Promise<unknown>): Promise<ContentError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContentError);
  expect(error).toBeInstanceOf(LasError);
  return error as ContentError;
}

describe('DOCUMENT_CONTENT_TYPES', () => {
  it('lists the five document types (image/webp: API version 2024-11-29 only) and is frozen', () => {
    expect(DOCUMENT_CONTENT_TYPES).toEqual(['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'image/webp']);
    expect(Object.isFrozen(DOCUMENT_CONTENT_TYPES)).toBe(true);
  });
});

describe('sniffContentType', () => {
  it.each(SAMPLES)('detects %s', (type, bytes) => {
    expect(sniffContentType(bytes)).toBe(type);
  });

  it('detects from the bare magic numbers alone', () => {
    expect(sniffContentType(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]))).toBe('application/pdf');
    expect(sniffContentType(new Uint8Array([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('image/png');
    expect(sniffContentType(new Uint8Array([0x49, 0x49, 0x2a, 0x00]))).toBe('image/tiff');
    expect(sniffContentType(new Uint8Array([0x4d, 0x4d, 0x00, 0x2a]))).toBe('image/tiff');
  });

  it('tolerates up to 1024 junk bytes before %PDF-', () => {
    const withJunk = (n: number) => Buffer.concat([Buffer.alloc(n, 0x20), PDF]);
    expect(sniffContentType(withJunk(1))).toBe('application/pdf');
    expect(sniffContentType(withJunk(1024))).toBe('application/pdf');
    expect(sniffContentType(withJunk(1025))).toBeUndefined();
  });

  it('respects the view of a Uint8Array into a larger buffer', () => {
    const backing = Buffer.concat([Buffer.from('junk'), PNG]);
    expect(sniffContentType(backing.subarray(4))).toBe('image/png');
    expect(sniffContentType(new Uint8Array(backing.buffer, backing.byteOffset, 4))).toBeUndefined();
  });

  it('returns undefined for unknown, truncated or empty bytes', () => {
    expect(sniffContentType(UNKNOWN)).toBeUndefined();
    expect(sniffContentType(WAVE)).toBeUndefined();
    expect(sniffContentType(new Uint8Array([0xff, 0xd8]))).toBeUndefined();
    expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(sniffContentType(new Uint8Array([0x49, 0x49, 0x2a]))).toBeUndefined();
    expect(sniffContentType(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});

describe('encodeDocumentContent input forms', () => {
  const expected = { content: PNG_B64, contentType: 'image/png' };

  it('accepts a Buffer', async () => {
    await expect(encodeDocumentContent(PNG)).resolves.toEqual(expected);
  });

  it('accepts a Uint8Array', async () => {
    await expect(encodeDocumentContent(new Uint8Array(PNG))).resolves.toEqual(expected);
  });

  it('accepts a Uint8Array viewing part of a larger buffer', async () => {
    const backing = Buffer.concat([Buffer.from('before'), PNG, Buffer.from('after')]);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 6, PNG.length);
    await expect(encodeDocumentContent(view)).resolves.toEqual(expected);
  });

  it('accepts an ArrayBuffer', async () => {
    const buffer = new Uint8Array(PNG).buffer;
    expect(buffer).toBeInstanceOf(ArrayBuffer);
    await expect(encodeDocumentContent(buffer)).resolves.toEqual(expected);
  });

  it('accepts a Blob', async () => {
    await expect(encodeDocumentContent(new Blob([PNG]))).resolves.toEqual(expected);
  });

  it('accepts a readable stream of Buffer chunks', async () => {
    const stream = Readable.from([PNG.subarray(0, 3), PNG.subarray(3, 9), PNG.subarray(9)]);
    await expect(encodeDocumentContent(stream)).resolves.toEqual(expected);
  });

  it('accepts a readable stream of string chunks', async () => {
    await expect(encodeDocumentContent(Readable.from(['%PDF-', '1.4\n']))).resolves.toEqual({
      content: Buffer.from('%PDF-1.4\n').toString('base64'),
      contentType: 'application/pdf',
    });
  });

  it('accepts a file stream', async () => {
    const path = await file('stream.png', PNG);
    await expect(encodeDocumentContent(createReadStream(path))).resolves.toEqual(expected);
  });

  it('accepts a file path', async () => {
    const path = await file('doc.png', PNG);
    await expect(encodeDocumentContent(path)).resolves.toEqual(expected);
  });

  it('accepts a file: URL', async () => {
    const path = await file('url doc.png', PNG);
    await expect(encodeDocumentContent(pathToFileURL(path))).resolves.toEqual(expected);
  });

  it('accepts { base64 } and sends it as given', async () => {
    await expect(encodeDocumentContent({ base64: PNG_B64 })).resolves.toEqual(expected);
  });

  it('removes whitespace and newlines from { base64 }', async () => {
    const wrapped = `  ${PNG_B64.slice(0, 4)}\n${PNG_B64.slice(4, 8)}\r\n\t${PNG_B64.slice(8)}\n`;
    await expect(encodeDocumentContent({ base64: wrapped })).resolves.toEqual(expected);
  });

  it('sniffs a long { base64 } from its beginning and sends all of it', async () => {
    const big = Buffer.concat([Buffer.alloc(1000, 0x20), PDF, Buffer.alloc(100_000, 7)]);
    await expect(encodeDocumentContent({ base64: big.toString('base64') })).resolves.toEqual({
      content: big.toString('base64'),
      contentType: 'application/pdf',
    });
  });

  it.each(SAMPLES)('sniffs %s', async (type, bytes) => {
    await expect(encodeDocumentContent(bytes)).resolves.toEqual({ content: bytes.toString('base64'), contentType: type });
  });
});

describe('encodeDocumentContent with an explicit contentType', () => {
  it('uses it as given, even when the bytes say otherwise', async () => {
    await expect(encodeDocumentContent(PNG, 'application/pdf')).resolves.toEqual({
      content: PNG_B64,
      contentType: 'application/pdf',
    });
  });

  it('makes unknown bytes acceptable', async () => {
    await expect(encodeDocumentContent(UNKNOWN, 'image/tiff')).resolves.toEqual({
      content: UNKNOWN.toString('base64'),
      contentType: 'image/tiff',
    });
  });

  it('rejects an unsupported type, listing the supported ones', async () => {
    const error = await contentError(encodeDocumentContent(PDF, 'text/plain'));
    expect(error.message).toContain('"text/plain"');
    expect(error.message).toContain(`Buffer of ${PDF.length} bytes`);
    for (const type of DOCUMENT_CONTENT_TYPES) expect(error.message).toContain(type);
  });

  it('rejects a near miss such as image/jpg', async () => {
    const error = await contentError(encodeDocumentContent(JPEG, 'image/jpg'));
    expect(error.message).toContain('"image/jpg"');
  });

  it('rejects it before consuming a stream', async () => {
    const stream = Readable.from([PDF]);
    const error = await contentError(encodeDocumentContent(stream, 'text/plain'));
    expect(error.message).toContain('stream');
    expect(stream.readableEnded).toBe(false);
  });
});

describe('readContent', () => {
  it('returns the bytes of every input form', async () => {
    const path = await file('read.bin', UNKNOWN);
    const inputs: ContentInput[] = [
      UNKNOWN,
      new Uint8Array(UNKNOWN),
      new Uint8Array(UNKNOWN).buffer,
      new Blob([UNKNOWN]),
      Readable.from([UNKNOWN.subarray(0, 5), UNKNOWN.subarray(5)]),
      path,
      pathToFileURL(path),
      { base64: UNKNOWN.toString('base64') },
    ];
    for (const input of inputs) {
      expect(Buffer.from(await readContent(input))).toEqual(UNKNOWN);
    }
  });

  it('returns a Buffer as is, without copying', async () => {
    await expect(readContent(PNG)).resolves.toBe(PNG);
  });

  it('decodes all of a long { base64 }', async () => {
    const big = Buffer.alloc(10_000, 9);
    expect(Buffer.from(await readContent({ base64: big.toString('base64') }))).toEqual(big);
  });
});

describe('encodeAssetContent', () => {
  it('accepts any bytes', async () => {
    await expect(encodeAssetContent(UNKNOWN)).resolves.toBe(UNKNOWN.toString('base64'));
  });

  it('accepts a file, a stream and { base64 }', async () => {
    const path = await file('asset.js', UNKNOWN);
    await expect(encodeAssetContent(path)).resolves.toBe(UNKNOWN.toString('base64'));
    await expect(encodeAssetContent(Readable.from(['hello, ', 'world']))).resolves.toBe(UNKNOWN.toString('base64'));
    await expect(encodeAssetContent({ base64: ` ${UNKNOWN.toString('base64')}\n` })).resolves.toBe(
      UNKNOWN.toString('base64'),
    );
  });

  it('rejects empty content', async () => {
    const error = await contentError(encodeAssetContent(new Uint8Array()));
    expect(error.message).toBe('Uint8Array of 0 bytes is empty');
  });

  it('rejects invalid base64', async () => {
    const error = await contentError(encodeAssetContent({ base64: 'not*base64' }));
    expect(error.message).toContain('base64 string of 10 characters');
  });
});

describe('errors', () => {
  it('names the path of a missing file and keeps the fs error as cause', async () => {
    const path = join(dir, 'missing.pdf');
    const error = await contentError(encodeDocumentContent(path));
    expect(error.message).toContain(`file "${path}"`);
    expect(error.message).toContain('no such file or directory (ENOENT)');
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('names the path of a missing file: URL', async () => {
    const path = join(dir, 'missing-url.pdf');
    const error = await contentError(encodeDocumentContent(pathToFileURL(path)));
    expect(error.message).toContain(`file "${path}"`);
    expect(error.message).toContain('no such file');
  });

  it('explains a directory given as a file', async () => {
    const sub = join(dir, 'a-directory');
    await mkdir(sub, { recursive: true });
    const error = await contentError(encodeAssetContent(sub));
    expect(error.message).toContain(`file "${sub}"`);
    expect(error.message).toContain('illegal operation on a directory (EISDIR)');
  });

  it('rejects http: URLs, saying only file: URLs are supported', async () => {
    const error = await contentError(encodeDocumentContent(new URL('https://user:secret@example.com/x.pdf?sig=abc')));
    expect(error.message).toContain('only file: URLs are supported');
    expect(error.message).toContain('https://example.com/x.pdf');
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain('sig=abc');
  });

  it('rejects an empty buffer', async () => {
    const error = await contentError(encodeDocumentContent(Buffer.alloc(0)));
    expect(error.message).toBe('Buffer of 0 bytes is empty');
  });

  it.each([
    ['ArrayBuffer', () => new ArrayBuffer(0), 'ArrayBuffer of 0 bytes is empty'],
    ['Blob', () => new Blob([]), 'Blob of 0 bytes is empty'],
    ['stream', () => Readable.from([]), 'stream is empty'],
    ['base64', () => ({ base64: ' \n' }), 'base64 string of 2 characters is empty'],
  ])('rejects an empty %s', async (_name, make, message) => {
    const error = await contentError(encodeDocumentContent(make()));
    expect(error.message).toBe(message);
  });

  it('rejects an empty file', async () => {
    const path = await file('empty.pdf', new Uint8Array());
    const error = await contentError(encodeDocumentContent(path));
    expect(error.message).toBe(`file "${path}" is empty`);
  });

  it('rejects unknown bytes without contentType, telling the caller to pass it', async () => {
    const error = await contentError(encodeDocumentContent(new Blob([UNKNOWN])));
    expect(error.message).toContain(`Blob of ${UNKNOWN.length} bytes`);
    expect(error.message).toContain('could not detect');
    expect(error.message).toContain('contentType');
    for (const type of DOCUMENT_CONTENT_TYPES) expect(error.message).toContain(type);
  });

  it('names the file whose type could not be detected', async () => {
    const path = await file('notes.txt', UNKNOWN);
    const error = await contentError(encodeDocumentContent(path));
    expect(error.message).toContain(`file "${path}"`);
  });

  it.each([
    ['a forbidden character', 'YWJj*ZGVm', 'unexpected character at index 4'],
    ['base64url', 'YW-_', 'unexpected character at index 2); base64url is not accepted'],
    ['padding in the middle', 'YQ==YWJj', 'bad padding or length'],
    ['an impossible length', 'YWJjZ', 'bad padding or length'],
    // The API (and the emulator) refuse base64 without its padding: refused here before sending.
    ['no padding', 'YWI', 'bad padding or length'],
    ['half its padding', 'YQ=', 'bad padding or length'],
  ])('rejects invalid base64 with %s', async (_name, base64, detail) => {
    const error = await contentError(encodeDocumentContent({ base64 }));
    expect(error.message).toContain(`base64 string of ${base64.length} characters is not valid base64`);
    expect(error.message).toContain(detail);
  });

  it.each([
    ['number', 42, 'got number'],
    ['null', null, 'got null'],
    ['undefined', undefined, 'got undefined'],
    ['boolean', true, 'got boolean'],
    ['plain object', { content: 'x' }, 'got plain object'],
    ['class instance', new Map(), 'got Map object'],
    ['non-string base64', { base64: 42 }, 'got object whose base64 is number'],
  ])('rejects a %s, naming what it got', async (_name, input, got) => {
    const error = await contentError(encodeDocumentContent(input as never));
    expect(error.message).toContain(got);
    expect(error.message).toContain('expected');
  });

  it('never puts the value of a wrong input in the message', async () => {
    const error = await contentError(encodeAssetContent({ token: 'super-secret' } as never));
    expect(error.message).not.toContain('super-secret');
  });

  it('does not treat document text as a file path', async () => {
    const text = '%PDF-1.4\n'.repeat(1000);
    const error = await contentError(encodeDocumentContent(text));
    expect(error.message).toContain(`string of ${text.length} characters is not a file path`);
    expect(error.message).not.toContain('%PDF');
  });

  it('rejects an empty string', async () => {
    const error = await contentError(encodeDocumentContent(''));
    expect(error.message).toContain('string of 0 characters is not a file path');
  });

  it('wraps a failing stream, keeping its error as cause', async () => {
    const boom = new Error('disk went away');
    const stream = new Readable({
      read() {
        this.destroy(boom);
      },
    });
    const error = await contentError(encodeDocumentContent(stream));
    expect(error.message).toBe('could not read stream: disk went away');
    expect(error.cause).toBe(boom);
  });

  it('rejects a stream of non-byte chunks', async () => {
    const error = await contentError(encodeAssetContent(Readable.from([{ a: 1 }])));
    expect(error.message).toContain('stream yielded plain object chunk');
  });

  it('names the file behind a file stream', async () => {
    const path = join(dir, 'missing-stream.pdf');
    const error = await contentError(encodeDocumentContent(createReadStream(path)));
    expect(error.message).toContain(`stream of file "${path}"`);
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });
});
