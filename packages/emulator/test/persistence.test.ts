/**
 * State kept under a data directory survives a restart: in process with `startEmulator({ dataDir })`,
 * and through the `las-emulator --data DIR` bin, which also stops cleanly on SIGTERM.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmulator } from '../src/index.js';
import { Las } from '../../../src/las.js';
import { killBins, startBin, stopBin } from './bin.js';
import { raw, waitFor } from './helpers.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('a restart with the same data directory keeps entities, credentials, tokens and running workflows', async () => {
  const before = await startEmulator({ dataDir: dir });
  const las = new Las({ credentials: before.credentials, maxRetries: 0 });
  const dataset = await las.datasets.create({ name: 'kept' });
  const step = await las.transitions.create('manual');
  const workflow = await las.workflows.create({ definition: { StartAt: 'A', States: { A: { Type: 'Task', Resource: step.transitionId, End: true } } } });
  const run = await workflow.execute({ keep: true });
  const token = await before.credentials.getAccessToken();
  const { clientId, clientSecret } = before.credentials;
  await before.close();

  const after = await startEmulator({ dataDir: dir });
  try {
    expect(after.credentials.clientId).toBe(clientId);
    expect(after.credentials.clientSecret).toBe(clientSecret);
    expect(after.organizationId).toBe(before.organizationId);
    expect((await raw(after, 'GET', `/datasets/${dataset.datasetId}`, { token })).body.name).toBe('kept');
    const again = new Las({ credentials: after.credentials, maxRetries: 0 });
    const pending = await again.transitions.ref(step.transitionId).execute();
    expect(pending.input).toEqual({ keep: true });
    await pending.succeed({ done: true });
    const finished = await again.workflows.ref(workflow.workflowId).executions.get(run.executionId);
    expect(finished.status).toBe('succeeded');
  } finally {
    await after.close();
  }
});

test('without a data directory nothing is kept', async () => {
  const first = await startEmulator();
  const id = (await new Las({ credentials: first.credentials }).datasets.create()).datasetId;
  await first.close();
  const second = await startEmulator();
  expect((await raw(second, 'GET', `/datasets/${id}`)).status).toBe(404);
  await second.close();
});

describe('content files', () => {
  const contentOf = () => readdirSync(path.join(dir, 'content')).map((name) => readFileSync(path.join(dir, 'content', name), 'utf8'));

  test('document content is kept in a file of its own, which goes with the document', async () => {
    const emu = await startEmulator({ dataDir: dir });
    try {
      const content = Buffer.from('%PDF-1.4 kept apart').toString('base64');
      const created = await raw(emu, 'POST', '/documents', { body: { content, contentType: 'application/pdf' } });
      expect(created.status).toBe(200);
      expect(contentOf()).toEqual([content]);
      // The journal names the file; the bytes are not copied into it.
      const journals = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
      expect(journals.map((name) => readFileSync(path.join(dir, name), 'utf8')).join('')).not.toContain(content);
      expect((await raw(emu, 'GET', `/documents/${created.body.documentId as string}`)).body.content).toBe(content);

      expect((await raw(emu, 'DELETE', `/documents/${created.body.documentId as string}`)).status).toBe(200);
      expect(await waitFor(async () => contentOf(), (files) => files.length === 0)).toEqual([]);
    } finally {
      await emu.close();
    }
  });

  test('new asset content replaces the file of the old, and survives a restart', async () => {
    const first = await startEmulator({ dataDir: dir });
    const old = Buffer.from('<p>old</p>').toString('base64');
    const replaced = Buffer.from('<p>new</p>').toString('base64');
    const { body } = await raw(first, 'POST', '/assets', { body: { content: old } });
    expect((await raw(first, 'PATCH', `/assets/${body.assetId as string}`, { body: { content: replaced } })).status).toBe(200);
    expect(await waitFor(async () => contentOf(), (files) => files.length === 1)).toEqual([replaced]);
    await first.close();

    const second = await startEmulator({ dataDir: dir });
    try {
      expect((await raw(second, 'GET', `/assets/${body.assetId as string}`)).body.content).toBe(replaced);
    } finally {
      await second.close();
    }
  });
});

describe('the format of the data directory', () => {
  test('a state of an unknown format is refused, naming the file, and leaves the directory free', async () => {
    writeFileSync(path.join(dir, 'las-emulator-state.json'), JSON.stringify({ version: 99, seq: 0 }));
    await expect(startEmulator({ dataDir: dir })).rejects.toThrow(/las-emulator-state\.json was written by another version of the emulator \(format 99, this one reads 2\); move .* away/);
    rmSync(path.join(dir, 'las-emulator-state.json'));
    const emu = await startEmulator({ dataDir: dir });
    await emu.close();
  });

  test('a state of format 1 (one JSON file, content inline) is read and converted', async () => {
    const documentId = `las:document:${'d'.repeat(32)}`;
    const appClient = { id: `las:app-client:${'a'.repeat(32)}`, seq: 1, data: { appClientId: `las:app-client:${'a'.repeat(32)}`, clientId: 'old-client' }, hidden: { clientSecret: 'old-secret' } };
    const organization = { id: `las:organization:${'0'.repeat(32)}`, seq: 2, data: { organizationId: `las:organization:${'0'.repeat(32)}` }, hidden: {} };
    const document = { id: documentId, seq: 3, data: { documentId, contentType: 'application/pdf' }, hidden: { content: 'aGVsbG8=' } };
    writeFileSync(
      path.join(dir, 'las-emulator-state.json'),
      JSON.stringify({
        version: 1,
        seq: 3,
        meta: { organizationId: organization.id, defaultAppClientId: appClient.id },
        tokens: [],
        tables: { appClients: [appClient], organizations: [organization], documents: [document] },
      }),
    );
    const emu = await startEmulator({ dataDir: dir });
    try {
      expect(emu.credentials.clientId).toBe('old-client');
      expect(emu.organizationId).toBe(organization.id);
      expect((await raw(emu, 'GET', `/documents/${documentId}`)).body).toEqual({ documentId, contentType: 'application/pdf', content: 'aGVsbG8=' });
      expect(JSON.parse(readFileSync(path.join(dir, 'las-emulator-state.json'), 'utf8')).version).toBe(2);
      expect(readdirSync(path.join(dir, 'content')).map((name) => readFileSync(path.join(dir, 'content', name), 'utf8'))).toEqual(['aGVsbG8=']);
    } finally {
      await emu.close();
    }
    expect(existsSync(path.join(dir, 'las-emulator.lock'))).toBe(false);
  });
});

describe('the las-emulator bin', () => {
  afterEach(killBins);

  test('prints endpoints and credentials, keeps state under --data, stops cleanly on SIGTERM', async () => {
    const first = await startBin(['--port', '0', '--data', dir]);
    expect(first.output()).toMatch(/^LAS emulator listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(first.credentials.apiEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const dataset = await new Las({ credentials: first.credentials, maxRetries: 0 }).datasets.create({ name: 'from the bin' });
    // The request's log line is printed just after the answer is sent.
    await waitFor(async () => first.output(), (text) => text.includes('POST /v1/datasets -> 200'));
    expect(first.output()).toMatch(/POST \/v1\/datasets -> 200/);
    expect(await stopBin(first)).toBe(0);
    expect(first.output()).toMatch(/SIGTERM: stopping\nLAS emulator stopped/);

    const second = await startBin(['--data', dir, '--quiet']);
    expect(second.credentials.clientId).toBe(first.credentials.clientId);
    const kept = await new Las({ credentials: second.credentials, maxRetries: 0 }).datasets.get(dataset.datasetId);
    expect(kept.name).toBe('from the bin');
    expect(await stopBin(second)).toBe(0);
  });
});
