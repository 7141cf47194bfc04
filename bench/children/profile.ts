/**
 * CPU profile of the las-sdk side of one figure: `npm run bench -- --profile <figure>`, or of its
 * baseline with `<figure>-raw` (or `<figure>-ky`: ky alone). Runs the workload (after a warm-up)
 * under the inspector's sampling profiler and prints where the time goes by stage of a call (see
 * lib/stages.ts), by package and by function, so a missed target points at its cost.
 *
 * With `--stages <figure>` (per-call, concurrency, listing) it profiles the SDK and the raw baseline
 * of that figure in turns and sends their stage times back as JSON: the runner quotes them in the
 * notes on missed targets.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { PAGES, WORKFLOW_ID } from '../lib/api-server.js';
import { documentContentBound, kyGetter, loadSdk, newLas, nodeFetch, rawGet, rawToken } from '../lib/clients.js';
import { CALLS, IN_FLIGHT, STAGE_ROUNDS, UPLOAD_BYTES } from '../lib/config.js';
import { formatStages, per, stageTimes, type CpuProfile, type ProfileNode, type Stage, type StageTimes } from '../lib/stages.js';
import { pool } from '../lib/pool.js';

const url = process.env.LAS_BENCH_URL ?? '';
const [figure, out] = process.argv.slice(2);
const sdk = await loadSdk();
const las = newLas(sdk, url);

const bytes = Buffer.alloc(UPLOAD_BYTES, 7);
bytes.write('%PDF-1.7\n', 0, 'latin1');
const content = await documentContentBound(sdk);
if (content) content.maxLength = undefined;

const token = await rawToken(url);
const workflowPath = `workflows/${encodeURIComponent(WORKFLOW_ID)}`;
const workflowUrl = `${url}/${workflowPath}`;
const kyGet = await kyGetter(url, token);
// ky alone over the build's undici transport, made on first use (a --src tree may have none).
let kyOverTransport: Awaited<ReturnType<typeof kyGetter>> | undefined;
const kyTransportGet = async <T>(path: string): Promise<T> => {
  kyOverTransport ??= await kyGetter(url, token, await nodeFetch());
  return kyOverTransport<T>(path);
};
const listRaw = async () => {
  let nextToken: string | null | undefined;
  do {
    const query = new URLSearchParams({ maxResults: '100' });
    if (nextToken) query.set('nextToken', nextToken);
    const page = await rawGet<{ documents: unknown[]; nextToken?: string | null }>(`${url}/documents?${query}`, token);
    for (const document of page.documents) void document;
    nextToken = page.nextToken;
  } while (nextToken);
};
const workloads: Record<string, () => Promise<unknown>> = {
  // The baselines, to set a profile of the SDK against: raw fetch, and ky alone with the Session's options.
  'per-call-raw': async () => {
    for (let i = 0; i < CALLS; i++) await rawGet(workflowUrl, token);
  },
  'per-call-ky': async () => {
    for (let i = 0; i < CALLS; i++) await kyGet(workflowPath);
  },
  'listing-raw': listRaw,
  'concurrency-raw': () => pool(CALLS, IN_FLIGHT, () => rawGet(workflowUrl, token)),
  'concurrency-ky': () => pool(CALLS, IN_FLIGHT, () => kyGet(workflowPath)),
  'per-call-ky-transport': async () => {
    for (let i = 0; i < CALLS; i++) await kyTransportGet(workflowPath);
  },
  'concurrency-ky-transport': () => pool(CALLS, IN_FLIGHT, () => kyTransportGet(workflowPath)),
  'per-call': async () => {
    for (let i = 0; i < CALLS; i++) await las.workflows.get(WORKFLOW_ID);
  },
  listing: async () => {
    for await (const document of las.documents.list({ maxResults: 100 })) void document;
  },
  concurrency: () => pool(CALLS, IN_FLIGHT, () => las.workflows.get(WORKFLOW_ID)),
  upload: () => las.documents.create(bytes),
};

/** Runs `work` once to warm up (unless told not to), then `runs` times under the profiler. */
async function profiled(work: () => Promise<unknown>, runs: number, warmUp = true): Promise<{ profile: CpuProfile; elapsed: number }> {
  if (warmUp) await work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const start = performance.now();
  for (let i = 0; i < runs; i++) await work();
  const elapsed = performance.now() - start;
  const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
  session.disconnect();
  return { profile, elapsed };
}

/**
 * The SDK and the raw baseline of one figure, profiled in turns (STAGE_ROUNDS rounds, so a slow
 * spell of the machine weighs on both alike): stage times per call (per page for listing), summed
 * over the rounds.
 */
async function stages(name: string) {
  const sides = [name, `${name}-raw`];
  const label = (side: string) => (side === name ? 'las-sdk' : 'raw fetch');
  const rounds = STAGE_ROUNDS;
  const units = (name === 'listing' ? PAGES : CALLS) * rounds;
  const sums = new Map<string, { profile: StageTimes; elapsed: number }>();
  for (const side of sides) await workloads[side]();
  for (let round = 0; round < rounds; round++) {
    for (const side of sides) {
      const { profile, elapsed } = await profiled(workloads[side], 1, false);
      const times = stageTimes(profile);
      const sum = sums.get(side) ?? { profile: { busyUs: 0, stages: {} }, elapsed: 0 };
      sum.elapsed += elapsed;
      sum.profile.busyUs += times.busyUs;
      for (const [stage, us] of Object.entries(times.stages) as [Stage, number][]) sum.profile.stages[stage] = (sum.profile.stages[stage] ?? 0) + us;
      sums.set(side, sum);
    }
  }
  const result: { unit: string; sides: Record<string, StageTimes & { wallUs: number }> } = { unit: name === 'listing' ? 'page' : 'call', sides: {} };
  for (const [side, { profile, elapsed }] of sums) result.sides[label(side)] = { ...per(profile, units), wallUs: (elapsed * 1000) / units };
  return result;
}

/** One workload profiled three times: its stages, then self time by package and by function. */
async function report(figure: string, out: string | undefined): Promise<string> {
  const work = workloads[figure];
  if (!work) throw new Error(`no profile for ${figure}; one of ${Object.keys(workloads).join(', ')}`);
  const { profile, elapsed } = await profiled(work, 3);
  if (out) writeFileSync(out, JSON.stringify(profile));

  const total = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const where = (node: ProfileNode) => {
    const file = node.callFrame.url.replace(/^file:\/\//, '');
    const short = file.includes('/las-sdk-bench/dist')
      ? file.replace(/^.*\/las-sdk-bench\/dist[^/]*\//, 'las-sdk/')
      : file.includes('node_modules/')
        ? file.slice(file.lastIndexOf('node_modules/') + 13)
        : file;
    return short ? `${short}:${node.callFrame.lineNumber + 1}` : '(native)';
  };
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    const key = `${node.callFrame.functionName || '(anonymous)'}  ${where(node)}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    const file = node.callFrame.url;
    const pkg = file.includes('/las-sdk-bench/dist')
      ? 'las-sdk'
      : file.includes('node_modules/')
        ? file.slice(file.lastIndexOf('node_modules/') + 13).split('/')[0]
        : file.startsWith('node:')
          ? 'node internals'
          : file
            ? 'other'
            : node.callFrame.functionName || '(native)';
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
  }
  const pct = (hits: number) => `${((hits / total) * 100).toFixed(1).padStart(5)}%`;
  const listing = figure.startsWith('listing');
  const unit = listing ? 'page' : figure === 'upload' ? 'upload' : 'call';
  const units = listing ? 3 * PAGES : figure === 'upload' ? 3 : 3 * CALLS;
  const lines = [`${figure}: 3 runs in ${elapsed.toFixed(0)} ms; CPU by stage (profiled, so slower than unprofiled):`];
  lines.push(formatStages({ [figure]: per(stageTimes(profile), units) }, unit));
  lines.push('self time by package:');
  for (const [pkg, hits] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 12)) lines.push(`  ${pct(hits)}  ${pkg}`);
  lines.push('top functions by self time:');
  for (const [key, hits] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) lines.push(`  ${pct(hits)}  ${key}`);
  return lines.join('\n');
}

let message: unknown;
try {
  message = { ok: true, result: figure === '--stages' ? await stages(out) : await report(figure, out) };
} catch (error) {
  message = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
process.send?.(message, undefined, {}, () => process.exit(0));
