/**
 * One figure, measured in a process of its own and sent back to bench/run.ts over IPC.
 * `node --expose-gc --import tsx bench/children/figure.ts <figure> [side]`, with LAS_BENCH_URL (the
 * bench server) and LAS_BENCH_DIST (the built las-sdk) set by the runner.
 */
import type { ServerStats } from '../lib/api-server.js';
import { WORKFLOW_ID } from '../lib/api-server.js';
import { documentContentBound, kyGetter, loadSdk, newLas, newOfficialClient, nodeFetch, rawGet, rawGetWithTimeout, rawToken, type Sdk } from '../lib/clients.js';
import { CALLS, IN_FLIGHT, ROUNDS, UPLOAD_BYTES, WARMUP } from '../lib/config.js';
import { MemorySampler } from '../lib/memory.js';
import { interleave } from '../lib/stats.js';
import { pool, repeat } from '../lib/pool.js';
import { listingWalks, PER_CALL_BLOCK, perCallSides, rawPages, sdkPages, WORKFLOW_PATH } from '../lib/workloads.js';

const url = process.env.LAS_BENCH_URL ?? '';
const [figure, side] = process.argv.slice(2);
const sdk = await loadSdk();
const workflowPath = WORKFLOW_PATH;
const workflowUrl = `${url}/${workflowPath}`;

async function serverStats(): Promise<ServerStats> {
  return JSON.parse(await (await fetch(`${url}/__bench/stats`)).text()) as ServerStats;
}

async function resetServer(): Promise<void> {
  await (await fetch(`${url}/__bench/reset`, { method: 'POST' })).text();
}

/**
 * 1. Sequential GETs: las.workflows.get vs fetch + JSON.parse, vs ky alone with the Session's
 * options, vs the official Client; 100 calls a block.
 */
async function perCall() {
  const block = PER_CALL_BLOCK;
  const las = newLas(sdk, url);
  const token = await rawToken(url);
  const kyGet = await kyGetter(url, token);
  const sides: Record<string, () => Promise<unknown>> = {
    ...perCallSides(las, url, token),
    ky: () => repeat(block, () => kyGet(workflowPath)),
  };
  let officialError: string | undefined;
  try {
    const client = newOfficialClient(url);
    const workflow = (await client.getWorkflow(WORKFLOW_ID)) as { workflowId?: string };
    if (workflow.workflowId !== WORKFLOW_ID) throw new Error('unexpected answer to getWorkflow');
    sides.official = () => repeat(block, () => client.getWorkflow(WORKFLOW_ID));
  } catch (error) {
    officialError = error instanceof Error ? error.message : String(error);
  }
  const workflow = await las.workflows.get(WORKFLOW_ID);
  if (!(workflow instanceof sdk.Workflow) || !(workflow.createdTime instanceof Date)) throw new Error('SDK answered no Workflow');
  const times = await interleave(sides, { warmup: WARMUP, rounds: ROUNDS, blocks: CALLS / block });
  return { ...times, officialError };
}

/** 2. Walking every page: `for await` over las.documents.list() vs a fetch loop, a page a block. */
async function listing() {
  return listingWalks(newLas(sdk, url), url, await rawToken(url));
}

/** 2b. Peak heap of one full walk, after one unmeasured walk. */
async function listingHeap() {
  const las = newLas(sdk, url);
  const token = await rawToken(url);
  const walk = async (sample?: () => void) => {
    const walker = side === 'sdk' ? sdkPages(las) : rawPages(url, token);
    while (!walker.done) {
      await walker.page();
      sample?.();
    }
    return walker.count;
  };
  await walk();
  const sampler = new MemorySampler();
  await sampler.start();
  const count = await walk(() => sampler.sample());
  return { ...(await sampler.stop()), count };
}

/** 3. 2,000 GETs, 64 in flight, each round from a client that has no token yet; 8 blocks of 250. */
async function concurrency() {
  const blocks = 8;
  const tokenRequests: number[] = [];
  let las = newLas(sdk, url);
  let token = '';
  let kyGet: Awaited<ReturnType<typeof kyGetter>> | undefined;
  const times = await interleave(
    {
      sdk: () => pool(CALLS / blocks, IN_FLIGHT, () => las.workflows.get(WORKFLOW_ID)),
      // ky alone with the Session's options: what of the SDK's cost is ky's.
      ky: async (block) => {
        if (block === 0) kyGet = await kyGetter(url, await rawToken(url));
        await pool(CALLS / blocks, IN_FLIGHT, () => kyGet!(workflowPath));
      },
      raw: async (block) => {
        if (block === 0) token = await rawToken(url);
        await pool(CALLS / blocks, IN_FLIGHT, () => rawGet(workflowUrl, token));
      },
      // What any client that bounds each request's time pays on top: an AbortController and a timer.
      rawTimeout: async (block) => {
        if (block === 0) token = await rawToken(url);
        await pool(CALLS / blocks, IN_FLIGHT, () => rawGetWithTimeout(workflowUrl, token, 60_000));
      },
    },
    {
      warmup: WARMUP,
      rounds: ROUNDS,
      blocks,
      start: async (side) => {
        if (side !== 'sdk') return;
        las = newLas(sdk, url);
        await resetServer();
      },
      end: async (side, measured) => {
        if (side === 'sdk' && measured) tokenRequests.push((await serverStats()).tokenRequests);
      },
    },
  );
  return { ...times, tokenRequests };
}

/** A PDF of `size` bytes: a header the SDK can sniff, then noise. */
function pdfBytes(size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  const noise = Buffer.alloc(65_536);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2_654_435_761) >>> 24;
  for (let offset = 0; offset < size; offset += noise.length) noise.copy(bytes, offset);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

/**
 * The API caps POST /documents content at 6,250,000 base64 characters (~4.5 MiB of file) and the
 * SDK checks that before sending; a 20 MiB upload can only be timed with the check lifted.
 */
async function liftContentCap(lib: Sdk): Promise<boolean> {
  const content = await documentContentBound(lib);
  if (!content || content.maxLength === undefined) return false;
  content.maxLength = undefined;
  return true;
}

function uploaders(bytes: Buffer) {
  const las = newLas(sdk, url);
  let token = '';
  return {
    async warm(): Promise<void> {
      token = await rawToken(url);
      const small = pdfBytes(65_536);
      await las.documents.create(small);
      await this.raw(small);
    },
    sdk: async () => {
      const document = await las.documents.create(bytes);
      if (document.contentType !== 'application/pdf') throw new Error('unexpected document');
    },
    raw: async (content: Buffer = bytes) => {
      const response = await fetch(`${url}/documents`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ contentType: 'application/pdf', content: content.toString('base64') }),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`POST /documents: ${response.status} ${text.slice(0, 200)}`);
      JSON.parse(text);
    },
  };
}

/** 4. Time of one 20 MiB upload, SDK vs fetch posting the same JSON. */
async function uploadTime() {
  const capLifted = await liftContentCap(sdk);
  const bytes = pdfBytes(UPLOAD_BYTES);
  const upload = uploaders(bytes);
  await upload.warm();
  const before = await serverStats();
  const times = await interleave({ sdk: upload.sdk, raw: () => upload.raw() }, { warmup: WARMUP, rounds: ROUNDS });
  const after = await serverStats();
  return { ...times, capLifted, rejected: after.rejectedUploads - before.rejectedUploads };
}

/** 4b. Peak RSS of one 20 MiB upload above the baseline (the bytes already in memory), one side per process. */
async function uploadMemory() {
  const capLifted = await liftContentCap(sdk);
  const bytes = pdfBytes(UPLOAD_BYTES);
  const upload = uploaders(bytes);
  await upload.warm();
  const sampler = new MemorySampler();
  await sampler.start();
  await (side === 'sdk' ? upload.sdk() : upload.raw());
  return { ...(await sampler.stop()), capLifted };
}

/**
 * 5. ky alone with the Session's options over the undici transport (src/http/transport.ts) vs over
 * the global fetch: sequential GETs, 100 a block; then 64 in flight, 250 a block.
 */
async function transport() {
  const token = await rawToken(url);
  const overFetch = await kyGetter(url, token);
  const overTransport = await kyGetter(url, token, await nodeFetch());
  const workflow = await overTransport<{ workflowId?: string }>(workflowPath);
  if (workflow.workflowId !== WORKFLOW_ID) throw new Error('ky over the transport got no workflow');
  const get = (side: typeof overFetch) => () => side(workflowPath);
  const perCall = await interleave(
    { fetch: () => repeat(100, get(overFetch)), transport: () => repeat(100, get(overTransport)) },
    { warmup: WARMUP, rounds: ROUNDS, blocks: CALLS / 100 },
  );
  const blocks = 8;
  const concurrency = await interleave(
    { fetch: () => pool(CALLS / blocks, IN_FLIGHT, get(overFetch)), transport: () => pool(CALLS / blocks, IN_FLIGHT, get(overTransport)) },
    { warmup: WARMUP, rounds: ROUNDS, blocks },
  );
  return { perCall, concurrency };
}

const figures: Record<string, () => Promise<unknown>> = {
  'per-call': perCall,
  listing,
  'listing-heap': listingHeap,
  concurrency,
  'upload-time': uploadTime,
  'upload-memory': uploadMemory,
  transport,
};

let message: unknown;
try {
  const run = figures[figure];
  if (!run) throw new Error(`unknown figure ${figure}`);
  message = { ok: true, result: await run() };
} catch (error) {
  message = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
// Idle keep-alive sockets would hold the process open: leave as soon as the parent has the answer.
process.send?.(message, undefined, {}, () => process.exit(0));
