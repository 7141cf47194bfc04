/**
 * `las datasets create-documents` with a folder named every way a person types it (`./scans`,
 * `scans`, `./scans/`, `../x/scans`, absolute), run as a process from the folder it is relative to:
 * every file under it is uploaded or left out with its reason, none dropped without a word.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from 'las-sdk';
import { PDF } from '../../emulator/test/helpers.js';
import { emulatorEnv, useTempDir } from './helpers.js';
import { spawnLas } from './bin.js';

let emu: Emulator;
let las: Las;
const tmp = useTempDir();

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  const scans = join(tmp.path, 'x', 'scans');
  mkdirSync(join(scans, 'nested', 'deeper'), { recursive: true });
  mkdirSync(join(scans, '.git'));
  mkdirSync(join(tmp.path, 'y'));
  // 1.pdf … 9.pdf are what a path cut at the wrong place took for dot files.
  for (let i = 1; i <= 10; i++) writeFileSync(join(scans, `${i}.pdf`), Buffer.concat([PDF, Buffer.from(`% ${i}`)]));
  writeFileSync(join(scans, 'nested', '11.pdf'), Buffer.concat([PDF, Buffer.from('% 11')]));
  writeFileSync(join(scans, 'nested', 'deeper', '12.pdf'), Buffer.concat([PDF, Buffer.from('% 12')]));
  writeFileSync(join(scans, '1.json'), JSON.stringify({ total: '1' }));
  writeFileSync(join(scans, '.hidden.pdf'), PDF);
  writeFileSync(join(scans, '.git', 'HEAD.pdf'), PDF);
});
afterAll(async () => emu?.close());

interface Report {
  uploaded: { path: string }[];
  failures: unknown[];
  ignored: { path: string; reason: string }[];
}

test.each([
  ['./scans', 'x'],
  ['scans', 'x'],
  ['./scans/', 'x'],
  ['../x/scans', 'y'],
  ['<absolute>', 'y'],
])('%s (from %s/): the 12 documents are uploaded, the hidden file and folder and the ground truth are listed as left out', async (given, from) => {
  const folder = given === '<absolute>' ? join(tmp.path, 'x', 'scans') : given;
  const datasetId = (await las.datasets.create({})).datasetId;
  const run = spawnLas(['datasets', 'create-documents', datasetId, folder, '--no-resume'], emulatorEnv(emu, tmp.path), join(tmp.path, from));
  const code = await run.exited;
  expect({ code, stderr: run.stderr() }).toMatchObject({ code: 0 });
  const report = JSON.parse(run.stdout()) as Report;
  const names = report.uploaded.map((u) => u.path.slice(u.path.indexOf('scans') + 'scans/'.length)).sort();
  expect(names).toEqual(['1.pdf', '10.pdf', '2.pdf', '3.pdf', '4.pdf', '5.pdf', '6.pdf', '7.pdf', '8.pdf', '9.pdf', 'nested/11.pdf', 'nested/deeper/12.pdf'].sort());
  expect(report.failures).toEqual([]);
  expect(report.ignored.map((i) => [i.path.slice(i.path.indexOf('scans') + 'scans/'.length), i.reason])).toEqual([
    ['.git', expect.stringContaining('hidden folder')],
    ['.hidden.pdf', expect.stringContaining('hidden file')],
    ['1.json', expect.stringContaining('ground truth')],
  ]);
  expect(run.stderr()).toContain('Uploaded 12 of 12 files');
  expect(run.stderr()).toMatch(/Left out \(2\):\n {2}\S*\.git: a hidden folder.*\n {2}\S*\.hidden\.pdf: a hidden file/);
  const documents = await las.documents.list({ datasetId }).toArray();
  expect(documents).toHaveLength(12);
  expect(documents.filter((d) => d.groundTruth?.length)).toHaveLength(1);
}, 60_000);
