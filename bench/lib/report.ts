/** The printed table, bench/results.json and the README's performance section. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CALLS, COLD_RUNS, DOCUMENTS, IN_FLIGHT, PAGE_COUNT, ROUNDS, UPLOAD_BYTES, UPLOAD_DOCUMENTS, WARMUP } from './config.js';
import type { Row } from './figures.js';
import { round } from './stats.js';

const METHOD =
  `Every figure runs in a fresh process against a local HTTP server, which runs in a process of its own and answers ` +
  `with the API's shapes. Times: ${WARMUP} warm-up round, then ${ROUNDS} rounds. A round runs the whole workload once ` +
  `per side, cut into blocks that the sides take in turn: 100 sequential calls, one page, 250 calls 64 at a time, ` +
  `or one upload. A time is the median round; a ratio is the median of the block-by-block ratios. Memory: one side ` +
  `per process, the peak above an after-GC baseline. RSS is sampled every millisecond from a worker thread, and the ` +
  `upload's bytes are already in memory when the baseline is taken. Cold start: the in-process time to import the ` +
  `built package and construct \`new Las\`, against \`import('ky')\` alone; median of ${COLD_RUNS} fresh node ` +
  `processes each. "ky alone" is ky set up as the Session sets it up (prefix, timeouts, the retry policy of the build, ` +
  `default headers) reading each answer with .text() and JSON.parse: what las-sdk adds over it is its own. ` +
  `uploadDocuments: ${UPLOAD_DOCUMENTS.files} PDFs of ${UPLOAD_DOCUMENTS.size / 1024} KiB (random bytes) uploaded by ` +
  `dataset.uploadDocuments() at each concurrency in ${UPLOAD_DOCUMENTS.rounds} fresh processes against the same server; ` +
  `the median throughput, and the highest peak RSS and heap above an after-GC baseline. Emulator: two ` +
  `\`las-emulator --data\` processes (run with tsx), one holding 60 documents of 1 MiB, the other empty, take ` +
  `POST /batches in blocks of 25 sequential calls, in turns; the ratio is the median of the block ratios of the mean ` +
  `latencies. Restart: spawn to listening on the same directory, median of 3, in turns with the empty one. Bun and ` +
  `Deno: the per-call and listing workloads above, run by \`bun\` and \`deno\` (devDependencies) in a fresh process ` +
  `per figure on the same build, loaded as each runtime resolves it (its package.json condition picks its transport, ` +
  `checked), against that runtime's own fetch of the same URLs, the two taking turns block by block; each ratio is ` +
  `to its own runtime's baseline, so runtimes are compared by ratio, not by time.`;

export function table(rows: readonly Row[], markdown: boolean): string {
  const head = ['Figure', 'las-sdk', 'Baseline', 'Ratio', 'Target', 'Result'];
  const body = rows.map((r) => [r.figure, r.sdk, r.baseline, r.ratioText, r.target, r.pass === null ? 'info' : r.pass ? 'PASS' : 'MISS']);
  if (markdown) {
    const escape = (cell: string) => cell.replaceAll('|', '\\|');
    return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.map(escape).join(' | ')} |`).join('\n');
  }
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((cells) => cells[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${os.platform()} ${os.arch()}`;
}

export function summary(rows: readonly Row[]): string {
  const judged = rows.filter((r) => r.pass !== null);
  const missed = judged.filter((r) => !r.pass).map((r) => r.id);
  return `${judged.length - missed.length} of ${judged.length} targets met${missed.length ? ` (missed: ${missed.join(', ')})` : ''}`;
}

/** Writes results.json and README-section.md into `outDir`. */
export function write(
  outDir: string,
  run: { rows: readonly Row[]; notes: readonly string[]; seconds: number; source: string },
): void {
  const date = new Date().toISOString().slice(0, 10);
  const results = {
    command: 'npm run bench',
    date,
    node: process.version,
    machine: machine(),
    source: run.source,
    workload: {
      calls: CALLS,
      documents: DOCUMENTS,
      pages: PAGE_COUNT,
      inFlight: IN_FLIGHT,
      uploadBytes: UPLOAD_BYTES,
      uploadDocuments: UPLOAD_DOCUMENTS,
      rounds: ROUNDS,
      warmup: WARMUP,
    },
    summary: summary(run.rows),
    figures: Object.fromEntries(
      run.rows.map((r) => [
        r.id,
        { figure: r.figure, ratio: r.ratio === null ? null : round(r.ratio, 3), target: r.target, pass: r.pass, ...r.values },
      ]),
    ),
    notes: run.notes,
    method: METHOD,
    seconds: Math.round(run.seconds),
  };
  mkdirSync(outDir, { recursive: true });
  // Arrays of numbers on one line each: a new run changes a line per figure, not a screenful.
  const json = JSON.stringify(results, null, 2).replace(/\[\s+(-?[\d.]+(?:,\s+-?[\d.]+)*)\s+\]/g, (_, items: string) => `[${items.split(/,\s+/).join(', ')}]`);
  writeFileSync(path.join(outDir, 'results.json'), `${json}\n`);
  const section = [
    '## Performance',
    '',
    "What the SDK costs over the raw HTTP calls it wraps. Each figure is measured side by side with its baseline in the same run, against a local server that answers with the API's shapes. To reproduce:",
    '',
    '```sh',
    'npm run bench',
    '```',
    '',
    table(run.rows, true),
    '',
    `${summary(run.rows)}. Measured ${date} on Node ${process.version}, ${machine()}. \`npm run bench\` took ${Math.round(run.seconds)} s. ` +
      'Every round of every figure is in [bench/results.json](bench/results.json).',
    '',
    METHOD,
    ...run.notes.map((note) => `\n${note}`),
    '',
  ].join('\n');
  writeFileSync(path.join(outDir, 'README-section.md'), section);
}
