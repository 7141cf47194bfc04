/**
 * `datasets create-documents` and `datasets get-documents` with real files: 200 small PDFs
 * (the example invoice, each with its own bytes after %%EOF) and 3 bad files, uploaded, uploaded
 * again, downloaded, downloaded again, and an upload stopped by its signal part-way.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from '../../../src/las.js';
import { PDF } from '../../emulator/test/helpers.js';
import { cli, emulatorEnv, feed, json, useTempDir } from './helpers.js';

let emu: Emulator;
let las: Las;
const tmp = useTempDir();
const env = () => emulatorEnv(emu, tmp.path);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const variant = (i: number) => Buffer.concat([PDF, Buffer.from(`\n% copy ${i}\n`)]);

interface UploadReportJson {
  total: number;
  uploaded: { path: string; documentId: string }[];
  skipped: { path: string }[];
  failures: { path: string; reason: string }[];
  aborted: boolean;
}

let source: string;
let datasetId: string;
const BAD = ['bad-empty.pdf', 'bad-ground-truth.pdf', 'bad-text.pdf'];

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  source = join(tmp.path, 'source');
  mkdirSync(join(source, 'nested'), { recursive: true });
  for (let i = 0; i < 200; i++) {
    const file = join(source, i < 100 ? '' : 'nested', `invoice-${String(i).padStart(3, '0')}.pdf`);
    writeFileSync(file, variant(i));
    if (i % 10 === 0) writeFileSync(file.replace(/\.pdf$/, '.json'), JSON.stringify({ total: String(i) }));
  }
  writeFileSync(join(source, 'bad-empty.pdf'), '');
  writeFileSync(join(source, 'bad-text.pdf'), 'this is not a pdf');
  writeFileSync(join(source, 'bad-ground-truth.pdf'), variant(1000));
  writeFileSync(join(source, 'bad-ground-truth.json'), '{ broken');
  datasetId = (await las.datasets.create({ name: 'bulk' })).datasetId;
});
afterAll(async () => emu?.close());

test('create-documents uploads 200 files, lists exactly the 3 bad ones with their reasons, exits 1', async () => {
  const result = await cli(['datasets', 'create-documents', datasetId, source, '--concurrency', '4'], { env: env() });
  expect(result.code).toBe(1);
  const report = json<UploadReportJson>(result);
  expect(report.total).toBe(203);
  expect(report.uploaded).toHaveLength(200);
  expect(report.failures.map((f) => f.path).sort()).toEqual(BAD.map((name) => join(source, name)));
  expect(result.stderr).toContain('Uploaded 200 of 203 files');
  expect(result.stderr).toContain('0 already there, 3 failed');
  const failedLines = result.stderr.split('Failed (3):\n')[1].trimEnd().split('\n');
  expect(failedLines).toEqual([
    expect.stringMatching(new RegExp(`^  ${join(source, 'bad-empty.pdf')}: .*empty`)),
    expect.stringMatching(new RegExp(`^  ${join(source, 'bad-ground-truth.pdf')}: ground truth .*bad-ground-truth\\.json is not valid JSON`)),
    expect.stringMatching(new RegExp(`^  ${join(source, 'bad-text.pdf')}: .*not a pdf, jpeg, png or tiff`)),
  ]);
  // Off a terminal the progress is plain lines: no escape codes.
  expect(result.stderr).toMatch(/^0\/203 files .* 0 failed$/m);
  expect(result.stderr).toMatch(/^203\/203 files .* 3 failed$/m);
  expect(result.stderr).not.toContain('\x1b');

  const documents = await las.documents.list({ datasetId }).toArray();
  expect(documents).toHaveLength(200);
  const withTruth = documents.filter((d) => d.groundTruth?.length);
  expect(withTruth).toHaveLength(20);
});

test('create-documents again uploads nothing: every good file is already there', async () => {
  const result = await cli(['datasets', 'create-documents', datasetId, source], { env: env() });
  expect(result.code).toBe(1);
  const report = json<UploadReportJson>(result);
  expect(report.uploaded).toEqual([]);
  expect(report.skipped).toHaveLength(200);
  expect(report.failures).toHaveLength(3);
  expect(await las.documents.list({ datasetId }).toArray()).toHaveLength(200);
});

test('get-documents writes <id>.pdf and <id>.json for each document; again, it downloads nothing', async () => {
  const dir = join(tmp.path, 'download');
  const first = await cli(['datasets', 'get-documents', datasetId, dir, '-o', 'json'], { env: env() });
  expect(first).toMatchObject({ code: 0 });
  expect(json<{ downloaded: unknown[] }>(first).downloaded).toHaveLength(200);
  const files = readdirSync(dir).sort();
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(200);
  expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(20);
  expect(files.every((f) => /^las_document_[0-9a-f]+\.(pdf|json)$/.test(f))).toBe(true);
  // The bytes are the uploaded files', and the ground truth is the API's list.
  const uploaded = new Set(Array.from({ length: 200 }, (_, i) => sha(variant(i))));
  expect(new Set(files.filter((f) => f.endsWith('.pdf')).map((f) => sha(readFileSync(join(dir, f)))))).toEqual(uploaded);
  const truth = JSON.parse(readFileSync(join(dir, files.find((f) => f.endsWith('.json'))!), 'utf8'));
  expect(truth).toEqual([{ label: 'total', value: expect.stringMatching(/^\d*0$/) }]);

  const mtimes = files.map((f) => statSync(join(dir, f)).mtimeMs);
  const again = await cli(['datasets', 'get-documents', datasetId, dir, '-o', 'json'], { env: env() });
  expect(again.code).toBe(0);
  const report = json<{ downloaded: unknown[]; skipped: string[] }>(again);
  expect(report.downloaded).toEqual([]);
  expect(report.skipped).toHaveLength(200);
  expect(files.map((f) => statSync(join(dir, f)).mtimeMs)).toEqual(mtimes);
  expect(again.stderr).toContain('Downloaded 0 of 200 documents');
});

test('an interrupted upload sends nothing more (not the file being read), reports what it did, and exits 130', async () => {
  const dir = join(tmp.path, 'slow');
  mkdirSync(dir);
  for (let i = 0; i < 20; i++) writeFileSync(join(dir, `a-${String(i).padStart(2, '0')}.pdf`), variant(2000 + i));
  // The 6th file is a pipe: reading it waits until the test writes, so the abort comes while it is read.
  const pipe = join(dir, 'a-05.pdf');
  execFileSync('rm', [pipe]);
  execFileSync('mkfifo', [pipe]);
  const dataset = (await las.datasets.create({})).datasetId;
  const controller = new AbortController();
  const running = cli(['datasets', 'create-documents', dataset, dir, '--concurrency', '1', '--no-resume'], { env: env(), signal: controller.signal });
  for (let tries = 0; (await las.documents.list({ datasetId: dataset }).toArray()).length < 5; tries++) {
    if (tries > 500) throw new Error('the first 5 files were not uploaded');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  controller.abort();
  await feed(pipe, variant(2005));
  const result = await running;
  expect(result.code).toBe(130);
  const report = json<UploadReportJson>(result);
  expect(report).toMatchObject({ total: 20, aborted: true, failures: [] });
  expect(report.uploaded).toHaveLength(5);
  expect(result.stderr).toContain('Uploaded 5 of 20 files');
  expect(result.stderr).toContain('15 not tried (interrupted)');
  expect(await las.documents.list({ datasetId: dataset }).toArray()).toHaveLength(5);
});


test.each([1, 8])('at concurrency %i, two files with the same bytes and different ground truth are two documents; a re-run skips both', async (concurrency) => {
  const dir = join(tmp.path, `twins-${concurrency}`);
  mkdirSync(dir);
  for (const [name, total] of [['a', '1'], ['b', '2']]) {
    writeFileSync(join(dir, `${name}.pdf`), variant(3000));
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ total }));
  }
  const dataset = (await las.datasets.create({})).datasetId;
  const argv = ['datasets', 'create-documents', dataset, dir, '--concurrency', String(concurrency)];
  const first = await cli(argv, { env: env() });
  expect(first.code).toBe(0);
  expect(json<UploadReportJson>(first)).toMatchObject({ uploaded: [{}, {}], skipped: [] });
  const truths = (await las.documents.list({ datasetId: dataset }).toArray()).map((d) => d.groundTruth?.[0]?.value).sort();
  expect(truths).toEqual(['1', '2']);
  const again = await cli(argv, { env: env() });
  expect(json<UploadReportJson>(again)).toMatchObject({ uploaded: [], skipped: [{}, {}] });
  expect(await las.documents.list({ datasetId: dataset }).toArray()).toHaveLength(2);
});
