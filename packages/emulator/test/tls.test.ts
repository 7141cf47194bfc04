/**
 * `--tls` / `startEmulator({ tls: true })`: HTTPS with a certificate the emulator makes (or is
 * given), which clients trust through the file it names; the service's own JavaScript client,
 * unmodified, against it; las-sdk with both endpoint forms; the lines the bin prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Credentials } from '../../../src/auth/credentials.js';
import { emulatorBanner, PLACEHOLDER_API_KEY } from '../src/banner.js';
import { startEmulator, type Emulator } from '../src/index.js';
import { tlsMaterial } from '../src/tls.js';
import { Las } from '../../../src/las.js';
import { killBins, startBin, stopBin } from './bin.js';
import { PDF } from './helpers.js';
import { fetchTrusting } from './tls-fetch.js';
import { runNode } from '../../../test/helpers/process.js';

let dir: string;
let emu: Emulator | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-tls-'));
});
afterEach(async () => {
  await killBins();
  await emu?.close();
  emu = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** las-sdk on the emulator, trusting its certificate, with the auth endpoint as given. */
function lasOn(running: Emulator, authEndpoint: string): Las {
  const fetch = fetchTrusting(readFileSync(running.caFile as string, 'utf8'));
  const { clientId, clientSecret, apiEndpoint } = running.credentials;
  return new Las({ credentials: new Credentials({ clientId, clientSecret, authEndpoint, apiEndpoint, fetch }), fetch, maxRetries: 0 });
}


test('tls: true serves HTTPS that las-sdk reaches with the host-only and the URL form of the auth endpoint, trusting only the named certificate', async () => {
  emu = await startEmulator({ tls: true });
  const port = new URL(emu.url).port;
  expect({ url: emu.url, apiEndpoint: emu.apiEndpoint }).toEqual({ url: `https://127.0.0.1:${port}`, apiEndpoint: `https://127.0.0.1:${port}/v1` });
  for (const authEndpoint of [`127.0.0.1:${port}`, emu.url]) {
    const dataset = await lasOn(emu, authEndpoint).datasets.create({ name: authEndpoint });
    expect(dataset.name).toBe(authEndpoint);
  }
  // Nothing was trusted beyond the calls above: Node's own fetch refuses the certificate.
  await expect(fetch(`${emu.url}/token`, { method: 'POST' })).rejects.toThrow();
});

test("new Las({ credentials: emu.credentials, fetch }) sends the token request through that fetch too, so trusting the certificate there is enough", async () => {
  emu = await startEmulator({ tls: true });
  const fetch = fetchTrusting(readFileSync(emu.caFile as string, 'utf8'));
  const las = new Las({ credentials: emu.credentials, fetch, maxRetries: 0 });
  expect((await las.datasets.create({ name: 'through fetch' })).name).toBe('through fetch');
});

test('a data directory keeps the certificate (0600) and serves the same one after a restart', async () => {
  emu = await startEmulator({ tls: true, dataDir: dir });
  expect(emu.caFile).toBe(path.join(dir, 'cert.pem'));
  const first = readFileSync(emu.caFile as string, 'utf8');
  expect(statSync(emu.caFile as string).mode & 0o777).toBe(0o600);
  await emu.close();
  emu = await startEmulator({ tls: true, dataDir: dir });
  expect(readFileSync(emu.caFile as string, 'utf8')).toBe(first);
  expect((await lasOn(emu, emu.url).datasets.create()).datasetId).toMatch(/^las:dataset:/);
});

test('without a data directory the certificate lives in a temporary directory, removed on close', async () => {
  emu = await startEmulator({ tls: true });
  const caFile = emu.caFile as string;
  expect(statSync(caFile).isFile()).toBe(true);
  await emu.close();
  expect(() => statSync(caFile)).toThrow();
});

test('the las-emulator bin with --tls prints the host-only auth endpoint, a placeholder api key and the trust lines', async () => {
  const bin = await startBin(['--tls', '--data', dir, '--quiet']);
  const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(bin.output())?.[1];
  const port = /^export LAS_AUTH_ENDPOINT=127\.0\.0\.1:(\d+)$/m.exec(bin.output())?.[1];
  expect(port).toMatch(/^\d+$/);
  const caFile = path.join(dir, 'cert.pem');
  expect({
    api: value('LAS_API_ENDPOINT'),
    apiKey: /^# .*the emulator ignores it.*\nexport LAS_API_KEY=\S+$/m.test(bin.output()),
    node: value('NODE_EXTRA_CA_CERTS'),
    python: value('REQUESTS_CA_BUNDLE'),
  }).toEqual({ api: `https://127.0.0.1:${port}/v1`, apiKey: true, node: caFile, python: caFile });
  // The printed lines are all a client needs: las-sdk from them, trusting the printed file.
  const fetch = fetchTrusting(readFileSync(caFile, 'utf8'));
  expect((await new Las({ credentials: bin.credentials, fetch, maxRetries: 0 }).datasets.create()).datasetId).toMatch(/^las:dataset:/);
  expect(await stopBin(bin)).toBe(0);
}, 60_000);

test('the printed lines hold in a shell: eval gives back each value, a path with a space included', async () => {
  emu = await startEmulator({ tls: true, dataDir: path.join(dir, 'a b') });
  const exports = emulatorBanner(emu)
    .split('\n')
    .filter((line) => line.startsWith('export '));
  const names = ['LAS_CLIENT_ID', 'LAS_CLIENT_SECRET', 'LAS_AUTH_ENDPOINT', 'LAS_API_ENDPOINT', 'LAS_API_KEY', 'NODE_EXTRA_CA_CERTS', 'REQUESTS_CA_BUNDLE'];
  const shell = spawnSync('sh', ['-c', `${exports.join('\n')}\nprintf '%s\\n' ${names.map((name) => `"$${name}"`).join(' ')}`], { encoding: 'utf8' });
  const { clientId, clientSecret } = emu.credentials;
  expect(shell.stdout.split('\n').slice(0, -1)).toEqual([
    clientId,
    clientSecret,
    `127.0.0.1:${new URL(emu.url).port}`,
    emu.apiEndpoint,
    PLACEHOLDER_API_KEY,
    path.join(dir, 'a b', 'cert.pem'),
    path.join(dir, 'a b', 'cert.pem'),
  ]);
});

test('without tls the printed lines are as before: the URL form of the auth endpoint, no api key, no trust lines', async () => {
  emu = await startEmulator();
  const exports = emulatorBanner(emu)
    .split('\n')
    .filter((line) => line.startsWith('export '));
  const { clientId, clientSecret } = emu.credentials;
  expect(exports).toEqual([
    `export LAS_CLIENT_ID=${clientId}`,
    `export LAS_CLIENT_SECRET=${clientSecret}`,
    `export LAS_AUTH_ENDPOINT=${emu.url}`,
    `export LAS_API_ENDPOINT=${emu.apiEndpoint}`,
    'export LAS_API_VERSION=2021-09-23',
  ]);
  expect({ url: emu.url.startsWith('http://'), caFile: emu.caFile }).toEqual({ url: true, caFile: undefined });
});

test('given certFile and keyFile are served, named as caFile, and left in place on close; without tls they are refused', async () => {
  const made = await tlsMaterial({ dataDir: dir });
  const certFile = path.join(dir, 'chain.pem');
  const keyFile = path.join(dir, 'server-key.pem');
  writeFileSync(certFile, made.cert);
  emu = await startEmulator({ tls: true, certFile, keyFile });
  expect(emu.caFile).toBe(certFile);
  expect((await lasOn(emu, emu.url).datasets.create({ name: 'given' })).name).toBe('given');
  await emu.close();
  expect([statSync(certFile).isFile(), statSync(keyFile).isFile()]).toEqual([true, true]);
  await expect(startEmulator({ certFile, keyFile })).rejects.toThrow('startEmulator: certFile and keyFile are served only with tls: true');
});

test(
  "the service's JavaScript client, unmodified, runs a manual workflow and CRUD of its collections over --tls",
  async () => {
    emu = await startEmulator({ tls: true });
    const port = new URL(emu.url).port;
    // This client uploads a new document's bytes to a file server the spec has no operation for: made here.
    const document = await lasOn(emu, emu.url).documents.create(PDF, { contentType: 'application/pdf' });
    const { clientId, clientSecret } = emu.credentials;
    const output = await runNode(['--import', 'tsx', 'packages/emulator/test/official-client.ts'], {
      ...process.env,
      NODE_EXTRA_CA_CERTS: emu.caFile as string,
      LAS_CLIENT_ID: clientId,
      LAS_CLIENT_SECRET: clientSecret,
      LAS_AUTH_ENDPOINT: `127.0.0.1:${port}`,
      LAS_API_ENDPOINT: emu.apiEndpoint,
      LAS_ORGANIZATION_ID: emu.organizationId,
      DOCUMENT_ID: document.documentId,
    });
    expect(JSON.parse(output)).toEqual({
      workflowGot: 'review',
      workflowListed: true,
      workflowUpdated: 'renamed',
      transitionUpdated: 'manual review',
      transitionListed: true,
      taskInput: { invoice: 42 },
      taskGot: 'running',
      taskStatus: 'succeeded',
      taskListed: 1,
      workflowExecution: { status: 'succeeded', output: { approved: true } },
      executionsListed: 1,
      logStarted: 'string',
      executionDeleted: true,
      workflowDeleted: true,
      transitionDeleted: true,
      organization: 'official',
      organizationGot: true,
      appClient: ['renamed', true, true],
      asset: [Buffer.from('%PDF-1.4 official client').toString('base64'), 'renamed', true, true],
      dataset: ['official', 'changed', true],
      document: [true, true, 1],
      prediction: ['total', true],
      dataBundle: ['renamed', 1, true],
      model: ['official', 'active', true, true],
      documentDeleted: true,
      datasetDeleted: true,
      secret: ['changed', true],
      user: ['official@example.com', 'Renamed', true, true],
    });
  },
  60_000,
);
