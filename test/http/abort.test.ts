import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortError } from '../../src/errors.js';
import { Las } from '../../src/las.js';
import { fixture } from '../helpers/fixtures.js';
import { serverCredentials, startServer, type TestServer } from '../helpers/server.js';
import { thrown } from '../helpers/thrown.js';

// Far above what an abort takes (a few ms): a bound that catches an abort that waits for the
// answer (the server holds it 10 s), not a timing target.
const PROMPT_MS = 1_000;
const HELD_MS = 10_000;

let server: TestServer;
let las: Las;

beforeEach(async () => {
  server = await startServer();
  las = new Las({ credentials: serverCredentials(server), maxRetries: 2 });
});

afterEach(async () => {
  await server.close();
});

/** Resolves once the server has received an API request (its body included). */
async function requestArrived(count = 1): Promise<void> {
  for (let tries = 0; server.requests.length < count; tries++) {
    if (tries > 500) throw new Error('the request never arrived');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once the server has seen `count` connections closed before their answer. */
async function closedByClient(count = 1): Promise<void> {
  for (let tries = 0; server.closedEarly.length < count; tries++) {
    if (tries > 500) throw new Error('the server never saw the connection closed');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Aborts `controller` and measures how long `call` takes to settle after it. */
async function abortAndTime(controller: AbortController, call: Promise<unknown>, reason: unknown): Promise<{ error: unknown; ms: number }> {
  const settled = call.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ error }),
  );
  const aborted = performance.now();
  controller.abort(reason);
  const { error } = await settled;
  return { error, ms: performance.now() - aborted };
}

test('an already aborted signal: AbortError with the reason, and the server sees nothing (not even a token request)', async () => {
  const reason = new Error('user cancelled');

  const error = await thrown(las.datasets.list({}, { signal: AbortSignal.abort(reason) }));

  expect(error).toBeInstanceOf(AbortError);
  expect(error).toMatchObject({ cause: reason, mayHaveBeenApplied: false, message: 'GET /datasets was aborted before it was sent' });
  expect(server.tokenRequests).toEqual([]);
  expect(server.requests).toEqual([]);
});

test('aborted in flight: the HTTP request is cancelled (the server sees the connection closed) and the caller gets AbortError at once', async () => {
  server.handle(() => ({ delay: HELD_MS, body: {} }));
  const controller = new AbortController();
  const call = las.datasets.get('las:dataset:0123456789abcdef0123456789abcdef', { signal: controller.signal });
  await requestArrived();

  const { error, ms } = await abortAndTime(controller, call, new Error('enough'));

  expect(error).toBeInstanceOf(AbortError);
  expect(error).toMatchObject({ mayHaveBeenApplied: false, cause: new Error('enough') });
  expect(ms).toBeLessThan(PROMPT_MS);
  await closedByClient();
  expect(server.closedEarly.map((r) => r.path)).toEqual(['/v1/datasets/las%3Adataset%3A0123456789abcdef0123456789abcdef']);
  // Not sent again: an abort is not a failure to retry.
  expect(server.requests).toHaveLength(1);
});

test('a POST aborted in flight says it may have been applied', async () => {
  server.handle(() => ({ delay: HELD_MS, body: {} }));
  const controller = new AbortController();
  const call = las.datasets.create({ name: 'x' }, { signal: controller.signal });
  await requestArrived();

  const { error } = await abortAndTime(controller, call, undefined);

  expect(error).toBeInstanceOf(AbortError);
  expect(error).toMatchObject({ mayHaveBeenApplied: true });
  expect((error as Error).message).toMatch(/^POST \/datasets was aborted; the server may have received and applied it/);
});

test('aborted while the token is fetched: AbortError at once, no API request', async () => {
  server.handleToken(() => ({ delay: HELD_MS, body: { access_token: 'slow', expires_in: 3600 } }));
  const controller = new AbortController();
  // A page promise sends when it is awaited.
  const call = Promise.resolve(las.datasets.list({}, { signal: controller.signal }));
  for (let tries = 0; server.tokenRequests.length === 0; tries++) {
    if (tries > 500) throw new Error('no token request');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }

  const { error, ms } = await abortAndTime(controller, call, undefined);

  expect(error).toBeInstanceOf(AbortError);
  expect((error as Error).message).toBe('GET /datasets was aborted before it was sent');
  expect(ms).toBeLessThan(PROMPT_MS);
  expect(server.requests).toEqual([]);
});

test('aborted while waiting to retry: AbortError at once, no further attempt', async () => {
  server.handle(() => ({ status: 503, headers: { 'Retry-After': '10' }, body: { message: 'busy' } }));
  const controller = new AbortController();
  const call = Promise.resolve(las.datasets.list({}, { signal: controller.signal }));
  await requestArrived();
  // The 503's answer has reached the client once the server has sent it; give it a moment to start waiting.
  await new Promise((resolve) => setTimeout(resolve, 50));

  const { error, ms } = await abortAndTime(controller, call, undefined);

  expect(error).toBeInstanceOf(AbortError);
  expect(ms).toBeLessThan(PROMPT_MS);
  expect(server.requests).toHaveLength(1);
});

test('wait() aborted while a poll is in flight: the poll is cancelled, WaitAbortedError with the reason and the last status', async () => {
  const execution = fixture<{ workflowId: string; executionId: string }>('workflow-execution');
  let polls = 0;
  server.handle(() => (++polls < 3 ? { body: { ...execution, status: 'running' } } : { delay: HELD_MS, body: {} }));
  const controller = new AbortController();
  const reason = new Error('shutting down');
  const waiting = las.workflows.ref(execution.workflowId).executions.ref(execution.executionId).wait({ pollInterval: 5, signal: controller.signal });
  await requestArrived(3);

  const { error, ms } = await abortAndTime(controller, waiting, reason);

  expect(error).toMatchObject({ name: 'WaitAbortedError', cause: reason, lastStatus: 'running' });
  expect((error as Error).message).toMatch(/^Stopped waiting for workflow execution \S+ after \d+\.\d\d s \(shutting down\); last status: running$/);
  expect(ms).toBeLessThan(PROMPT_MS);
  await closedByClient();
  expect(server.requests).toHaveLength(3);
});

test('work() aborted while it asks for work: that request is cancelled, and work resolves as aborted', async () => {
  const transition = { ...fixture<{ transitionId: string }>('transition'), transitionType: 'manual' };
  const tid = transition.transitionId;
  server.handle((request) => (request.method === 'GET' ? { body: transition } : { delay: HELD_MS, body: {} }));
  const controller = new AbortController();
  const working = las.transitions.ref(tid).work(async () => ({}), { signal: controller.signal });
  await requestArrived(2);

  const { error, ms } = await abortAndTime(controller, working, undefined);

  expect(error).toBeUndefined();
  await expect(working).resolves.toMatchObject({ taken: 0, aborted: true });
  expect(ms).toBeLessThan(PROMPT_MS);
  await closedByClient();
  expect(server.closedEarly.map((r) => [r.method, r.path])).toEqual([['POST', `/v1/transitions/${encodeURIComponent(tid)}/executions`]]);
});

test('uploadDocuments() aborted mid-upload: the upload is cancelled and reported as a failure that may have been applied', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'las-abort-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\nfirst');
    writeFileSync(join(dir, 'b.pdf'), '%PDF-1.7\nsecond');
    server.handle(() => ({ delay: HELD_MS, body: {} }));
    const controller = new AbortController();
    const uploading = las.datasets
      .ref('las:dataset:0123456789abcdef0123456789abcdef')
      .uploadDocuments(dir, { concurrency: 1, signal: controller.signal });
    await requestArrived();

    const { error, ms } = await abortAndTime(controller, uploading, undefined);

    expect(error).toBeUndefined();
    expect(ms).toBeLessThan(PROMPT_MS);
    const report = await uploading;
    expect(report).toMatchObject({ total: 2, uploaded: [], aborted: true });
    expect(report.failures).toEqual([{ path: join(dir, 'a.pdf'), reason: expect.stringContaining('POST /documents was aborted'), error: expect.any(AbortError) }]);
    await closedByClient();
    expect(server.closedEarly.map((r) => [r.method, r.path])).toEqual([['POST', '/v1/documents']]);
    expect(server.requests).toHaveLength(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
