/**
 * The emulator's `--data` store: what a small write costs on a large state, and how long a
 * restart of that state takes.
 *
 *   npx tsx bench/emulator-store.ts [--src DIR]
 *
 * Two `las-emulator --data` processes run side by side: one holds DOCUMENTS documents of
 * DOCUMENT_BYTES each (about 80 MB of base64), the other nothing. Both take POST /batches (what
 * `las.batches.create()` sends) in blocks of BLOCK_CALLS sequential calls, the two taking turns;
 * the figure is the median of the block-by-block ratios of their mean latencies. Then each is
 * stopped and started again on its directory, in turns: the time from spawn to listening.
 * `--src` measures another source tree's emulator (`DIR/../packages/emulator/src/cli.ts`, or
 * `DIR/emulator/cli.ts` in a tree from before the packages split), such as an older one.
 * `measureEmulatorStore()` is the same measurement for bench/run.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { interleave, median, MiB, pairedRatio } from './lib/stats.js';

export const DOCUMENTS = 60;
export const DOCUMENT_BYTES = MiB;
const BLOCK_CALLS = 25;
const ROUNDS = 7;
const RESTARTS = 3;

/** What {@link measureEmulatorStore} measured; times in ms. */
export interface EmulatorStoreFigure {
  /** Median of the block ratios: full store over empty store. */
  ratio: number;
  /** Mean latency of one create, over every measured block. */
  fullMs: number;
  emptyMs: number;
  fullBlocks: number[];
  emptyBlocks: number[];
  /** Bytes the full store's data directory holds. */
  stateBytes: number;
  /** Median time from spawn to listening, on the full and on the empty directory. */
  restartMs: number;
  restartEmptyMs: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Running {
  child: ChildProcess;
  api: string;
  token: string;
}

/** The emulator's bin in a source tree: `packages/emulator/src/cli.ts` beside `src` since the packages split, `src/emulator/cli.ts` before. */
function emulatorBin(src: string): string {
  const split = path.join(src, '..', 'packages', 'emulator', 'src', 'cli.ts');
  return existsSync(split) ? split : path.join(src, 'emulator', 'cli.ts');
}

async function start(src: string, dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', emulatorBin(src), '--data', dataDir, '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('Press Ctrl+C')) resolve();
      else if (child.exitCode !== null) reject(new Error(`las-emulator exited: ${output}`));
      else setTimeout(check, 5);
    };
    check();
  });
  const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(output)?.[1] as string;
  const basic = Buffer.from(`${value('LAS_CLIENT_ID')}:${value('LAS_CLIENT_SECRET')}`).toString('base64');
  const grant = await fetch(`${value('LAS_AUTH_ENDPOINT')}/token?grant_type=client_credentials`, { method: 'POST', headers: { authorization: `Basic ${basic}` } });
  const { access_token: token } = (await grant.json()) as { access_token: string };
  return { child, api: value('LAS_API_ENDPOINT'), token };
}

async function stop(running: Running): Promise<void> {
  const exited = new Promise((resolve) => running.child.once('exit', resolve));
  running.child.kill('SIGTERM');
  await exited;
}

async function post(running: Running, route: string, body: unknown): Promise<void> {
  const response = await fetch(`${running.api}${route}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`POST ${route} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}

function bytesUnder(folder: string): number {
  return readdirSync(folder, { withFileTypes: true }).reduce((total, entry) => {
    const full = path.join(folder, entry.name);
    return total + (entry.isDirectory() ? bytesUnder(full) : statSync(full).size);
  }, 0);
}

/** Fills one store, times small creates on it and on an empty one, then their restarts. */
export async function measureEmulatorStore(options: { src?: string; log?: (message: string) => void } = {}): Promise<EmulatorStoreFigure> {
  const src = options.src ?? path.join(root, 'src');
  const log = options.log ?? (() => {});
  const dirs = { full: mkdtempSync(path.join(os.tmpdir(), 'las-bench-emu-full-')), empty: mkdtempSync(path.join(os.tmpdir(), 'las-bench-emu-empty-')) };
  const running: Partial<Record<'full' | 'empty', Running>> = {};
  try {
    running.full = await start(src, dirs.full);
    running.empty = await start(src, dirs.empty);
    log(`emulator store: uploading ${DOCUMENTS} documents of ${DOCUMENT_BYTES / MiB} MiB`);
    for (let i = 0; i < DOCUMENTS; i++) {
      await post(running.full, '/documents', { content: randomBytes(DOCUMENT_BYTES).toString('base64'), contentType: 'application/pdf' });
    }
    const stateBytes = bytesUnder(dirs.full);
    log(`emulator store: ${BLOCK_CALLS} creates a block, ${ROUNDS} rounds`);
    const block = (side: Running) => async () => {
      for (let i = 0; i < BLOCK_CALLS; i++) await post(side, '/batches', { name: `batch ${i}` });
    };
    const times = await interleave({ full: block(running.full), empty: block(running.empty) }, { warmup: 1, rounds: ROUNDS, blocks: 2 });
    const mean = (blocks: number[]) => blocks.reduce((a, b) => a + b, 0) / (blocks.length * BLOCK_CALLS);

    log('emulator store: restarts');
    const restarts = { full: [] as number[], empty: [] as number[] };
    for (let r = 0; r < RESTARTS; r++) {
      for (const side of (r % 2 ? ['empty', 'full'] : ['full', 'empty']) as ('full' | 'empty')[]) {
        await stop(running[side]!);
        const begin = performance.now();
        running[side] = await start(src, dirs[side]);
        restarts[side].push(performance.now() - begin);
      }
    }
    return {
      ratio: pairedRatio(times.blocks.full, times.blocks.empty),
      fullMs: mean(times.blocks.full),
      emptyMs: mean(times.blocks.empty),
      fullBlocks: times.blocks.full.map((ms) => ms / BLOCK_CALLS),
      emptyBlocks: times.blocks.empty.map((ms) => ms / BLOCK_CALLS),
      stateBytes,
      restartMs: median(restarts.full),
      restartEmptyMs: median(restarts.empty),
    };
  } finally {
    for (const side of Object.values(running)) if (side.child.exitCode === null) side.child.kill('SIGKILL');
    rmSync(dirs.full, { recursive: true, force: true });
    rmSync(dirs.empty, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--src');
  const src = at > 0 ? path.resolve(process.argv[at + 1]) : undefined;
  const figure = await measureEmulatorStore({ src, log: (message) => process.stderr.write(`[emulator bench] ${message}\n`) });
  process.stdout.write(
    `POST /batches on ${DOCUMENTS} × ${DOCUMENT_BYTES / MiB} MiB documents (${(figure.stateBytes / MiB).toFixed(0)} MiB on disk): ` +
      `${figure.fullMs.toFixed(2)} ms, empty: ${figure.emptyMs.toFixed(2)} ms, ratio ${figure.ratio.toFixed(2)}×\n` +
      `restart: ${figure.restartMs.toFixed(0)} ms, empty: ${figure.restartEmptyMs.toFixed(0)} ms\n`,
  );
}
