/** downloadDocuments: a dataset's documents into a folder, written atomically, re-runs skip what is there. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadDocuments, type DownloadProgress } from '../../src/jobs/download-documents.js';
import { ValidationError } from '../../src/errors.js';
import type { DownloadProgress as PublicDownloadProgress, DownloadReport } from '../../src/index.js';
import { PDF, useEmulator } from '../../packages/emulator/test/helpers.js';

/** The file name of a document without extension: its id with ':' made '_'. */
const stem = (id: string) => id.replaceAll(':', '_');

const t = useEmulator();
let dir: string;
let datasetId: string;
const ids: string[] = [];
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

beforeAll(async () => {
  datasetId = (await t.las.datasets.create({})).datasetId;
  ids.push((await t.las.documents.create(PDF, { datasetId, groundTruth: [{ label: 'total', value: '1' }] })).documentId);
  ids.push((await t.las.documents.create(JPEG, { datasetId })).documentId);
  await t.las.documents.create(PDF); // in no dataset: not downloaded
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'las-download-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writes <id>.<ext> with the content and <id>.json with the ground truth; reports and tells progress', async () => {
  const listed: number[] = [];
  const progress: DownloadProgress[] = [];
  const report = await downloadDocuments(t.las.documents, datasetId, join(dir, 'new'), { onListed: (n) => listed.push(n), onProgress: (p) => progress.push(p) });
  const folder = join(dir, 'new');
  expect(readdirSync(folder).sort()).toEqual([`${stem(ids[0])}.json`, `${stem(ids[0])}.pdf`, `${stem(ids[1])}.jpg`].sort());
  expect(readFileSync(join(folder, `${stem(ids[0])}.pdf`))).toEqual(PDF);
  expect(readFileSync(join(folder, `${stem(ids[1])}.jpg`))).toEqual(JPEG);
  expect(JSON.parse(readFileSync(join(folder, `${stem(ids[0])}.json`), 'utf8'))).toEqual([{ label: 'total', value: '1' }]);
  expect(report).toMatchObject({ datasetId, total: 2, skipped: [], failures: [], bytes: PDF.length + JPEG.length, aborted: false });
  expect(report.downloaded.map((d) => d.documentId).sort()).toEqual([...ids].sort());
  expect(listed).toEqual([2]);
  expect(progress.map((p) => p.done)).toEqual([1, 2]);
  expect(progress[1]).toMatchObject({ total: 2, downloaded: 2, failed: 0, outcome: 'downloaded' });
});

test('a second run skips documents whose files are there, and fetches one whose ground truth is missing', async () => {
  await downloadDocuments(t.las.documents, datasetId, dir);
  rmSync(join(dir, `${stem(ids[0])}.json`));
  const report = await downloadDocuments(t.las.documents, datasetId, dir);
  expect(report.skipped).toEqual([ids[1]]);
  expect(report.downloaded.map((d) => d.documentId)).toEqual([ids[0]]);
  expect(readdirSync(dir)).toContain(`${stem(ids[0])}.json`);
  const third = await downloadDocuments(t.las.documents, datasetId, dir);
  expect(third.downloaded).toEqual([]);
  expect(third.skipped.sort()).toEqual([...ids].sort());
});

test('a document that cannot be written is a failure; the rest go on and no temporary file is left', async () => {
  // A folder under the final name: the rename onto it fails.
  mkdirSync(join(dir, `${stem(ids[1])}.jpg`));
  const report = await downloadDocuments(t.las.documents, datasetId, dir);
  expect(report.failures).toEqual([{ documentId: ids[1], reason: expect.stringContaining(`could not write ${join(dir, `${stem(ids[1])}.jpg`)}`), error: expect.anything() }]);
  expect(report.downloaded.map((d) => d.documentId)).toEqual([ids[0]]);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('an aborted signal starts nothing, not even the listing: aborted, nothing written', async () => {
  const report = await downloadDocuments(t.las.documents, datasetId, dir, { signal: AbortSignal.abort() });
  expect(report).toMatchObject({ total: 0, downloaded: [], aborted: true });
  expect(readdirSync(dir)).toEqual([]);
});

test('a bad dataset id or concurrency is a ValidationError before any request', async () => {
  await expect(downloadDocuments(t.las.documents, 'dataset-1', dir)).rejects.toThrow(ValidationError);
  await expect(downloadDocuments(t.las.documents, datasetId, dir, { concurrency: 0 })).rejects.toThrow(/^downloadDocuments: concurrency must be a whole number >= 1$/);
});

describe('dataset.downloadDocuments (the SDK entry)', () => {
  test('downloads the dataset into dir, as downloadDocuments does, with its options and report', async () => {
    const progress: PublicDownloadProgress[] = [];
    const report: DownloadReport = await t.las.datasets.ref(datasetId).downloadDocuments(dir, { concurrency: 1, onProgress: (p) => progress.push(p) });
    expect(readdirSync(dir).sort()).toEqual([`${stem(ids[0])}.json`, `${stem(ids[0])}.pdf`, `${stem(ids[1])}.jpg`].sort());
    expect(readFileSync(join(dir, `${stem(ids[0])}.pdf`))).toEqual(PDF);
    expect(report).toMatchObject({ datasetId, total: 2, skipped: [], failures: [], aborted: false });
    expect(progress.map((p) => p.done)).toEqual([1, 2]);
    const again = await t.las.datasets.ref(datasetId).downloadDocuments(dir);
    expect(again.skipped.sort()).toEqual([...ids].sort());
  });

  test('bad options or no folder are a ValidationError before any request, naming the option', async () => {
    const dataset = t.las.datasets.ref(datasetId);
    await expect(dataset.downloadDocuments(dir, { concurrency: '4' as never })).rejects.toThrow('dataset.downloadDocuments: concurrency: must be a number; nothing was sent');
    await expect(dataset.downloadDocuments(dir, { onProgess: () => 1 } as never)).rejects.toThrow('dataset.downloadDocuments: onProgess: is not a known property; nothing was sent');
    await expect(dataset.downloadDocuments(undefined as never)).rejects.toThrow('dataset.downloadDocuments: dir must be the path of a folder; nothing was sent');
    await expect(dataset.downloadDocuments(dir, { signal: 'stop' as never })).rejects.toThrow(ValidationError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
