/**
 * Documents under API version 2024-11-29 and the emulator's file server, over raw HTTP: the
 * document answers fit the 2024 spec (closed), the bytes go to `fileUrl` with `PUT` and come back
 * with `GET`, and what the file server refuses.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Jimp } from 'jimp';
import { startEmulator, type Emulator } from '../src/index.js';
import { internals } from '../src/internals.js';
import { answerChecker } from './answer-schemas.js';
import { PDF, raw } from './helpers.js';
import { fetchTrusting } from './tls-fetch.js';

const checkAnswer = answerChecker([], '2024-11-29');

/** A PNG `width` by `height`. */
async function png(width: number, height: number): Promise<Buffer> {
  return await new Jimp({ width, height, color: 0x3366ccff }).getBuffer('image/png');
}

/** A request to a file server URL, with the emulator's token unless `token` says otherwise. */
async function file(
  emu: Emulator,
  method: string,
  url: string,
  options: { body?: Uint8Array; token?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; type: string | null; bytes: Buffer; headers: Headers }> {
  const token = options.token === undefined ? await emu.credentials.getAccessToken() : options.token;
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : new Uint8Array(options.body) });
  return { status: response.status, type: response.headers.get('content-type'), bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
}

function messageOf(bytes: Buffer): string {
  return (JSON.parse(bytes.toString('utf8')) as { message: string }).message;
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ apiVersion: '2024-11-29' });
});
afterAll(async () => {
  await emu.close();
});

async function createDocument(body: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const created = await raw(emu, 'POST', '/documents', { body });
  expect(created.status).toBe(200);
  expect(checkAnswer('Document', created.body)).toBeUndefined();
  return created.body;
}

describe('documents under 2024-11-29', () => {
  test('POST without content answers the 2024 document with a fileUrl on the emulator, no contentMD5 yet', async () => {
    const doc = await createDocument({ name: 'Invoice 1', metadata: { source: 'scanner' } });
    expect(doc).toMatchObject({ name: 'Invoice 1', description: null, metadata: { source: 'scanner' }, retentionInDays: 1825 });
    expect(doc).not.toHaveProperty('contentType');
    expect(doc).not.toHaveProperty('contentMD5');
    expect(doc.fileUrl).toMatch(new RegExp(`^http://localhost:${new URL(emu.url).port}/files/[0-9a-f]{32}$`));
    expect(doc).not.toHaveProperty('batchId');
  });

  test('POST refuses a batchId (2024 has no batches)', async () => {
    const refused = await raw(emu, 'POST', '/documents', { body: { batchId: `las:batch:${'0'.repeat(32)}` } });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/batchId/);
  });

  test('inline content: its type read from its bytes when not given, contentMD5 of them, GET one holds it', async () => {
    const doc = await createDocument({ content: PDF.toString('base64') });
    const md5 = createHash('md5').update(PDF).digest('base64');
    expect(doc).toMatchObject({ contentType: 'application/pdf', contentMD5: md5 });
    expect(doc).not.toHaveProperty('content');
    const got = await raw(emu, 'GET', `/documents/${String(doc.documentId)}`);
    expect(checkAnswer('Document', got.body)).toBeUndefined();
    expect(got.body).toMatchObject({ content: PDF.toString('base64'), contentMD5: md5, fileUrl: doc.fileUrl });
    const fromFile = await file(emu, 'GET', doc.fileUrl as string);
    expect(fromFile).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(fromFile.bytes.equals(PDF)).toBe(true);
  });

  test('inline content of no document type is refused with 415 and nothing is created', async () => {
    const before = (await raw(emu, 'GET', '/documents')).body.documents as unknown[];
    const refused = await raw(emu, 'POST', '/documents', { body: { content: Buffer.from('GIF89a....').toString('base64') } });
    expect(refused.status).toBe(415);
    expect(refused.body.message).toMatch(/image\/gif/);
    expect((await raw(emu, 'GET', '/documents')).body.documents).toHaveLength(before.length);
  });

  test('PUT stores the bytes: type sniffed, contentMD5 set, GET answers them; a second PUT replaces them', async () => {
    const doc = await createDocument({ contentType: 'image/jpeg' });
    const image = await png(30, 20);
    const put = await file(emu, 'PUT', doc.fileUrl as string, { body: image });
    expect(put.status).toBe(200);
    expect(put.headers.get('access-control-allow-origin')).toBe('*');
    const got = await raw(emu, 'GET', `/documents/${String(doc.documentId)}`);
    expect(checkAnswer('Document', got.body)).toBeUndefined();
    // The declared type gives way to the bytes' own.
    expect(got.body).toMatchObject({ contentType: 'image/png', contentMD5: createHash('md5').update(image).digest('base64') });
    const back = await file(emu, 'GET', doc.fileUrl as string);
    expect(back).toMatchObject({ status: 200, type: 'image/png' });
    expect(back.bytes.equals(image)).toBe(true);

    expect((await file(emu, 'PUT', doc.fileUrl as string, { body: PDF })).status).toBe(200);
    const again = await file(emu, 'GET', doc.fileUrl as string);
    expect(again.type).toBe('application/pdf');
    expect(again.bytes.equals(PDF)).toBe(true);
  });

  test('GET with page and rotation answers a JPEG of the image turned; width, height, density, quality and PDFs the original', async () => {
    const doc = await createDocument();
    const image = await png(30, 20);
    await file(emu, 'PUT', doc.fileUrl as string, { body: image });
    for (const [query, width, height] of [['rotation=90', 20, 30], ['rotation=270', 20, 30], ['rotation=180', 30, 20], ['page=0', 30, 20], ['page=-1&rotation=-90', 20, 30]] as const) {
      const turned = await file(emu, 'GET', `${String(doc.fileUrl)}?${query}`);
      expect(turned).toMatchObject({ status: 200, type: 'image/jpeg' });
      const read = await Jimp.fromBuffer(turned.bytes);
      expect([query, read.width, read.height]).toEqual([query, width, height]);
    }
    const original = await file(emu, 'GET', `${String(doc.fileUrl)}?width=10&height=10&density=300&quality=low`);
    expect(original.bytes.equals(image)).toBe(true);

    const pdf = await createDocument({ content: PDF.toString('base64') });
    const pdfBack = await file(emu, 'GET', `${String(pdf.fileUrl)}?page=1&rotation=90`);
    expect(pdfBack.type).toBe('application/pdf');
    expect(pdfBack.bytes.equals(PDF)).toBe(true);
  });

  test('GET with a bad query is a 400 naming the parameter', async () => {
    const doc = await createDocument();
    await file(emu, 'PUT', doc.fileUrl as string, { body: await png(4, 4) });
    for (const [query, name] of [['rotation=abc', 'rotation'], ['page=2', 'page'], ['width=0', 'width'], ['quality=high', 'quality'], ['rotation=1e3', 'rotation']]) {
      const refused = await file(emu, 'GET', `${String(doc.fileUrl)}?${query}`);
      expect(refused.status).toBe(400);
      expect(messageOf(refused.bytes)).toContain(name);
    }
  });

  test('an image too large to turn or unreadable is a 422 before it is decoded; untransformed it is answered as put', async () => {
    const doc = await createDocument();
    // A PNG header saying 30000 pixels square, and nothing after it.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(30000, 16);
    header.writeUInt32BE(30000, 20);
    header[24] = 8;
    header[25] = 6;
    expect((await file(emu, 'PUT', doc.fileUrl as string, { body: header })).status).toBe(200);
    const refused = await file(emu, 'GET', `${String(doc.fileUrl)}?rotation=90`);
    expect(refused.status).toBe(422);
    expect(messageOf(refused.bytes)).toMatch(/up to 36 megapixels.*30000x30000/);
    expect((await file(emu, 'GET', doc.fileUrl as string)).bytes.equals(header)).toBe(true);

    const truncated = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]);
    await file(emu, 'PUT', doc.fileUrl as string, { body: truncated });
    const unreadable = await file(emu, 'GET', `${String(doc.fileUrl)}?page=0`);
    expect(unreadable.status).toBe(422);
    expect(messageOf(unreadable.bytes)).toMatch(/cannot be read as image\/jpeg/);
  });

  test('list: the 2024 query (repeated datasetId, sortBy, order, documentId) and its echo; PATCH and DELETE answer 2024 documents', async () => {
    const dataset = await raw(emu, 'POST', '/datasets', { body: { name: 'd' } });
    const datasetId = String(dataset.body.datasetId);
    const first = await createDocument({ datasetId, name: 'first' });
    const second = await createDocument({ datasetId, name: 'second' });
    const list = await raw(emu, 'GET', `/documents?datasetId=${datasetId}&datasetId=las:dataset:${'0'.repeat(32)}&sortBy=createdTime&order=descending`);
    expect(list.status).toBe(200);
    expect(checkAnswer('Documents', list.body)).toBeUndefined();
    expect((list.body.documents as { name: string }[]).map((d) => d.name)).toEqual(['second', 'first']);
    expect(list.body).toMatchObject({ sortBy: 'createdTime', order: 'descending', datasetId: [datasetId, `las:dataset:${'0'.repeat(32)}`] });
    const one = await raw(emu, 'GET', `/documents?documentId=${String(first.documentId)}`);
    expect((one.body.documents as { documentId: string }[]).map((d) => d.documentId)).toEqual([first.documentId]);
    expect((await raw(emu, 'GET', '/documents?sortBy=name')).status).toBe(400);

    const patched = await raw(emu, 'PATCH', `/documents/${String(first.documentId)}`, {
      body: { name: 'renamed', metadata: { a: 1 }, groundTruth: [{ label: 'total', value: 12.5, pages: [0], confidence: 0.9 }] },
    });
    expect(checkAnswer('Document', patched.body)).toBeUndefined();
    expect(patched.body).toMatchObject({ name: 'renamed', metadata: { a: 1 }, fileUrl: first.fileUrl });
    const cleared = await raw(emu, 'PATCH', `/documents/${String(first.documentId)}`, { body: { groundTruth: null } });
    expect(checkAnswer('Document', cleared.body)).toBeUndefined();
    expect(cleared.body).not.toHaveProperty('groundTruth');

    const deleted = await raw(emu, 'DELETE', `/documents/${String(second.documentId)}`);
    expect(checkAnswer('Document', deleted.body)).toBeUndefined();
    expect((await file(emu, 'GET', second.fileUrl as string)).status).toBe(404);
    const deletedMany = await raw(emu, 'DELETE', `/documents?datasetId=${datasetId}`);
    expect(checkAnswer('Documents', deletedMany.body)).toBeUndefined();
    expect((deletedMany.body.documents as unknown[]).length).toBe(1);
  });
});

describe('what the file server refuses', () => {
  test('no token or a token it never handed out: 401 Unauthorized, nothing stored', async () => {
    const doc = await createDocument();
    for (const token of [null, 'not-a-token']) {
      for (const method of ['PUT', 'GET']) {
        const refused = await file(emu, method, doc.fileUrl as string, { token, body: method === 'PUT' ? PDF : undefined });
        expect([method, token, refused.status, refused.type]).toEqual([method, token, 401, 'application/json']);
        expect(messageOf(refused.bytes)).toBe('Unauthorized');
        expect(refused.headers.get('access-control-allow-origin')).toBe('*');
      }
    }
    expect((await raw(emu, 'GET', `/documents/${String(doc.documentId)}`)).body).not.toHaveProperty('contentType');
  });

  test('a token of a revoked sign-in or an expired one: 401 in the API\'s words, nothing stored', async () => {
    const doc = await createDocument();
    const { store } = internals.get(emu) as NonNullable<ReturnType<typeof internals.get>>;
    const appClientId = store.meta.defaultAppClientId as string;
    store.tokens.set('revoked-token', { appClientId, expiresAt: store.clock.now() + 60_000, revoked: true } as Parameters<typeof store.tokens.set>[1]);
    store.tokens.set('expired-token', { appClientId, expiresAt: store.clock.now() - 1 });
    for (const [token, message] of [['revoked-token', 'The incoming token has been revoked'], ['expired-token', 'The incoming token has expired']]) {
      const refused = await file(emu, 'PUT', doc.fileUrl as string, { token, body: PDF });
      expect([token, refused.status, messageOf(refused.bytes)]).toEqual([token, 401, message]);
    }
    // The expired one is forgotten, as the API's check forgets it.
    expect(store.tokens.get('expired-token')).toBeUndefined();
    expect((await raw(emu, 'GET', `/documents/${String(doc.documentId)}`)).body).not.toHaveProperty('contentMD5');
  });

  test('GET before any PUT is a 404 saying so; an unknown file id, a traversal, another path: 404', async () => {
    const doc = await createDocument();
    const early = await file(emu, 'GET', doc.fileUrl as string);
    expect(early.status).toBe(404);
    expect(messageOf(early.bytes)).toMatch(/no content yet/);
    const origin = new URL(doc.fileUrl as string).origin;
    for (const target of [`/files/${'a'.repeat(32)}`, '/files/', '/files/..%2f..%2fv1%2fdocuments', `/files/${String(doc.documentId)}`, '/files/../v1/documents']) {
      const refused = await file(emu, 'PUT', `${origin}${target}`, { body: PDF });
      // fetch folds `/files/../v1` into /v1/documents: the API's own 403 for PUT.
      expect([target, refused.status]).toEqual([target, target === '/files/../v1/documents' ? 403 : 404]);
    }
  });

  test('an empty body, bytes of no document type and a GIF are refused; the document keeps what it had', async () => {
    const doc = await createDocument();
    await file(emu, 'PUT', doc.fileUrl as string, { body: PDF });
    const empty = await file(emu, 'PUT', doc.fileUrl as string, { body: new Uint8Array() });
    expect(empty.status).toBe(400);
    for (const body of [Buffer.from('hello, not a document'), Buffer.from('GIF89a\x01\x00\x01\x00')]) {
      const refused = await file(emu, 'PUT', doc.fileUrl as string, { body });
      expect(refused.status).toBe(415);
      expect(messageOf(refused.bytes)).toMatch(/application\/pdf, image\/jpeg, image\/png, image\/tiff, image\/webp/);
    }
    const kept = await file(emu, 'GET', doc.fileUrl as string);
    expect(kept.bytes.equals(PDF)).toBe(true);
  });

  test('a body over 64 MiB: 413 at once when declared, 413 once a stream passes it (the rest read and dropped, no broken pipe)', async () => {
    const doc = await createDocument();
    const url = new URL(doc.fileUrl as string);
    const token = await emu.credentials.getAccessToken();
    const declared = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      // Declares 1 GiB and sends nothing: the answer cannot wait for the body.
      const req = http.request(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-length': String(2 ** 30) } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ message: expect.stringMatching(/64 MiB/) as unknown });

    const streamed = await new Promise<number>((resolve, reject) => {
      const req = http.request(url, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x25);
      let sent = 0;
      const pump = () => {
        while (sent < 80 && req.write(chunk)) sent += 1;
        if (sent < 80) req.once('drain', () => ((sent += 1), pump()));
        else req.end();
      };
      pump();
      setTimeout(() => reject(new Error('no answer')), 60_000).unref();
    });
    expect(streamed).toBe(413);
    expect((await file(emu, 'GET', doc.fileUrl as string)).status).toBe(404);
  });

  test('OPTIONS answers the preflight of PUT with the API CORS headers; other methods are 405', async () => {
    const doc = await createDocument();
    const preflight = await file(emu, 'OPTIONS', doc.fileUrl as string, { token: null, headers: { origin: 'http://app.example' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://app.example');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    expect((await file(emu, 'DELETE', doc.fileUrl as string)).status).toBe(405);
  });
});

describe('with a data directory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-files-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('bytes put on the file server survive a restart, at the new port of its fileUrl', async () => {
    const first = await startEmulator({ apiVersion: '2024-11-29', dataDir: dir });
    const image = await png(8, 6);
    let documentId: string;
    try {
      const created = await raw(first, 'POST', '/documents', { body: {} });
      documentId = String(created.body.documentId);
      expect((await file(first, 'PUT', String(created.body.fileUrl), { body: image })).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startEmulator({ apiVersion: '2024-11-29', dataDir: dir });
    try {
      const got = await raw(second, 'GET', `/documents/${documentId}`);
      expect(got.body.fileUrl).toMatch(new RegExp(`^http://localhost:${new URL(second.url).port}/files/`));
      expect(got.body.contentType).toBe('image/png');
      const back = await file(second, 'GET', String(got.body.fileUrl));
      expect(back.bytes.equals(image)).toBe(true);
    } finally {
      await second.close();
    }
  });
});

test('with tls the fileUrl is https://localhost:<port>, which its certificate covers', async () => {
  const secure = await startEmulator({ apiVersion: '2024-11-29', tls: true });
  try {
    const trusting = fetchTrusting(readFileSync(secure.caFile as string, 'utf8'));
    const { clientId, clientSecret } = secure.credentials;
    const basic = Buffer.from(`${clientId}:${String(clientSecret)}`).toString('base64');
    const granted = await trusting(`${secure.url}/token?grant_type=client_credentials`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
    const authorization = `Bearer ${((await granted.json()) as { access_token: string }).access_token}`;
    const created = await trusting(`${secure.apiEndpoint}/documents`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: '{}' });
    const { fileUrl } = (await created.json()) as { fileUrl: string };
    expect(fileUrl).toMatch(new RegExp(`^https://localhost:${new URL(secure.url).port}/files/[0-9a-f]{32}$`));
    expect((await trusting(fileUrl, { method: 'PUT', headers: { authorization }, body: PDF })).status).toBe(200);
    const back = await trusting(fileUrl, { headers: { authorization } });
    expect(Buffer.from(await back.arrayBuffer()).equals(PDF)).toBe(true);
  } finally {
    await secure.close();
  }
});
