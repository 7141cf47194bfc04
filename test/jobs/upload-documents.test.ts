import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Las } from '../../src/las.js';
import { ContentError, PartialFailureError, ValidationError } from '../../src/errors.js';
import type { UploadProgress } from '../../src/jobs/upload-types.js';
import { serverCredentials, startServer, type RecordedRequest, type Reply, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

const DATASET = 'las:dataset:0123456789abcdef0123456789abcdef';
const hex = (n: number) => n.toString(16).padStart(32, '0');
const MAGIC: Record<string, Buffer> = {
  pdf: Buffer.from('%PDF-1.7\n'),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  tif: Buffer.from([0x49, 0x49, 0x2a, 0x00]),
};
const TYPES: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', tif: 'image/tiff' };

interface Uploaded {
  documentId: string;
  datasetId?: string;
  contentType: string;
  content: Buffer;
  groundTruth?: unknown;
}

/**
 * POST /documents and GET /documents on the test server. Uploads are counted while in flight, and
 * the first ones are held until `gate` are in flight at once: a test sees the client reach its
 * concurrency however slow the machine, rather than hoping uploads overlap. A client that never
 * gets there is let go after 5 s, and the test's count then shows it.
 */
class FakeDocumentsApi {
  readonly documents: Uploaded[] = [];
  inFlight = 0;
  maxInFlight = 0;
  posts = 0;
  gate = 1;
  readonly #held: (() => void)[] = [];
  override: (request: RecordedRequest, body: Record<string, unknown>) => Reply | undefined = () => undefined;

  constructor(server: TestServer) {
    server.handle(async (request) => this.#answer(request));
  }

  async #answer(request: RecordedRequest): Promise<Reply> {
    if (request.method === 'GET' && request.path === '/v1/documents') {
      const datasetId = request.query.get('datasetId');
      const start = Number(request.query.get('nextToken') ?? 0);
      const matching = this.documents.filter((d) => d.datasetId === datasetId);
      const page = matching.slice(start, start + 100);
      return {
        body: {
          documents: page.map((d) => this.#data(d)),
          nextToken: start + 100 < matching.length ? String(start + 100) : null,
        },
      };
    }
    if (request.method !== 'POST' || request.path !== '/v1/documents') return { status: 404, body: { message: 'Not Found' } };
    this.posts++;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    try {
      if (this.maxInFlight >= this.gate) for (const release of this.#held.splice(0)) release();
      else {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 5000);
          this.#held.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      const body = JSON.parse(request.body) as Record<string, unknown>;
      const overridden = this.override(request, body);
      if (overridden) return overridden;
      const document: Uploaded = {
        documentId: `las:document:${hex(this.documents.length + 1)}`,
        datasetId: body.datasetId as string,
        contentType: body.contentType as string,
        content: Buffer.from(body.content as string, 'base64'),
        ...(body.groundTruth !== undefined && { groundTruth: body.groundTruth }),
      };
      this.documents.push(document);
      return { body: this.#data(document) };
    } finally {
      this.inFlight--;
    }
  }

  #data(d: Uploaded) {
    return {
      documentId: d.documentId,
      datasetId: d.datasetId,
      contentType: d.contentType,
      ...(d.groundTruth !== undefined && { groundTruth: d.groundTruth }),
      retentionInDays: 1825,
      createdBy: 'las:app-client:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      createdTime: '2021-09-23T08:42:38Z',
      updatedBy: null,
      updatedTime: null,
    };
  }
}

let server: TestServer;
let fake: FakeDocumentsApi;
let las: Las;
let dir: string;

beforeEach(async () => {
  server = await startServer();
  fake = new FakeDocumentsApi(server);
  las = new Las({
    credentials: serverCredentials(server),
    maxRetries: 0,
  });
  dir = mkdtempSync(join(tmpdir(), 'las-upload-test-'));
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes a document of kind `ext` with content unique to `n`; returns its path. */
function writeDocument(folder: string, name: string, n: number): string {
  const ext = name.split('.').pop()!;
  const file = join(folder, name);
  writeFileSync(file, Buffer.concat([MAGIC[ext], Buffer.from(`document ${n} `.repeat(20 + (n % 7)))]));
  return file;
}

/**
 * 200 files in `folder` (some in a subfolder): 197 documents of four types, ground truth beside
 * every tenth, and three that cannot be uploaded: a dangling link, a text file, an empty file.
 */
function makeFolder(folder: string): { documents: string[]; bad: string[] } {
  mkdirSync(join(folder, 'more'), { recursive: true });
  const exts = ['pdf', 'png', 'jpg', 'tif'];
  const documents: string[] = [];
  for (let n = 0; n < 197; n++) {
    const name = `doc-${String(n).padStart(3, '0')}.${exts[n % 4]}`;
    const file = writeDocument(n < 150 ? folder : join(folder, 'more'), name, n);
    documents.push(file);
    if (n % 20 === 0) writeFileSync(`${file.replace(/\.\w+$/, '')}.json`, JSON.stringify({ total_amount: `${n}.00`, paid: n % 40 === 0, items: n }));
    else if (n % 10 === 0) writeFileSync(`${file}.json`, JSON.stringify([{ label: 'total_amount', value: `${n}.50` }]));
  }
  const bad = [join(folder, 'broken.pdf'), join(folder, 'notes.txt'), join(folder, 'more', 'empty.png')];
  symlinkSync(join(folder, 'does-not-exist.pdf'), bad[0]);
  writeFileSync(bad[1], 'remember to buy milk\n');
  writeFileSync(bad[2], '');
  writeFileSync(join(folder, '.DS_Store'), 'not a document');
  return { documents, bad };
}

describe('dataset.uploadDocuments', () => {
  test('200 files at concurrency 4: the 3 bad ones reported with their reasons, the 197 others uploaded', async () => {
    const { documents, bad } = makeFolder(dir);
    const progress: UploadProgress[] = [];
    fake.gate = 4;

    const report = await las.datasets.ref(DATASET).uploadDocuments(dir, { concurrency: 4, onProgress: (p) => progress.push(p) });

    expect(report.total).toBe(200);
    expect(report.uploaded).toHaveLength(197);
    expect(report.skipped).toEqual([]);
    expect(report.aborted).toBe(false);
    expect(report.failures.map((f) => f.path).sort()).toEqual([...bad].sort());
    const reason = (path: string) => report.failures.find((f) => f.path === path)!.reason;
    expect(reason(bad[0])).toMatch(/could not read file ".*broken\.pdf": no such file or directory \(ENOENT\)/);
    expect(reason(bad[1])).toMatch(/notes\.txt is not a pdf, jpeg, png or tiff document/);
    expect(reason(bad[2])).toMatch(/empty\.png" is empty/);
    expect(report.failures.every((f) => f.error instanceof ContentError)).toBe(true);

    // Each document arrived once, in the dataset, with its type, its exact bytes and its ground truth.
    expect(fake.posts).toBe(197);
    expect(fake.documents).toHaveLength(197);
    const byId = new Map(fake.documents.map((d) => [d.documentId, d]));
    for (const u of report.uploaded) {
      const sent = byId.get(u.documentId)!;
      expect(sent.datasetId).toBe(DATASET);
      expect(sent.content.equals(readFileSync(u.path))).toBe(true);
      expect(sent.contentType).toBe(TYPES[u.path.split('.').pop()!]);
      const n = Number(/doc-(\d+)/.exec(u.path)![1]);
      if (n % 20 === 0) {
        expect(sent.groundTruth).toEqual([
          { label: 'total_amount', value: `${n}.00` },
          { label: 'paid', value: n % 40 === 0 },
          { label: 'items', value: String(n) },
        ]);
      } else if (n % 10 === 0) expect(sent.groundTruth).toEqual([{ label: 'total_amount', value: `${n}.50` }]);
      else expect(sent.groundTruth).toBeUndefined();
    }
    expect(new Set(report.uploaded.map((u) => u.path))).toEqual(new Set(documents));

    // Never more than 4 documents under way; and 4 were (the gate waits for them).
    expect(fake.maxInFlight).toBe(4);

    // One progress event per file, counting up to the totals.
    expect(progress).toHaveLength(200);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const bytes = documents.reduce((sum, file) => sum + readFileSync(file).byteLength, 0);
    expect(progress.at(-1)).toMatchObject({ total: 200, done: 200, uploaded: 197, skipped: 0, failed: 3, bytes });
    expect(report.bytes).toBe(bytes);
  });

  test.each([1, 16])('concurrency %i: never more documents under way, and that many at once', async (concurrency) => {
    for (let n = 0; n < 40; n++) writeDocument(dir, `d${n}.pdf`, n);
    fake.gate = concurrency;
    const report = await las.datasets.ref(DATASET).uploadDocuments(dir, { concurrency });
    expect(report.uploaded).toHaveLength(40);
    // Never more than `concurrency` under way; and that many were (the gate waits for them).
    expect(fake.maxInFlight).toBe(concurrency);
  });

  test('resume: a re-run uploads nothing already there, only what is new', async () => {
    const cacheDir = join(dir, 'cache');
    const source = join(dir, 'docs');
    mkdirSync(source);
    makeFolder(source);
    const first = await las.datasets.ref(DATASET).uploadDocuments(source, { concurrency: 4, resume: { cacheDir } });
    expect(first.uploaded).toHaveLength(197);
    expect(first.manifest).toBe(join(cacheDir, 'las_dataset_0123456789abcdef0123456789abcdef.jsonl'));
    // A line before each send, and one with the document id after the answer.
    const lines = readFileSync(first.manifest!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { pending?: boolean; documentId?: string });
    expect(lines.filter((line) => line.documentId)).toHaveLength(197);
    expect(lines.filter((line) => line.pending)).toHaveLength(197);

    const added = [writeDocument(source, 'new-1.pdf', 1001), writeDocument(source, 'new-2.png', 1002)];
    fake.posts = 0;
    const second = await las.datasets.ref(DATASET).uploadDocuments(source, { concurrency: 4, resume: { cacheDir } });

    expect(fake.posts).toBe(2);
    expect(second.uploaded.map((u) => u.path).sort()).toEqual(added.sort());
    expect(second.skipped).toHaveLength(197);
    const firstIds = new Map(first.uploaded.map((u) => [u.path, u.documentId]));
    for (const s of second.skipped) expect(s.documentId).toBe(firstIds.get(s.path));
    expect(second.failures).toHaveLength(3);
    // The dataset was listed to confirm the manifest (2 pages of 100).
    expect(server.requests.filter((r) => r.method === 'GET' && r.path === '/v1/documents')).toHaveLength(2);
    // No content is in the dataset twice.
    const contents = new Set(fake.documents.map((d) => d.content.toString('base64')));
    expect(contents.size).toBe(fake.documents.length);
  });

  test('resume after an interrupted run uploads exactly the rest', async () => {
    const cacheDir = join(dir, 'cache');
    const source = join(dir, 'docs');
    mkdirSync(source);
    for (let n = 0; n < 60; n++) writeDocument(source, `d${String(n).padStart(2, '0')}.pdf`, n);
    const controller = new AbortController();
    const first = await las.datasets.ref(DATASET).uploadDocuments(source, {
      concurrency: 3,
      resume: { cacheDir },
      signal: controller.signal,
      onProgress: (p) => p.done === 20 && controller.abort(),
    });
    expect(first.aborted).toBe(true);
    expect(first.uploaded.length).toBeGreaterThanOrEqual(20);
    expect(first.uploaded.length).toBeLessThan(60);

    const second = await las.datasets.ref(DATASET).uploadDocuments(source, { concurrency: 3, resume: { cacheDir } });
    expect(second.aborted).toBe(false);
    expect(second.skipped).toHaveLength(first.uploaded.length);
    expect(second.uploaded).toHaveLength(60 - first.uploaded.length);
    // Uploads cut off by the abort are failures that say the API may have created them: resume
    // cannot know their ids, so it uploads them again. Every content is in the dataset.
    for (const failure of first.failures) expect(failure.error).toMatchObject({ name: 'AbortError', mayHaveBeenApplied: true });
    expect(fake.documents.length).toBeGreaterThanOrEqual(60);
    expect(fake.documents.length).toBeLessThanOrEqual(60 + first.failures.length);
    expect(new Set(fake.documents.map((d) => d.content.toString('base64'))).size).toBe(60);
  });

  test('resume re-uploads what the manifest lists but the dataset no longer holds, and skips a torn line', async () => {
    const cacheDir = join(dir, 'cache');
    const source = join(dir, 'docs');
    mkdirSync(source);
    for (let n = 0; n < 5; n++) writeDocument(source, `d${n}.pdf`, n);
    const first = await las.datasets.ref(DATASET).uploadDocuments(source, { resume: { cacheDir } });
    // Two documents deleted from the dataset; a crash left half a line at the end of the manifest.
    fake.documents.splice(0, 2);
    appendFileSync(first.manifest!, '{"sha256":"abc","documentI');

    const second = await las.datasets.ref(DATASET).uploadDocuments(source, { resume: { cacheDir } });
    expect(second.uploaded).toHaveLength(2);
    expect(second.skipped).toHaveLength(3);
  });

  test('without resume nothing is listed and nothing is written', async () => {
    writeDocument(dir, 'a.pdf', 1);
    const report = await las.datasets.ref(DATASET).uploadDocuments(dir);
    expect(report.manifest).toBeUndefined();
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1/documents']);
  });

  test('an iterable of paths: a folder among them, or a missing file, is reported and the rest go on', async () => {
    const a = writeDocument(dir, 'a.pdf', 1);
    const b = writeDocument(dir, 'b.jpg', 2);
    function* paths() {
      yield a;
      yield dir;
      yield join(dir, 'missing.pdf');
      yield b;
    }
    const report = await las.datasets.ref(DATASET).uploadDocuments(paths(), { concurrency: 2 });
    expect(report.uploaded.map((u) => u.path).sort()).toEqual([a, b]);
    expect(report.failures.map((f) => [f.path, f.reason])).toEqual(
      expect.arrayContaining([
        [dir, expect.stringMatching(/EISDIR/)],
        [join(dir, 'missing.pdf'), expect.stringMatching(/ENOENT/)],
      ]),
    );
  });

  test('a document the API refuses, or bad ground truth, fails alone', async () => {
    const files = [0, 1, 2, 3].map((n) => writeDocument(dir, `d${n}.pdf`, n));
    writeFileSync(join(dir, 'd2.json'), JSON.stringify({ 'total amount': '1.00' }));
    writeFileSync(join(dir, 'd3.json'), '{ not json');
    fake.override = (_request, body) =>
      Buffer.from(body.content as string, 'base64').includes('document 1 ') ? { status: 400, body: { message: 'Document is corrupt' } } : undefined;

    const report = await las.datasets.ref(DATASET).uploadDocuments(dir);

    expect(report.uploaded.map((u) => u.path)).toEqual([files[0]]);
    const reasons = Object.fromEntries(report.failures.map((f) => [f.path, f.reason]));
    expect(reasons[files[1]]).toMatch(/POST .*\/documents failed with 400: Document is corrupt/);
    expect(reasons[files[2]]).toMatch(/groundTruth\[0\]\.label/);
    expect(reasons[files[3]]).toMatch(/ground truth .*d3\.json is not valid JSON/);
    expect(report.failures.find((f) => f.path === files[2])!.error).toBeInstanceOf(ValidationError);
    expect(fake.posts).toBe(2);
  });

  test('an error every document would hit stops the upload with a PartialFailureError', async () => {
    for (let n = 0; n < 30; n++) writeDocument(dir, `d${String(n).padStart(2, '0')}.pdf`, n);
    // From d05 on (taken in path order) the credentials no longer work.
    fake.override = (_request, body) => {
      const n = Number(/document (\d+) /.exec(Buffer.from(body.content as string, 'base64').toString())![1]);
      return n >= 5 ? { status: 403, body: { message: 'Forbidden' } } : undefined;
    };
    const error = (await thrown(las.datasets
      .ref(DATASET)
      .uploadDocuments(dir, { concurrency: 2 }))) as PartialFailureError;
    expect(error).toBeInstanceOf(PartialFailureError);
    expect(error.completed).toBe(5);
    expect(error.message).toMatch(/stopped at .*: POST .* failed with 403: Forbidden\. 5 of 30 documents were uploaded, \d+ not tried/);
    // 5 uploaded, then at most 3 refused, each sent twice (the second time with a fresh token).
    expect(fake.posts).toBeLessThanOrEqual(5 + 3 * 2);
  });

  test('a document over the API’s bound fails alone, its size and the bound in bytes', async () => {
    writeDocument(dir, 'small.pdf', 1);
    writeFileSync(join(dir, 'large.pdf'), Buffer.concat([MAGIC.pdf, Buffer.alloc(4_687_501 - MAGIC.pdf.length)]));
    const report = await las.datasets.ref(DATASET).uploadDocuments(dir);
    expect(report.uploaded.map((u) => u.path)).toEqual([join(dir, 'small.pdf')]);
    expect(report.failures.map((f) => [f.path, f.reason])).toEqual([
      [join(dir, 'large.pdf'), `${join(dir, 'large.pdf')} is 4,687,501 bytes; the API takes at most 4,687,500 bytes (6,250,000 characters of base64)`],
    ]);
    expect(fake.posts).toBe(1);
  });

  test('a source that is not a folder or an iterable is refused', async () => {
    const file = writeDocument(dir, 'a.pdf', 1);
    const dataset = las.datasets.ref(DATASET);
    await expect(dataset.uploadDocuments(file)).rejects.toThrow(/is not a folder; pass a folder or an iterable of file paths/);
    await expect(dataset.uploadDocuments(join(dir, 'nope'))).rejects.toThrow(ContentError);
    await expect(dataset.uploadDocuments(42 as never)).rejects.toThrow(ValidationError);
    await expect(dataset.uploadDocuments([file, 7] as never)).rejects.toThrow(/every item of source must be a file path, got number/);
    await expect(dataset.uploadDocuments(dir, { concurrency: 0 })).rejects.toThrow(/^dataset\.uploadDocuments: concurrency must be a whole number >= 1$/);
    expect(server.requests).toHaveLength(0);
  });
});
