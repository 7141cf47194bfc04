/**
 * What ky costs per call in the Session's configuration, cause by cause: `npx tsx bench/ky-costs.ts`.
 *
 * ky is given a fetch that answers at once with a small JSON Response (no network), so what is
 * timed is ky's own CPU per call plus that stub. The Session's setup (prefix, per-attempt and total
 * timeouts, the retry policy, default headers, parseJson, a fetch wrapper; an Authorization header
 * per call; the body read with ky's `.text()`) is timed against variants that each drop one thing,
 * the sides taking turns block by block (bench/lib/stats.ts), so each difference is that thing's cost.
 */
import ky, { type Options } from 'ky';
import { retryPolicy } from '../src/http/retry.js';
import { interleave, median, pairedRatio } from './lib/stats.js';

const BLOCK = 500;
const BLOCKS = 8;
const body = JSON.stringify({ workflowId: 'las:workflow:x', name: 'n', description: 'd', createdTime: '2026-01-01T00:00:00Z' });
const stub = async (_input?: unknown, _init?: unknown): Promise<Response> => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

const session: Options = {
  prefix: 'http://127.0.0.1:9/v1',
  timeout: 60_000,
  totalTimeout: 300_000,
  retry: retryPolicy({}),
  headers: { Accept: 'application/json' },
  parseJson: (text) => JSON.parse(text) as unknown,
  // As the Session's: a wrapper that looks up the fetch at call time.
  fetch: async (input, init) => stub(input, init),
};
const call: Options = { method: 'GET', headers: { Authorization: 'Bearer t' } };
const path = 'workflows/las%3Aworkflow%3Ax';

type Get = () => Promise<unknown>;
const viaText = (options: Options, extra: Options = {}): Get => {
  const http = ky.create(options);
  return async () => JSON.parse(await http(path, { ...call, ...extra }).text());
};

const sides: Record<string, Get> = {
  session: viaText(session),
  // No retries: ky keeps no clone of the Request (request.clone() per call).
  'retry: 0': viaText({ ...session, retry: 0 }),
  // No total timeout: no performance.now() checks and no race of each hook against a timer.
  'totalTimeout: false': viaText({ ...session, totalTimeout: false }),
  // Neither timeout: no setTimeout per attempt (utils/timeout.ts) nor per body read (#raceBodyRead).
  'no timeouts': viaText({ ...session, timeout: false, totalTimeout: false }),
  // The stub given straight, without the Session's async wrapper around its fetch.
  'fetch unwrapped': viaText({ ...session, fetch: stub }),
  // The body read by response.text() after the response, instead of ky's .text() shortcut.
  'await, then text()': (() => {
    const http = ky.create(session);
    return async () => JSON.parse(await (await http(path, call)).text());
  })(),
  // A caller's signal, as request options will pass: ky then combines it with its own (AbortSignal.any).
  'with a signal': viaText(session, { signal: new AbortController().signal }),
  // The floor: the stub and JSON.parse alone.
  'stub alone': async () => JSON.parse(await (await stub()).text()),
};

const times = await interleave(
  Object.fromEntries(
    Object.entries(sides).map(([name, get]) => [
      name,
      async () => {
        for (let i = 0; i < BLOCK; i++) await get();
      },
    ]),
  ),
  { warmup: 1, rounds: 7, blocks: BLOCKS },
);
// Each side's µs per call is the session's median times its median block-by-block ratio to it: a
// difference between two sides is then never the noise of two separate medians.
const base = (median(times.rounds.session) * 1000) / (BLOCK * BLOCKS);
process.stdout.write(`ky per call, Node ${process.version}, µs of CPU (stub fetch, no network):\n`);
for (const name of Object.keys(sides)) {
  const ratio = pairedRatio(times.blocks[name], times.blocks.session);
  const us = base * ratio;
  const delta = name === 'session' ? '' : `  ${us >= base ? '+' : ''}${(us - base).toFixed(1)} µs (${ratio.toFixed(2)}×)`;
  process.stdout.write(`  ${name.padEnd(20)} ${us.toFixed(1).padStart(7)} µs${delta}\n`);
}
