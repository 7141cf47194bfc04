/**
 * `dataset.uploadDocuments()`: throughput and peak memory for 200 files at concurrency 1, 4 and 16,
 * against the bench's fake API (bench/lib/api-server.ts) on 127.0.0.1.
 *
 *   npx tsx bench/upload-documents.ts [--files 200] [--size 262144] [--concurrency 1,4,16]
 *                                     [--latency 0,50] [--rounds 2] [--json]
 *
 * On loopback both sides are CPU-bound (base64 and JSON of every document), so concurrency barely
 * shows; `--latency` adds that many ms before each request (a custom fetch) to stand in for the
 * round trip to the real API, where concurrency is what sets the throughput.
 *
 * Each run is a fresh process (node --expose-gc) so its memory figure is its own: peak RSS and
 * peak heap above an after-GC baseline, sampled by bench/lib/memory.ts. The SDK is loaded from
 * LAS_BENCH_DIST when set (the build bench/run.ts makes), else from src through tsx.
 * `measureUploads()` is the same measurement for bench/run.ts.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLIENT_ID, CLIENT_SECRET, startServer } from './lib/api-server.js';
import { MemorySampler } from './lib/memory.js';
import { median, mib, MiB } from './lib/stats.js';
import type * as LasSdk from '../src/index.js';

/** What one concurrency measured (medians over rounds; memory is the highest of the rounds). */
export interface UploadFigure {
  concurrency: number;
  /** Milliseconds added before each request. */
  latency: number;
  files: number;
  /** Bytes of document content per round. */
  bytes: number;
  /** Median wall time of one upload of every file, ms. */
  ms: number;
  documentsPerSecond: number;
  mibPerSecond: number;
  /** Highest RSS above the baseline, bytes. */
  peakRss: number;
  /** Highest heapUsed above the baseline, bytes. */
  peakHeap: number;
  uploaded: number;
  failed: number;
}

/** Options of {@link measureUploads}. */
export interface MeasureUploadsOptions {
  /** Files uploaded per round. Default 200. */
  files?: number;
  /** Bytes per file. Default 256 KiB. */
  size?: number;
  concurrency?: number[];
  /** Simulated round trips, ms added before each request; one set of figures each. Default [0]. */
  latency?: number[];
  rounds?: number;
  /** An API already serving bench/lib/api-server.ts; one is started when omitted. */
  url?: string;
  /** A build of the SDK (LAS_BENCH_DIST); src through tsx when omitted. */
  dist?: string;
  log?: (message: string) => void;
}

interface ChildResult {
  ms: number;
  uploaded: number;
  failed: number;
  bytes: number;
  peakRss: number;
  peakHeap: number;
}

const self = fileURLToPath(import.meta.url);
const DATASET = 'las:dataset:0123456789abcdef0123456789abcdef';

/** Writes the files, runs every concurrency `rounds` times in fresh processes, and returns the figures. */
export async function measureUploads(options: MeasureUploadsOptions = {}): Promise<UploadFigure[]> {
  const files = options.files ?? 200;
  const size = options.size ?? 256 * 1024;
  const levels = options.concurrency ?? [1, 4, 16];
  const latencies = options.latency ?? [0];
  const rounds = options.rounds ?? 2;
  const log = options.log ?? (() => {});
  const folder = mkdtempSync(path.join(os.tmpdir(), 'las-bench-upload-'));
  const own = options.url ? undefined : await startServer();
  const url = options.url ?? own!.url;
  try {
    writeFiles(folder, files, size);
    const figures: UploadFigure[] = [];
    for (const latency of latencies) {
      for (const concurrency of levels) {
        const results: ChildResult[] = [];
        for (let round = 0; round < rounds; round++) {
          log(`upload ${files} × ${mib(size)} at concurrency ${concurrency}, latency ${latency} ms, round ${round + 1}/${rounds}`);
          results.push(await runChild({ url, folder, concurrency, latency, dist: options.dist }));
        }
        const ms = median(results.map((r) => r.ms));
        const bytes = results[0].bytes;
        figures.push({
          concurrency,
          latency,
          files,
          bytes,
          ms,
          documentsPerSecond: (results[0].uploaded * 1000) / ms,
          mibPerSecond: (bytes / MiB) * (1000 / ms),
          peakRss: Math.max(...results.map((r) => r.peakRss)),
          peakHeap: Math.max(...results.map((r) => r.peakHeap)),
          uploaded: results[0].uploaded,
          failed: results[0].failed,
        });
      }
    }
    return figures;
  } finally {
    if (own) {
      own.server.closeAllConnections();
      await new Promise((resolve) => own.server.close(resolve));
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

/** A markdown table of the figures. */
export function formatUploadFigures(figures: UploadFigure[]): string {
  const rows = figures.map(
    (f) =>
      `| ${f.concurrency} | ${f.latency} ms | ${f.documentsPerSecond.toFixed(0)} docs/s | ${f.mibPerSecond.toFixed(1)} MiB/s | ${f.ms.toFixed(0)} ms | ` +
      `${mib(f.peakRss)} | ${mib(f.peakHeap)} | ${f.uploaded}/${f.files} |`,
  );
  return [
    `dataset.uploadDocuments(): ${figures[0]?.files} files of ${mib((figures[0]?.bytes ?? 0) / (figures[0]?.files || 1))}`,
    '',
    '| concurrency | added latency | throughput | bytes | wall | peak RSS | peak heap | uploaded |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

// PDFs by their header, random (incompressible, unique) bytes after it; ground truth beside every other one.
function writeFiles(folder: string, count: number, size: number): void {
  for (let i = 0; i < count; i++) {
    const name = `doc-${String(i).padStart(4, '0')}`;
    const header = Buffer.from('%PDF-1.7\n');
    writeFileSync(path.join(folder, `${name}.pdf`), Buffer.concat([header, randomBytes(Math.max(0, size - header.length))]));
    if (i % 2 === 0) writeFileSync(path.join(folder, `${name}.json`), JSON.stringify({ total_amount: `${i}.00`, paid: i % 4 === 0 }));
  }
}

interface ChildArgs {
  url: string;
  folder: string;
  concurrency: number;
  latency: number;
  dist?: string;
}

async function runChild(args: ChildArgs): Promise<ChildResult> {
  const child = fork(self, ['--child'], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    env: { ...process.env, ...(args.dist && { LAS_BENCH_DIST: args.dist }) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  child.send(args);
  return new Promise<ChildResult>((resolve, reject) => {
    let answered = false;
    child.once('message', (message) => {
      answered = true;
      const { ok, result, error } = message as { ok: boolean; result?: ChildResult; error?: string };
      if (ok) resolve(result!);
      else reject(new Error(`upload child failed: ${error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`upload child exited (${code}) without a result`));
    });
  });
}

async function child(): Promise<void> {
  const args = await new Promise<ChildArgs>((resolve) => process.once('message', resolve as never));
  try {
    const dist = process.env.LAS_BENCH_DIST;
    const sdk = (dist ? await import(pathToFileURL(path.join(dist, 'index.js')).href) : await import('../src/index.js')) as typeof LasSdk;
    const credentials = new sdk.Credentials({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, authEndpoint: args.url, apiEndpoint: args.url });
    const delayed: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, args.latency));
      return fetch(input, init);
    };
    const las = new sdk.Las({ credentials, ...(args.latency > 0 && { fetch: delayed }) });
    const dataset = las.datasets.ref(DATASET);
    // Token, connection and JIT warm before the measured run.
    await dataset.uploadDocuments([path.join(args.folder, 'doc-0000.pdf')]);
    const sampler = new MemorySampler();
    await sampler.start();
    const started = performance.now();
    const report = await dataset.uploadDocuments(args.folder, { concurrency: args.concurrency, onProgress: () => sampler.sample() });
    const ms = performance.now() - started;
    const memory = await sampler.stop();
    const result: ChildResult = {
      ms,
      uploaded: report.uploaded.length,
      failed: report.failures.length,
      bytes: report.bytes,
      peakRss: memory.peakRss,
      peakHeap: memory.peakHeap,
    };
    process.send!({ ok: true, result }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1));
  }
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
}

if (process.argv.includes('--child')) {
  await child();
} else if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const figures = await measureUploads({
    files: Number(option('files') ?? 200),
    size: Number(option('size') ?? 256 * 1024),
    concurrency: (option('concurrency') ?? '1,4,16').split(',').map(Number),
    latency: (option('latency') ?? '0,50').split(',').map(Number),
    rounds: Number(option('rounds') ?? 2),
    dist: process.env.LAS_BENCH_DIST,
    log: (message) => process.stderr.write(`[upload bench] ${message}\n`),
  });
  process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(figures, null, 2) : formatUploadFigures(figures)}\n`);
}
