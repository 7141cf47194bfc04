/**
 * `--tls` / `startEmulator({ tls: true })`: HTTPS with a certificate the emulator makes (or is
 * given), which clients trust through the file it names; the service's own JavaScript client,
 * unmodified, against it; las-sdk with both endpoint forms.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Credentials } from '../../src/auth/credentials.js';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { Las } from '../../src/las.js';
import { PDF } from './helpers.js';
import { fetchTrusting } from './tls-fetch.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let emu: Emulator | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'las-emulator-tls-'));
});
afterEach(async () => {
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

/** Runs a script of this repository in a node process of its own; its stdout, or a rejection with what it printed. */
async function runNode(script: string, env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`${script} exited with ${code}: ${stderr}`);
  return stdout;
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--tls', '--data', dir, '--quiet'], { cwd: ROOT });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 60_000;
    while (!output.includes('Press Ctrl+C') && child.exitCode === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(output)?.[1];
    const port = /^export LAS_AUTH_ENDPOINT=127\.0\.0\.1:(\d+)$/m.exec(output)?.[1];
    expect(port).toMatch(/^\d+$/);
    const caFile = path.join(dir, 'cert.pem');
    expect({
      api: value('LAS_API_ENDPOINT'),
      apiKey: typeof value('LAS_API_KEY'),
      node: value('NODE_EXTRA_CA_CERTS'),
      python: value('REQUESTS_CA_BUNDLE'),
    }).toEqual({ api: `https://127.0.0.1:${port}/v1`, apiKey: 'string', node: caFile, python: caFile });
    // The printed lines are all a client needs: las-sdk from them, trusting the printed file.
    const fetch = fetchTrusting(readFileSync(caFile, 'utf8'));
    const credentials = new Credentials({
      clientId: value('LAS_CLIENT_ID') as string,
      clientSecret: value('LAS_CLIENT_SECRET') as string,
      authEndpoint: value('LAS_AUTH_ENDPOINT') as string,
      apiEndpoint: value('LAS_API_ENDPOINT') as string,
      fetch,
    });
    expect((await new Las({ credentials, fetch, maxRetries: 0 }).datasets.create()).datasetId).toMatch(/^las:dataset:/);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  }
});

test(
  "the service's JavaScript client, unmodified, runs a manual workflow and CRUD of its collections over --tls",
  async () => {
    emu = await startEmulator({ tls: true });
    const port = new URL(emu.url).port;
    // This client uploads a new document's bytes to a file server the spec has no operation for: made here.
    const document = await lasOn(emu, emu.url).documents.create(PDF, { contentType: 'application/pdf' });
    const { clientId, clientSecret } = emu.credentials;
    const output = await runNode('test/emulator/official-client.ts', {
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
