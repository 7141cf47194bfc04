/**
 * One figure of bench/runtimes.ts, per call or listing, measured on the runtime running this file
 * (Bun or Deno) against that runtime's own fetch, in a process of its own. The built las-sdk is
 * loaded as that runtime resolves it (its package.json condition picks its transport). The answer
 * is one `RESULT <json>` line on stdout: Node's IPC channel is not one every runtime speaks.
 *
 *   bun bench/children/runtime-figure.ts <per-call|listing>
 *   deno run -A --sloppy-imports bench/children/runtime-figure.ts <per-call|listing>
 *
 * with LAS_BENCH_URL (the bench server) and LAS_BENCH_DIST (the built las-sdk) set by the runner.
 */
import { WORKFLOW_ID } from '../lib/api-server.js';
import { pathToFileURL } from 'node:url';
import { loadSdk, newLas, rawToken } from '../lib/clients.js';
import { CALLS, ROUNDS, WARMUP } from '../lib/config.js';
import { interleave } from '../lib/stats.js';
import { listingWalks, PER_CALL_BLOCK, perCallSides } from '../lib/workloads.js';

const url = process.env.LAS_BENCH_URL ?? '';
const [figure] = process.argv.slice(2);

/** The runtime as its own globals name it: the runner checks it is the one it meant to start. */
function runtime(): string {
  const { Bun, Deno } = globalThis as { Bun?: { version: string }; Deno?: { version: { deno: string } } };
  if (Bun) return `Bun ${Bun.version}`;
  if (Deno) return `Deno ${Deno.version.deno}`;
  return `Node ${process.versions.node}`;
}

async function perCall() {
  const sdk = await loadSdk();
  const las = newLas(sdk, url);
  const token = await rawToken(url);
  const workflow = await las.workflows.get(WORKFLOW_ID);
  if (!(workflow instanceof sdk.Workflow) || !(workflow.createdTime instanceof Date)) throw new Error('SDK answered no Workflow');
  return interleave(perCallSides(las, url, token), { warmup: WARMUP, rounds: ROUNDS, blocks: CALLS / PER_CALL_BLOCK });
}

async function listing() {
  const sdk = await loadSdk();
  return listingWalks(newLas(sdk, url), url, await rawToken(url));
}

const figures: Record<string, () => Promise<unknown>> = { 'per-call': perCall, listing };

/** The transport module the build's `#platform/transport.js` resolves to on this runtime (the build writes bench-transport.js). */
async function transport(): Promise<string> {
  const probe = (await import(pathToFileURL(`${process.env.LAS_BENCH_DIST}/bench-transport.js`).href)) as { transport: string };
  return probe.transport;
}

let message: unknown;
try {
  const run = figures[figure];
  if (!run) throw new Error(`unknown figure ${figure}`);
  message = { ok: true, runtime: runtime(), transport: await transport(), result: await run() };
} catch (error) {
  message = { ok: false, runtime: runtime(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
process.stdout.write(`RESULT ${JSON.stringify(message)}\n`, () => process.exit(0));
