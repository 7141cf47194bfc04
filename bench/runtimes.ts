/**
 * Per call and listing on Bun and Deno, beside Node's rows: the built las-sdk, as each runtime
 * resolves it (its package.json condition picks its transport), against that runtime's own fetch
 * of the same URLs, the two taking turns block by block in one process (children/runtime-figure.ts).
 * The same workloads as Node's "Per call" and "Listing" rows (lib/workloads.ts), the same server;
 * each figure a ratio to its own runtime's baseline, so the runtimes are compared by ratio only.
 * Bun and Deno are the devDependencies `bun` and `deno`. bench/run.ts adds these rows.
 *
 *   npx tsx bench/runtimes.ts      (alone: builds src into the bench cache, starts the server, prints the rows)
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALLS, DOCUMENTS, PAGE_COUNT } from './lib/config.js';
import { failedRow, medians, newRow, perCall, tenths, type Row } from './lib/figures.js';
import { benchDir, exec, log, root, startServer } from './lib/processes.js';
import { table } from './lib/report.js';
import { ms, pairedRatio, round } from './lib/stats.js';

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

/** Each runtime: how it runs a TypeScript file of bench/ (whose imports say `.js` for `.ts`). */
const RUNTIMES = [
  { name: 'Bun', command: bin('bun'), args: [] as string[] },
  { name: 'Deno', command: bin('deno'), args: ['run', '--allow-all', '--sloppy-imports'] },
] as const;

type Runtime = (typeof RUNTIMES)[number];

interface Measured {
  rounds: Record<'sdk' | 'raw', number[]>;
  blocks: Record<'sdk' | 'raw', number[]>;
  counts?: Record<'sdk' | 'raw', number>;
}

/** What a runtime's figure process printed, checked to come from that runtime running its own transport. */
async function runFigure(context: { url: string; dist: string }, runtime: Runtime, figure: string): Promise<{ version: string; transport: string; result: Measured }> {
  log(`${figure} on ${runtime.name}`);
  const { code, out, stdout } = await exec(runtime.command, [...runtime.args, path.join(benchDir, 'children', 'runtime-figure.ts'), figure], {
    LAS_BENCH_URL: context.url,
    LAS_BENCH_DIST: context.dist,
  });
  const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) throw new Error(`${runtime.name} exited (${code}) without a result: ${out.slice(-1000)}`);
  const answer = JSON.parse(line.slice('RESULT '.length)) as { ok: boolean; runtime: string; transport?: string; result?: Measured; error?: string };
  if (!answer.ok) throw new Error(`${figure} on ${answer.runtime}: ${answer.error}`);
  if (!answer.runtime.startsWith(`${runtime.name} `)) throw new Error(`${runtime.command} ran as ${answer.runtime}, not ${runtime.name}`);
  // A build whose #platform/transport.js leads elsewhere (the Node transport, the sources) is not what users of this runtime run.
  const own = `/platform/${runtime.name.toLowerCase()}/transport.js`;
  if (!answer.transport?.endsWith(own)) throw new Error(`on ${answer.runtime} the build's transport is ${answer.transport}, not …${own}`);
  return { version: answer.runtime, transport: path.relative(context.dist, new URL(answer.transport).pathname), result: answer.result! };
}

function values(version: string, transport: string, m: Record<string, number>, result: Measured): Record<string, unknown> {
  return { runtime: version, transport, sdkMs: round(m.sdk, 1), rawMs: round(m.raw, 1), sdkRounds: tenths(result.rounds.sdk), rawRounds: tenths(result.rounds.raw) };
}

async function perCallRow(context: { url: string; dist: string }, runtime: Runtime): Promise<Row> {
  const { version, transport, result } = await runFigure(context, runtime, 'per-call');
  const m = medians(result.rounds);
  return newRow({
    id: `perCall${runtime.name}`,
    figure: `Per call on ${version}: ${CALLS} sequential workflows.get`,
    sdk: `${ms(m.sdk)} (${perCall(m.sdk)})`,
    baseline: `${runtime.name}'s fetch + JSON.parse: ${ms(m.raw)} (${perCall(m.raw)})`,
    ratio: pairedRatio(result.blocks.sdk, result.blocks.raw),
    target: 'reported',
    pass: null,
    values: values(version, transport, m, result),
  });
}

async function listingRow(context: { url: string; dist: string }, runtime: Runtime): Promise<Row> {
  const { version, transport, result } = await runFigure(context, runtime, 'listing');
  if (result.counts?.sdk !== DOCUMENTS || result.counts.raw !== DOCUMENTS) {
    throw new Error(`the walks on ${version} saw ${JSON.stringify(result.counts)} documents, not ${DOCUMENTS}`);
  }
  const m = medians(result.rounds);
  return newRow({
    id: `listing${runtime.name}`,
    figure: `Listing on ${version}: ${DOCUMENTS.toLocaleString('en')} documents in ${PAGE_COUNT} pages, for await`,
    sdk: ms(m.sdk),
    baseline: `${runtime.name}'s fetch loop: ${ms(m.raw)}`,
    ratio: pairedRatio(result.blocks.sdk, result.blocks.raw),
    target: 'reported',
    pass: null,
    values: values(version, transport, m, result),
  });
}

/**
 * Measures per call and listing on Bun and Deno against the bench server at `context.url` and puts
 * their rows after Node's listing rows in `rows` (at the end when there are none). A figure that
 * fails becomes a failed row.
 */
export async function addRuntimeRows(context: { url: string; dist: string }, rows: Row[]): Promise<void> {
  const added: Row[] = [];
  for (const runtime of RUNTIMES) {
    for (const [id, measure] of [
      ['perCall', perCallRow],
      ['listing', listingRow],
    ] as const) {
      try {
        added.push(await measure(context, runtime));
      } catch (error) {
        added.push(failedRow(`${id}${runtime.name}`, `${id === 'perCall' ? 'Per call' : 'Listing'} on ${runtime.name}`, error));
      }
    }
  }
  const node = rows.map((row) => row.id).lastIndexOf('listingHeap');
  rows.splice(node < 0 ? rows.length : node + 1, 0, ...added);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { build } = await import('./lib/build.js');
  const built = await build(path.join(root, 'src'), 'dist');
  const server = await startServer();
  const rows: Row[] = [];
  try {
    await addRuntimeRows({ url: server.url, dist: built.dist }, rows);
  } finally {
    await server.stop();
  }
  process.stdout.write(`${table(rows, false)}\n`);
}
