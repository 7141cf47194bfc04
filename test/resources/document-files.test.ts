/**
 * Document content under each API version: the file server of 2024-11-29 (`POST /documents`
 * without content, `PUT` of the bytes to the answered `fileUrl`, `GET fileUrl` to read them),
 * inline base64 under 2021-09-23 and for small content, and `document.bytes()` under both.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { api, captureBody, testLas, TOKEN, useApiMock } from '../helpers/api.js';
import { fixture } from '../helpers/fixtures.js';
import { thrown } from '../helpers/thrown.js';
import { Document } from '../../src/resources/documents.js';
import { IncompleteDocumentError, NotFoundError, ServerError, ValidationError } from '../../src/errors.js';
import { FILE_SERVER_MAX_BYTES } from '../../src/api/document-files.js';
import type { Logger } from '../../src/http/log.js';

const FILES = 'https://files.las.test';
const id = fixture<{ documentId: string }>('document').documentId;
const encoded = encodeURIComponent(id);
const FILE_PATH = `/documents/${encoded}`;
const fileUrl = `${FILES}${FILE_PATH}`;
const datasetId = 'las:dataset:0123456789abcdef0123456789abcdef';

/** A 2024-11-29 document as `POST /documents` answers it: no content, a fileUrl. */
function document2024(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { content: _none, ...data } = fixture('document');
  return { ...data, name: null, description: null, metadata: {}, fileUrl, ...extra };
}

/** A pdf of `size` bytes whose body holds every byte value (so nock hands it over as hex, byte for byte). */
function pdfOf(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 7) & 0xff;
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  return bytes;
}

// Above the inline bound of 2024-11-29 (256 KiB): goes to the file server.
const large = pdfOf(300_000);
// Below it: inline.
const small = pdfOf(1_000);

/** The file server, expecting the bearer token, the way las-sdk-python sends it. */
function files(): nock.Scope {
  return nock(FILES, { reqheaders: { authorization: `Bearer ${TOKEN}` }, badheaders: ['x-api-key', 'content-type'] });
}

/** A body matcher that accepts exactly `bytes` (nock hands a binary body over as hex). */
function exactly(bytes: Uint8Array) {
  const hex = Buffer.from(bytes).toString('hex');
  return (body: unknown): boolean => body === hex;
}

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (line: string) => void lines.push(line);
  return { lines, debug: push, info: push, warn: push, error: push };
}

describe('documents under API version 2024-11-29', () => {
  useApiMock();
  const las = testLas({ apiVersion: '2024-11-29' });

  describe('create', () => {
    test('content above 256 KiB: POST /documents without content, then PUT of the exact bytes to fileUrl with the bearer token', async () => {
      const sent: { body?: unknown } = {};
      api().post('/documents', captureBody(sent)).matchHeader('content-type', 'application/json').reply(200, document2024());
      files().put(FILE_PATH, exactly(large)).matchHeader('content-length', String(large.byteLength)).reply(200, '');

      const created = await las.documents.create(large, { datasetId });

      expect(sent.body).toEqual({ datasetId, contentType: 'application/pdf' });
      expect(created).toBeInstanceOf(Document);
      expect(created.documentId).toBe(id);
      expect(created.fileUrl).toBe(fileUrl);
    });

    test('above 256 KiB with the 2024 fields (name, description, metadata): all in the POST, then the PUT', async () => {
      const sent: { body?: unknown } = {};
      api().post('/documents', captureBody(sent)).reply(200, document2024());
      files().put(FILE_PATH, exactly(large)).reply(200, '');
      const fields = { datasetId, name: 'scan.pdf', description: 'a scan', metadata: { source: 'mail' } };

      await las.documents.create(large, fields);

      expect(sent.body).toEqual({ ...fields, contentType: 'application/pdf' });
    });

    test('content up to 256 KiB: one POST with the inline base64, no PUT', async () => {
      const sent: { body?: unknown } = {};
      api().post('/documents', captureBody(sent)).reply(200, document2024());

      await las.documents.create(small);

      expect(sent.body).toEqual({ content: small.toString('base64'), contentType: 'application/pdf' });
    });

    test('{ base64 } above the bound is decoded and PUT as bytes', async () => {
      api().post('/documents', { contentType: 'application/pdf' }).reply(200, document2024());
      files().put(FILE_PATH, exactly(large)).reply(200, '');

      await las.documents.create({ base64: large.toString('base64') });
    });

    // A 500 is retried only for a method that may be sent again, which a PUT is (a 503 would be
    // for any). A connection cut off part-way: document-files-large.test.ts, against a real server.
    test('a PUT that fails with 500 is sent again as a PUT, and the POST only once', async () => {
      api().post('/documents').once().reply(200, document2024());
      files().put(FILE_PATH, exactly(large)).reply(500, { message: 'oops' });
      files().put(FILE_PATH, exactly(large)).reply(200, '');

      const created = await testLas({ apiVersion: '2024-11-29', maxRetries: 1 }).documents.create(large);

      expect(created.documentId).toBe(id);
    });

    test('a PUT that fails for good: IncompleteDocumentError naming the document created without content and what to do', async () => {
      api().post('/documents').reply(200, document2024());
      files().put(FILE_PATH).reply(500, { message: 'disk full' });

      const error = await thrown(las.documents.create(large));

      expect(error).toBeInstanceOf(IncompleteDocumentError);
      const incomplete = error as IncompleteDocumentError;
      expect(incomplete.documentId).toBe(id);
      expect(incomplete.completed).toBe(1);
      expect(incomplete.cause).toBeInstanceOf(ServerError);
      expect(incomplete.message).toBe(
        `documents.create: document ${id} was created (POST /documents), but its content could not be put on the file server (PUT fileUrl): ` +
          `${(incomplete.cause as Error).message}. The document exists without content: delete it (las.documents.delete("${id}")) and create it again.`,
      );
    });

    test('a POST that fails: its error, and no PUT', async () => {
      api().post('/documents').reply(400, { message: 'bad dataset' });

      const error = await thrown(las.documents.create(large));

      expect(error).not.toBeInstanceOf(IncompleteDocumentError);
      expect((error as Error).name).toBe('BadRequestError');
    });

    test('an answer without a fileUrl: IncompleteDocumentError, nothing PUT', async () => {
      api().post('/documents').reply(200, document2024({ fileUrl: null }));

      const error = (await thrown(las.documents.create(large))) as IncompleteDocumentError;

      expect(error).toBeInstanceOf(IncompleteDocumentError);
      expect(error.documentId).toBe(id);
      expect(error.message).toContain('the API answered a fileUrl that is not an absolute URL; nothing was sent to it');
    });

    test('a fileUrl over plain http to another host: the token does not go there', async () => {
      api().post('/documents').reply(200, document2024({ fileUrl: 'http://files.las.test/documents/x?sig=1' }));
      const elsewhere = nock('http://files.las.test').put(/.*/).reply(200, '');

      const error = (await thrown(las.documents.create(large))) as IncompleteDocumentError;

      expect(error).toBeInstanceOf(IncompleteDocumentError);
      expect(error.message).toContain('the API answered a fileUrl at http://files.las.test, where the access token may not go');
      expect(error.message).not.toContain('sig=1');
      expect(elsewhere.isDone()).toBe(false);
      nock.cleanAll();
    });

    test('above 64 MiB: a ValidationError, nothing sent', async () => {
      const tooLarge = Buffer.alloc(FILE_SERVER_MAX_BYTES + 1);
      tooLarge.write('%PDF-1.4\n', 0, 'latin1');

      const error = await thrown(las.documents.create(tooLarge));

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toBe(
        'documents.create: content: is 67,108,865 bytes; the file server takes at most 67,108,864 bytes (64 MiB); nothing was sent',
      );
    });

    test('bad options are refused before the POST', async () => {
      for (const options of [{ retentionInDays: 0 }, { datasetId: 'nope' }, { content: 'QUJD' }, { bogus: 1 }]) {
        expect(await thrown(las.documents.create(large, options as never))).toBeInstanceOf(ValidationError);
      }
    });

    test('the log names the file server request without its query, never the token or the bytes', async () => {
      const logger = recorder();
      api().post('/documents').reply(200, document2024({ fileUrl: `${fileUrl}?signature=s3cr3t` }));
      files().put(FILE_PATH).query({ signature: 's3cr3t' }).reply(200, '');

      await testLas({ apiVersion: '2024-11-29', logger, logLevel: 'debug' }).documents.create(large);

      const text = logger.lines.join('\n');
      // Its id decoded, as every log line and message names paths.
      expect(logger.lines.some((line) => line.startsWith(`las-sdk: PUT ${FILES}/documents/${id} status=200 attempts=1 `))).toBe(true);
      expect(text).not.toContain('s3cr3t');
      expect(text).not.toContain(TOKEN);
      // Three short lines (the token, the POST, the PUT): no content in any form.
      expect(logger.lines).toHaveLength(3);
      expect(text.length).toBeLessThan(600);
    });
  });

  describe('document.bytes()', () => {
    test('of a handle: GET the document, then GET its fileUrl with the transformations; the exact bytes back', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x80]);
      api().get(`/documents/${encoded}`).reply(200, document2024());
      files()
        .get(FILE_PATH)
        .query((query) => JSON.stringify(query) === JSON.stringify({ width: '100', height: '200', page: '-1', rotation: '90', density: '300', quality: 'low' }))
        .matchHeader('accept', '*/*')
        .reply(200, png, { 'Content-Type': 'image/png' });

      const bytes = await las.documents.ref(id).bytes({ width: 100, height: 200, page: -1, rotation: 90, density: 300, quality: 'low' });

      expect(bytes).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(bytes).equals(png)).toBe(true);
    });

    test('of a document holding its fileUrl: only the GET of the file', async () => {
      api().get(`/documents/${encoded}`).reply(200, document2024());
      files().get(FILE_PATH).reply(200, small);
      const document = await las.documents.get(id);

      expect(Buffer.from(await document.bytes()).equals(small)).toBe(true);
    });

    test('of a document holding inline content, no transformation: its content, nothing sent', async () => {
      api().post('/documents').reply(200, document2024({ content: small.toString('base64') }));
      const document = await las.documents.create(small);

      expect(Buffer.from(await document.bytes()).equals(small)).toBe(true);
    });

    test('of a handle whose document holds inline content and no fileUrl: that content, as las-sdk-python reads it', async () => {
      api().get(`/documents/${encoded}`).reply(200, document2024({ fileUrl: null, content: small.toString('base64') }));

      expect(Buffer.from(await las.documents.ref(id).bytes()).equals(small)).toBe(true);
    });

    test('a file the server does not have: NotFoundError', async () => {
      api().get(`/documents/${encoded}`).reply(200, document2024());
      files().get(FILE_PATH).reply(404, { message: 'no such file' });

      expect(await thrown(las.documents.ref(id).bytes())).toBeInstanceOf(NotFoundError);
    });

    test.each([
      [{ width: 0 }, 'width'],
      [{ width: Number.NaN }, 'width'],
      [{ height: Number.POSITIVE_INFINITY }, 'height'],
      [{ page: 1.5 }, 'page'],
      [{ rotation: '90' }, 'rotation'],
      [{ density: -1 }, 'density'],
      [{ density: 1e300 }, 'density'],
      [{ quality: 'high' }, 'quality'],
      [{ bogus: 1 }, 'bogus'],
      [JSON.parse('{"__proto__": {"width": 1}}'), '__proto__'],
    ])('bad options %j: a ValidationError naming %s, nothing sent', async (options, name) => {
      const error = await thrown(las.documents.ref(id).bytes(options as never));

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain(name);
    });
  });

  test('uploadDocuments takes a file above the inline bound (5 MB) to the file server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'las-files-'));
    const fiveMegabytes = pdfOf(5_000_000);
    try {
      writeFileSync(join(dir, 'large.pdf'), fiveMegabytes);
      api().post('/documents', { datasetId, contentType: 'application/pdf' }).reply(200, document2024());
      files().put(FILE_PATH, exactly(fiveMegabytes)).reply(200, '');

      const report = await las.datasets.ref(datasetId).uploadDocuments(dir);

      expect(report.failures).toEqual([]);
      expect(report.uploaded.map((uploaded) => uploaded.documentId)).toEqual([id]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('downloadDocuments reads each document from the file server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'las-files-'));
    try {
      api().get('/documents').query({ datasetId }).reply(200, { documents: [document2024()], nextToken: null });
      api().get(`/documents/${encoded}`).reply(200, document2024());
      files().get(FILE_PATH).reply(200, small);

      const report = await las.datasets.ref(datasetId).downloadDocuments(dir);

      expect(report.failures).toEqual([]);
      expect(report.downloaded).toHaveLength(1);
      expect(readFileSync(report.downloaded[0].path).equals(small)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('documents under API version 2021-09-23 (unchanged)', () => {
  useApiMock();
  const las = testLas();

  test('content above 256 KiB still goes inline, in one POST', async () => {
    const sent: { body?: unknown } = {};
    api().post('/documents', captureBody(sent)).reply(200, fixture('document'));

    await las.documents.create(large);

    expect(sent.body).toEqual({ content: large.toString('base64'), contentType: 'application/pdf' });
  });

  test('bytes(): the inline content, decoded; a handle GETs the document first', async () => {
    api().get(`/documents/${encoded}`).reply(200, { ...fixture('document'), content: small.toString('base64') });

    expect(Buffer.from(await las.documents.ref(id).bytes()).equals(small)).toBe(true);
  });

  test('bytes() with a transformation: a ValidationError naming 2024-11-29, nothing sent', async () => {
    const error = await thrown(las.documents.ref(id).bytes({ page: 0 }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      "document.bytes: page: the file server's transformations are of API version 2024-11-29, not of 2021-09-23; nothing was sent",
    );
  });
});
