import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import type { ContentInput } from '../../src/content/content.js';
import { ValidationError } from '../../src/errors.js';
import { base64Length, documentBody, JsonBytes } from '../../src/http/document-body.js';
import { Session } from '../../src/http/session.js';
import { Las } from '../../src/las.js';
import { createAssetSchema } from '../../src/api/assets.js';
import { createDocumentSchema } from '../../src/api/documents.js';
import { checkBody, checkUpload } from '../../src/resources/checks.js';
import { s } from '../../src/schema/index.js';
import { fixture } from '../helpers/fixtures.js';
import { serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

/** `size` bytes that are not all alike (so a misplaced slice shows), a PDF by their header. */
function file(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >> 8)) & 0xff;
  bytes.write('%PDF-1.7\n', 0, Math.min(size, 9), 'latin1');
  return bytes;
}

// One base64 slice of document-body.ts is 3 × 16 KiB of file; one chunk of its stream 256 KiB of body.
const SLICE = 3 * 16 * 1024;
const CHUNK = 256 * 1024;

const text = (body: JsonBytes) => Buffer.from(body.bytes).toString('utf8');

async function read(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return chunks;
}

describe('documentBody', () => {
  const fields = { contentType: 'application/pdf', datasetId: 'las:dataset:0123456789abcdef0123456789abcdef' };

  test.each([0, 1, 2, 3, 4, 5, 6, 1000, 1001, 1002, SLICE - 1, SLICE, SLICE + 1, SLICE + 2, 2 * SLICE + 1, 40 * SLICE + 2])(
    '%i bytes: exactly the bytes of JSON.stringify with the base64 of the file',
    (size) => {
      const bytes = file(size);
      const body = documentBody(fields, { bytes });

      const expected = JSON.stringify({ ...fields, content: bytes.toString('base64') });
      expect(text(body)).toBe(expected);
      expect(body.byteLength).toBe(Buffer.byteLength(expected));
      expect(JSON.parse(text(body))).toEqual({ ...fields, content: bytes.toString('base64') });
      expect(base64Length({ bytes })).toBe(bytes.toString('base64').length);
    },
  );

  test('a Uint8Array that is a view into a larger buffer: only its own bytes', () => {
    const backing = file(5000);
    const view = new Uint8Array(backing.buffer, backing.byteOffset + 1234, 2000);
    expect(JSON.parse(text(documentBody({}, { bytes: view })))).toEqual({ content: Buffer.from(view).toString('base64') });
  });

  test('unicode, escapes and nesting in the other fields: the same JSON as JSON.stringify', () => {
    const other = {
      name: 'Faktura – Ærlig & "sitert" \\ 😀 \u2028 \u0000 \ud800',
      description: null,
      groundTruth: [
        { label: 'total_amount', value: '1 234,50 kr' },
        { label: 'paid', value: true },
        { label: 'note', value: null },
      ],
      retentionInDays: 1825,
      skipped: undefined,
    };
    const bytes = file(3001);
    const body = documentBody(other, { bytes });

    expect(text(body)).toBe(JSON.stringify({ ...other, content: bytes.toString('base64') }));
    expect(JSON.parse(text(body))).toEqual(JSON.parse(JSON.stringify({ ...other, content: bytes.toString('base64') })));
  });

  test('no other fields: no stray comma', () => {
    expect(text(documentBody({}, { bytes: Buffer.from('abc') }))).toBe('{"content":"YWJj"}');
    expect(text(documentBody({}, { bytes: new Uint8Array(0) }))).toBe('{"content":""}');
  });

  test('a content field among the fields is replaced, not sent twice', () => {
    const body = documentBody({ content: 'not this', name: 'n' }, { bytes: Buffer.from('xy') });
    expect(text(body)).toBe('{"name":"n","content":"eHk="}');
  });

  test('base64 the caller gave is sent as it is, its length as it is', () => {
    const base64 = file(10).toString('base64').replace(/=+$/, '');
    const body = documentBody({ name: 'ø' }, { base64 });
    expect(JSON.parse(text(body))).toEqual({ name: 'ø', content: base64 });
    expect(base64Length({ base64 })).toBe(base64.length);
  });

  test('fields that are not a plain JSON object are refused', () => {
    expect(() => documentBody({ toJSON: () => 'x' }, { bytes: Buffer.from('a') })).toThrow(TypeError);
  });

  test('stream(): the bytes in chunks that are views of the one buffer, afresh each time', async () => {
    const body = documentBody(fields, { bytes: file(CHUNK + 7) });
    const first = await read(body.stream());
    const second = await read(body.stream());

    expect(first.length).toBeGreaterThan(1);
    for (const chunk of [...first, ...second]) expect(chunk.buffer).toBe(body.bytes.buffer);
    expect(Buffer.concat(first).equals(Buffer.from(body.bytes))).toBe(true);
    expect(Buffer.concat(second).equals(Buffer.from(body.bytes))).toBe(true);
  });
});

describe('checkUpload', () => {
  const schema = s.object({ content: s.string({ minLength: 2, maxLength: 8 }), name: s.optional(s.string({ maxLength: 3 })) });

  /** checkBody's message for the body with its content as a string, or undefined. */
  const bodyMessage = (body: Record<string, unknown>) => {
    try {
      checkBody(schema, body, 'things.create');
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  const uploadMessage = (fields: Record<string, unknown>, base64: string) => {
    try {
      checkUpload(schema, fields, { base64 }, 'things.create');
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as Error).message;
    }
  };

  test.each([
    [{}, 'A'],
    [{}, 'AA'],
    [{}, 'AAAAAAAA'],
    [{ name: 'long' }, 'AAAA'],
    [{ name: 'ok' }, 'AAAA'],
    [{ colour: 'red' }, 'AAAA'],
  ])('%p with content of %p: the message checkBody gives for the whole body', (fields, content) => {
    expect(uploadMessage(fields, content)).toBe(bodyMessage({ ...fields, content }));
  });

  test('content over the bound is named first, in bytes and characters of base64, with the size given', () => {
    const over = 'things.create: content: is 12 characters of base64 (9 bytes); the API takes at most 6 bytes (8 characters of base64); nothing was sent';
    expect(uploadMessage({}, 'AAAAAAAAAAAA')).toBe(over);
    expect(uploadMessage({ name: 'long' }, 'AAAAAAAAAAAA')).toBe(over);
  });

  test('the length of bytes is that of their base64: 4 characters for every 3 bytes begun', () => {
    const ok = () => checkUpload(schema, {}, { bytes: new Uint8Array(6) }, 'things.create');
    const tooLong = () => checkUpload(schema, {}, { bytes: new Uint8Array(7) }, 'things.create');
    expect(ok).not.toThrow();
    expect(tooLong).toThrow('things.create: content: is 7 bytes; the API takes at most 6 bytes (8 characters of base64); nothing was sent');
  });

  test('minProperties counts the content of an update', () => {
    const update = s.object({ content: s.optional(s.string({ minLength: 1 })), name: s.optional(s.string()) }, { minProperties: 1 });
    expect(() => checkUpload(update, {}, { bytes: new Uint8Array(1) }, 'asset.update')).not.toThrow();
  });
});

describe('uploads through the session', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await server.close();
  });

  function session(maxRetries = 3): Session {
    const credentials = serverCredentials(server);
    return new Session({ apiEndpoint: credentials.apiEndpoint, tokenProvider: credentials, retryBaseDelay: 10, maxRetries, timeout: 2_000 });
  }

  const bodyOf = (size: number) => documentBody({ contentType: 'application/pdf', name: 'å' }, { bytes: file(size) });

  test('the bytes arrive as they are, with a Content-Length and JSON Content-Type, not chunked', async () => {
    const body = bodyOf(CHUNK + 5);
    await session().post('/documents', body);

    const [request] = server.requests;
    expect(request.body).toBe(text(body));
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['content-length']).toBe(String(body.byteLength));
    expect(request.headers).not.toHaveProperty('transfer-encoding');
  });

  test('503 twice, then 200: the same bytes are sent each time', async () => {
    server.reply({ status: 503 }, { status: 503 }, { body: { ok: true } });
    const body = bodyOf(600_000);

    await expect(session().post('/documents', body)).resolves.toEqual({ ok: true });

    expect(server.requests.map((r) => r.body === text(body))).toEqual([true, true, true]);
  });

  test('429 then 200 on a PATCH: sent again', async () => {
    server.reply({ status: 429, headers: { 'retry-after': '0' }, body: { message: 'Too Many Requests' } }, { body: { ok: true } });
    const body = bodyOf(1000);

    await expect(session().patch('/assets/x', body)).resolves.toEqual({ ok: true });

    expect(server.requests.map((r) => [r.method, r.body === text(body)])).toEqual([
      ['PATCH', true],
      ['PATCH', true],
    ]);
  });

  test.each([500, 502, 504])('%i on an upload: never sent twice', async (status) => {
    server.reply({ status, body: { message: 'Server Error' } }, { body: { ok: true } });

    await expect(session().post('/documents', bodyOf(1000))).rejects.toMatchObject({ status });

    expect(server.requests).toHaveLength(1);
  });

  test('a connection reset on an upload: never sent twice', async () => {
    server.reply('reset', { body: { ok: true } });
    await expect(session().post('/documents', bodyOf(1000))).rejects.toThrow(/failed/);
    expect(server.requests).toHaveLength(1);
  });

  test('a 401 gets a new token and the same bytes again', async () => {
    server.reply({ status: 401, body: { message: 'Unauthorized' } }, { body: { ok: true } });
    const body = bodyOf(1000);

    await expect(session(0).post('/documents', body)).resolves.toEqual({ ok: true });

    expect(server.requests.map((r) => [r.headers.authorization, r.body === text(body)])).toEqual([
      ['Bearer token-1', true],
      ['Bearer token-2', true],
    ]);
  });
});

describe('documents.create and assets.create against a server', () => {
  let server: TestServer;
  let las: Las;

  beforeEach(async () => {
    server = await startServer();
    las = new Las({ credentials: serverCredentials(server), maxRetries: 2 });
  });

  afterEach(async () => {
    await server.close();
  });

  const datasetId = 'las:dataset:0123456789abcdef0123456789abcdef';
  const groundTruth = [
    { label: 'supplier', value: 'Åsgårdstrand Bakeri – Sørlandet' },
    { label: 'paid', value: true },
  ];

  test.each([1, 2, 3, 100_000, 10 * SLICE + 1])('a %i-byte document: the body parses to the same JSON as before', async (size) => {
    server.handle(() => ({ body: fixture('document') }));
    const bytes = file(size);

    await las.documents.create(bytes, { contentType: 'application/pdf', datasetId, groundTruth });

    const [request] = server.requests;
    expect(JSON.parse(request.body)).toEqual({ contentType: 'application/pdf', datasetId, groundTruth, content: bytes.toString('base64') });
  });

  test('a 503 with Retry-After 0, then 200: created, the same bytes sent twice', async () => {
    server.reply({ status: 503, headers: { 'retry-after': '0' } }, { body: fixture('document') });

    const created = await las.documents.create(file(5000), { datasetId });

    expect(created.documentId).toBe(fixture<{ documentId: string }>('document').documentId);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0].body).toBe(server.requests[1].body);
  });

  // The API's cap: 6,250,000 base64 characters, 4,687,500 bytes of file.
  test('content at the cap is sent; a byte more is a ValidationError and nothing is sent', async () => {
    server.handle(() => ({ body: fixture('document') }));
    const cap = createDocumentSchema.properties.content.maxLength!;
    expect(cap).toBe(6_250_000);

    await las.documents.create(file((cap / 4) * 3));
    expect(JSON.parse(server.requests[0].body).content).toHaveLength(cap);

    const error = await thrown(las.documents.create(file((cap / 4) * 3 + 1)));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'documents.create: content: is 4,687,501 bytes; the API takes at most 4,687,500 bytes (6,250,000 characters of base64); nothing was sent',
    );
    expect(server.requests).toHaveLength(1);
  });

  test('over the cap with bad options too: the content is named first, as before', async () => {
    const cap = createAssetSchema.properties.content.maxLength!;
    const error = await thrown(las.assets.create(file((cap / 4) * 3 + 3), { name: 42 as unknown as string }));
    expect((error as Error).message).toBe(
      'assets.create: content: is 4,687,503 bytes; the API takes at most 4,687,500 bytes (6,250,000 characters of base64); nothing was sent',
    );

    await expect(las.assets.create(file(10), { name: 42 as unknown as string })).rejects.toThrow(
      'assets.create: name: must be a string; nothing was sent',
    );
    await expect(las.documents.create(file(10), { consentId: 'las:consent:nope' })).rejects.toThrow(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  test('given base64 over the cap is refused by its length', async () => {
    const cap = createDocumentSchema.properties.content.maxLength!;
    const base64 = `JVBERi0x${'A'.repeat(cap - 4)}`;
    await expect(las.documents.create({ base64 })).rejects.toThrow(
      'documents.create: content: is 6,250,004 characters of base64 (4,687,503 bytes); the API takes at most 4,687,500 bytes (6,250,000 characters of base64); nothing was sent',
    );
    expect(server.requests).toHaveLength(0);
  });

  // An 8 MB document, in every form content may take: the message says its size and the bound in bytes.
  test.each<[string, (bytes: Buffer, path: string) => ContentInput]>([
    ['bytes', (bytes) => bytes],
    ['an ArrayBuffer', (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer],
    ['a Blob', (bytes) => new Blob([new Uint8Array(bytes)])],
    ['a file path', (_bytes, path) => path],
    ['a file: URL', (_bytes, path) => pathToFileURL(path)],
    ['a Node stream', (bytes) => Readable.from([bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)])],
    ['a web stream', (bytes) => new Blob([new Uint8Array(bytes)]).stream()],
  ])('an 8 MB document given as %s is refused in bytes, nothing sent', async (_label, as) => {
    const bytes = file(8_000_000);
    const dir = await mkdtemp(join(tmpdir(), 'las-content-size-'));
    try {
      const path = join(dir, 'scan.pdf');
      await writeFile(path, bytes);
      const error = await thrown(las.documents.create(as(bytes, path)));
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toBe(
        'documents.create: content: is 8,000,000 bytes; the API takes at most 4,687,500 bytes (6,250,000 characters of base64); nothing was sent',
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('an 8 MB document given as { base64 } is refused in characters of base64 and bytes, nothing sent', async () => {
    const error = await thrown(las.documents.create({ base64: file(8_000_001).toString('base64') }));
    expect((error as Error).message).toBe(
      'documents.create: content: is 10,666,668 characters of base64 (8,000,001 bytes); the API takes at most 4,687,500 bytes (6,250,000 characters of base64); nothing was sent',
    );
    expect(server.requests).toHaveLength(0);
  });

  test('asset.update with new content PATCHes it as base64 among the other fields', async () => {
    server.handle(() => ({ body: fixture('asset') }));
    const assetId = fixture<{ assetId: string }>('asset').assetId;
    const bytes = Buffer.from('<h1>Sjekk fakturaen – takk</h1>\n');

    await las.assets.ref(assetId).update({ content: bytes, name: 'Skjema ✓' });

    const [request] = server.requests;
    expect(request.method).toBe('PATCH');
    expect(JSON.parse(request.body)).toEqual({ name: 'Skjema ✓', content: bytes.toString('base64') });
  });
});
