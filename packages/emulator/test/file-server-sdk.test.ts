/**
 * The SDK's documents against the emulator under each API version: under 2024-11-29 small content
 * goes inline, large content through the file server (POST, then PUT fileUrl), `document.bytes()`
 * reads the file server (transformed with page/rotation); under 2021-09-23 nothing of it is used.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Jimp } from 'jimp';
import { startEmulator, type Emulator } from '../src/index.js';
import { internals } from '../src/internals.js';
import { Las } from '../../../src/las.js';
import { IncompleteDocumentError } from '../../../src/errors.js';
import { PDF } from './helpers.js';

/** A PNG with noise, `width` by `height`: large when both are (noise does not compress). */
async function noisyPng(width: number, height: number): Promise<Buffer> {
  const image = new Jimp({ width, height });
  image.bitmap.data.set(randomBytes(image.bitmap.data.length));
  return await image.getBuffer('image/png');
}

/** An emulator of `apiVersion` whose request lines a test reads, and the SDK on it. */
function useLoggedEmulator(apiVersion: '2021-09-23' | '2024-11-29') {
  const fixture = { lines: [] as string[] } as { emu: Emulator; las: Las; lines: string[] };
  beforeAll(async () => {
    fixture.emu = await startEmulator({ apiVersion, log: (line) => fixture.lines.push(line) });
    fixture.las = new Las({ credentials: fixture.emu.credentials, apiVersion, maxRetries: 0 });
  });
  afterAll(async () => {
    await fixture.emu.close();
  });
  beforeEach(() => {
    fixture.lines.length = 0;
  });
  return fixture;
}

/** The method and path of each request line (`PUT /files/<id> -> 200 (3 ms)` is `PUT /files -> 200`). */
function requests(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/^(\w+) (\/[a-z0-9]+)[^ ]* -> (\d+).*$/i, '$1 $2 -> $3')).filter((line) => !line.startsWith('POST /token'));
}

describe('under 2024-11-29', () => {
  const t = useLoggedEmulator('2024-11-29');

  test('small content goes inline in one POST; bytes() answers it', async () => {
    const document = await t.las.documents.create(PDF, { name: 'invoice', metadata: { from: 'test' } });
    expect(requests(t.lines)).toEqual(['POST /v1 -> 200']);
    expect(document).toMatchObject({ contentType: 'application/pdf', name: 'invoice', metadata: { from: 'test' } });
    expect(Buffer.from(await document.bytes()).equals(PDF)).toBe(true);
  });

  test('content over 256 KiB goes POST then PUT to fileUrl; bytes() reads the file server, page/rotation turn it', async () => {
    const image = await noisyPng(400, 300);
    expect(image.length).toBeGreaterThan(256 * 1024);
    const document = await t.las.documents.create(image);
    expect(requests(t.lines)).toEqual(['POST /v1 -> 200', 'PUT /files -> 200']);
    const fetched = await t.las.documents.get(document.documentId);
    expect(fetched).toMatchObject({ contentType: 'image/png' });
    t.lines.length = 0;
    // The POST's answer holds no content: its bytes come from the file server.
    expect(Buffer.from(await document.bytes()).equals(image)).toBe(true);
    const turned = await Jimp.fromBuffer(Buffer.from(await fetched.bytes({ page: 0, rotation: 90 })));
    expect([turned.width, turned.height]).toEqual([300, 400]);
    expect(requests(t.lines)).toEqual(['GET /files -> 200', 'GET /files -> 200']);
  });

  test('a PUT the file server refuses is an IncompleteDocumentError naming the document, which exists without content', async () => {
    // Said to be a PNG, but of no type: the file server reads the type from the bytes.
    const bytes = randomBytes(300 * 1024);
    const error = (await t.las.documents.create(bytes, { contentType: 'image/png' }).catch((e: unknown) => e)) as IncompleteDocumentError;
    expect(error).toBeInstanceOf(IncompleteDocumentError);
    expect(error.documentId).toMatch(/^las:document:[0-9a-f]{32}$/);
    expect(error.message).toMatch(/415/);
    expect(requests(t.lines)).toEqual(['POST /v1 -> 200', 'PUT /files -> 415']);
    const left = await t.las.documents.get(error.documentId);
    expect(left).not.toHaveProperty('contentMD5');
  });

  test('a fault a test emulator plays on the PUT (its hooks) is an IncompleteDocumentError too; a dropped GET a network failure', async () => {
    const { hooks } = internals.get(t.emu) as NonNullable<ReturnType<typeof internals.get>>;
    const image = await noisyPng(400, 300);
    hooks.fault = async (method, pathname) => (method === 'PUT' && pathname.startsWith('/files/') ? { status: 503, body: { message: 'Slow down' } } : undefined);
    try {
      const error = (await t.las.documents.create(image).catch((e: unknown) => e)) as IncompleteDocumentError;
      expect(error).toBeInstanceOf(IncompleteDocumentError);
      expect(error.message).toMatch(/503/);
      hooks.fault = async () => undefined;
      const document = await t.las.documents.create(image);
      hooks.fault = async (method, pathname) => (method === 'GET' && pathname.startsWith('/files/') ? 'drop' : undefined);
      await expect(document.bytes()).rejects.toThrow(/GET http:\/\/localhost:\d+\/files\//);
    } finally {
      delete hooks.fault;
    }
  });

  test('dataset.uploadDocuments and downloadDocuments go through the file server for large content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'las-files-sdk-'));
    try {
      const large = await noisyPng(400, 300);
      const source = path.join(dir, 'in');
      const target = path.join(dir, 'out');
      mkdirSync(source);
      writeFileSync(path.join(source, 'small.pdf'), PDF);
      writeFileSync(path.join(source, 'large.png'), large);
      const dataset = await t.las.datasets.create({ name: 'files' });
      const uploaded = await dataset.uploadDocuments(source);
      expect(uploaded).toMatchObject({ failures: [] });
      expect(requests(t.lines).filter((line) => line.startsWith('PUT'))).toEqual(['PUT /files -> 200']);
      const downloaded = await dataset.downloadDocuments(target);
      expect(downloaded).toMatchObject({ failures: [] });
      const files = readdirSync(target).map((name) => readFileSync(path.join(target, name)));
      expect(files.filter((bytes) => bytes.equals(PDF) || bytes.equals(large))).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('under 2021-09-23 nothing of the file server is used', () => {
  const t = useLoggedEmulator('2021-09-23');

  test('create, bytes, uploadDocuments and downloadDocuments: inline content only, no fileUrl', async () => {
    const document = await t.las.documents.create(PDF);
    expect(JSON.parse(JSON.stringify(document))).not.toHaveProperty('fileUrl');
    expect(Buffer.from(await document.bytes()).equals(PDF)).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), 'las-files-sdk-'));
    try {
      mkdirSync(path.join(dir, 'in'));
      writeFileSync(path.join(dir, 'in', 'a.pdf'), PDF);
      const dataset = await t.las.datasets.create({ name: 'inline' });
      expect(await dataset.uploadDocuments(path.join(dir, 'in'))).toMatchObject({ failures: [] });
      expect(await dataset.downloadDocuments(path.join(dir, 'out'))).toMatchObject({ failures: [] });
      expect(readdirSync(path.join(dir, 'out')).map((name) => readFileSync(path.join(dir, 'out', name)).equals(PDF))).toContain(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(requests(t.lines).some((line) => line.includes('/files'))).toBe(false);
  });

  test('there is no file server: its paths answer as any path the API does not have', async () => {
    const authorization = `Bearer ${await t.emu.credentials.getAccessToken()}`;
    const answer = await fetch(`${t.emu.url}/files/${'a'.repeat(32)}`, { method: 'PUT', headers: { authorization }, body: PDF });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toEqual({ message: 'Missing Authentication Token' });
  });
});
