/**
 * Ctrl+C (SIGINT) on `las datasets create-documents`, as a process against the emulator, with the
 * answers to `POST /documents` held back by a proxy: the documents are made, the CLI has not yet
 * heard so. Whatever the moment, a re-run never makes a document twice.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startEmulator, type Emulator } from 'las-emulator';
import { Las } from 'las-sdk';
import { PDF } from '../../emulator/test/helpers.js';
import { emulatorEnv, useTempDir } from './helpers.js';
import { spawnLas, until } from './bin.js';

let emu: Emulator;
let las: Las;
let proxy: Server;
let proxyUrl: string;
const tmp = useTempDir();
let source: string;
const FILES = 30;
const CONCURRENCY = 4;

/** Answers of POST /documents, held while `holding`: the emulator has made the document. */
let holding = false;
const held: (() => void)[] = [];

function forward(req: IncomingMessage, res: ServerResponse): void {
  const target = new URL(emu.url);
  const upstream = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on('data', (chunk: Buffer) => chunks.push(chunk));
    answer.on('end', () => {
      const send = () => {
        res.on('error', () => undefined);
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        res.end(Buffer.concat(chunks));
      };
      if (holding && req.method === 'POST' && req.url?.startsWith('/v1/documents')) held.push(send);
      else send();
    });
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

beforeAll(async () => {
  emu = await startEmulator();
  las = new Las({ credentials: emu.credentials, maxRetries: 0 });
  proxy = createServer(forward);
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  source = join(tmp.path, 'scans');
  mkdirSync(source);
  for (let i = 0; i < FILES; i++) writeFileSync(join(source, `${String(i).padStart(2, '0')}.pdf`), Buffer.concat([PDF, Buffer.from(`% ${i}`)]));
});
afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await emu?.close();
});
afterEach(() => {
  holding = false;
  held.splice(0).forEach((send) => send());
});

const env = (home: string) => ({ ...emulatorEnv(emu, home), LAS_API_ENDPOINT: `${proxyUrl}/v1` });

async function startHeld(datasetId: string, home: string) {
  holding = true;
  const run = spawnLas(['datasets', 'create-documents', datasetId, source, '--concurrency', String(CONCURRENCY)], env(home));
  await until(() => held.length === CONCURRENCY, `${CONCURRENCY} uploads made and waiting for their answer`);
  return run;
}

async function rerun(datasetId: string, home: string) {
  const again = spawnLas(['datasets', 'create-documents', datasetId, source, '--concurrency', '8'], env(home));
  const code = await again.exited;
  return { code, stderr: again.stderr(), report: JSON.parse(again.stdout()) as { uploaded: unknown[]; skipped: unknown[] } };
}

test('Ctrl+C: "stopping", the uploads under way finish and are recorded, the summary, exit 130; the re-run uploads the rest once', async () => {
  const home = join(tmp.path, 'home-1');
  mkdirSync(home);
  const datasetId = (await las.datasets.create({})).datasetId;
  const run = await startHeld(datasetId, home);
  run.child.kill('SIGINT');
  await until(() => run.stderr().includes('SIGINT: stopping: no new files; the uploads under way finish first'), 'the stopping line');
  holding = false;
  held.splice(0).forEach((send) => send());
  expect(await run.exited).toBe(130);
  expect(run.stderr()).toContain(`Uploaded ${CONCURRENCY} of ${FILES} files`);
  expect(run.stderr()).toContain(`${FILES - CONCURRENCY} not tried (interrupted)`);
  expect(JSON.parse(run.stdout())).toMatchObject({ aborted: true, failures: [] });
  expect(await las.documents.list({ datasetId }).toArray()).toHaveLength(CONCURRENCY);

  const again = await rerun(datasetId, home);
  expect(again).toMatchObject({ code: 0 });
  expect(again.report.skipped).toHaveLength(CONCURRENCY);
  expect(again.report.uploaded).toHaveLength(FILES - CONCURRENCY);
  expect(await las.documents.list({ datasetId }).toArray()).toHaveLength(FILES);
}, 90_000);

test('Ctrl+C twice quits at once, answers unheard; the re-run finds those documents by their content and makes none twice', async () => {
  const home = join(tmp.path, 'home-2');
  mkdirSync(home);
  const datasetId = (await las.datasets.create({})).datasetId;
  const run = await startHeld(datasetId, home);
  run.child.kill('SIGINT');
  await until(() => run.stderr().includes('stopping:'), 'the stopping line');
  run.child.kill('SIGINT');
  expect(await run.exited).toBe(130);
  expect(await las.documents.list({ datasetId }).toArray()).toHaveLength(CONCURRENCY);
  holding = false;
  held.splice(0).forEach((send) => send());

  const again = await rerun(datasetId, home);
  expect(again).toMatchObject({ code: 0 });
  expect(again.report.skipped).toHaveLength(CONCURRENCY);
  expect(again.report.uploaded).toHaveLength(FILES - CONCURRENCY);
  expect(await las.documents.list({ datasetId }).toArray()).toHaveLength(FILES);
}, 90_000);
