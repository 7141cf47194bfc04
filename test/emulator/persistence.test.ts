/**
 * State kept under a data directory survives a restart: in process with `startEmulator({ dataDir })`,
 * and through the `las-emulator --data DIR` bin, which also stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Credentials } from '../../src/auth/credentials.js';
import { startEmulator } from '../../src/emulator/index.js';
import { Las } from '../../src/las.js';
import { raw, waitFor } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
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

describe('the las-emulator bin', () => {
  let child: ChildProcessWithoutNullStreams | undefined;
  afterEach(async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  });

  // Starts the bin and reads the credentials it prints.
  async function startBin(args: string[]): Promise<{ credentials: Credentials; output: () => string }> {
    // node itself with tsx's loader, not the tsx wrapper: a signal then reaches the emulator's own process.
    child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', ...args], { cwd: ROOT });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('Press Ctrl+C')) {
          clearInterval(timer);
          resolve();
        } else if (child?.exitCode !== null) {
          clearInterval(timer);
          reject(new Error(`las-emulator exited: ${output}`));
        }
      }, 20);
    });
    const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(output)?.[1] as string;
    const credentials = new Credentials({
      clientId: value('LAS_CLIENT_ID'),
      clientSecret: value('LAS_CLIENT_SECRET'),
      authEndpoint: value('LAS_AUTH_ENDPOINT'),
      apiEndpoint: value('LAS_API_ENDPOINT'),
    });
    return { credentials, output: () => output };
  }

  async function stopBin(): Promise<number | null> {
    const running = child as ChildProcessWithoutNullStreams;
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    running.kill('SIGTERM');
    return exited;
  }

  test('prints endpoints and credentials, keeps state under --data, stops cleanly on SIGTERM', async () => {
    const first = await startBin(['--port', '0', '--data', dir]);
    expect(first.output()).toMatch(/^LAS emulator listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(first.credentials.apiEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const dataset = await new Las({ credentials: first.credentials, maxRetries: 0 }).datasets.create({ name: 'from the bin' });
    // The request's log line is printed just after the answer is sent.
    await waitFor(async () => first.output(), (text) => text.includes('POST /v1/datasets -> 200'));
    expect(first.output()).toMatch(/POST \/v1\/datasets -> 200/);
    expect(await stopBin()).toBe(0);
    expect(first.output()).toMatch(/SIGTERM: stopping\nLAS emulator stopped/);

    const second = await startBin(['--data', dir, '--quiet']);
    expect(second.credentials.clientId).toBe(first.credentials.clientId);
    const kept = await new Las({ credentials: second.credentials, maxRetries: 0 }).datasets.get(dataset.datasetId);
    expect(kept.name).toBe('from the bin');
    expect(await stopBin()).toBe(0);
  });
});
