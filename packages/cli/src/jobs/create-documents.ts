/** `las datasets create-documents`: `dataset.uploadDocuments` with progress and a summary of every failure. */
import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { IgnoredFile } from 'las-sdk';
import type { Context } from '../context.js';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { formatBytes, loadProgress } from '../progress.js';
import { sayWhenStopping } from './interrupt.js';
import { printFailures } from './report.js';

/** Options of {@link createDocuments}. */
export interface CreateDocumentsOptions {
  concurrency: number;
  /** Skip what an earlier run uploaded (same path, content and ground truth). */
  resume: boolean;
  /** Extension of the ground truth files beside the documents. */
  groundTruthExt: string;
}

/**
 * Uploads the files of `paths` (folders walked) to the dataset; exit 1 if any failed, 130 if
 * interrupted. Ctrl+C takes no new file and lets the uploads under way finish, so each is
 * recorded and a re-run never sends it again.
 */
export async function createDocuments(c: Context, datasetId: string, paths: string[], options: CreateDocumentsOptions): Promise<void> {
  if (options.groundTruthExt !== '.json') {
    // dataset.uploadDocuments reads <file>.json and <name>.json only; other extensions need an SDK option.
    throw new UsageError(`--ground-truth-ext: only .json is supported, got ${JSON.stringify(options.groundTruthExt)}`);
  }
  const { files, ignored } = await expand(paths);
  const las = await c.las();
  const dataset = las.datasets.ref(datasetId);
  const progress = (await loadProgress())(c.io.stderr, files.length, 'files');
  const unlisten = sayWhenStopping(c, () => 'no new files; the uploads under way finish first');
  let report;
  try {
    report = await dataset.uploadDocuments(files, {
      concurrency: options.concurrency,
      resume: options.resume && { cacheDir: join(c.io.env.HOME ?? homedir(), '.lucidtech', 'uploads') },
      ...(c.signal && { signal: c.signal }),
      onAbort: 'finish',
      onProgress: (p) => progress.update({ done: p.done, failed: p.failed, bytes: p.bytes }),
    });
  } finally {
    unlisten();
    progress.stop();
  }
  const notTried = report.total - report.uploaded.length - report.skipped.length - report.failures.length;
  c.note(
    `Uploaded ${report.uploaded.length} of ${report.total} files to ${datasetId} (${formatBytes(report.bytes)} in ${(report.durationMs / 1000).toFixed(1)} s); ` +
      `${report.skipped.length} already there, ${report.failures.length} failed${notTried ? `, ${notTried} not tried (interrupted)` : ''}` +
      `${ignored.length ? `; ${ignored.length} not documents, left out` : ''}.`,
  );
  noteIgnored(c, ignored);
  for (const warning of report.warnings) c.note(`warning: ${warning}`);
  // In path order, as the files were given, not in the order the uploads happened to end.
  const failures = report.failures.map((f) => ({ path: f.path, reason: f.reason })).sort((a, b) => (a.path < b.path ? -1 : 1));
  await printFailures(c, failures, 'path', {
    datasetId,
    total: report.total,
    uploaded: report.uploaded.map(({ path, documentId, bytes }) => ({ path, documentId, bytes })),
    skipped: report.skipped.map(({ path, documentId }) => ({ path, documentId })),
    failures,
    ignored,
    bytes: report.bytes,
    durationMs: report.durationMs,
    aborted: report.aborted,
  }, report.uploaded.map((u) => ({ id: u.documentId })));
  if (report.aborted) throw new ExitCode(EXIT.interrupted);
  if (failures.length > 0) throw new ExitCode(EXIT.refused);
}

/**
 * Each file left out, with its reason; ground truth files, read with their documents, are counted
 * rather than listed (a folder of 1000 documents has as many).
 */
function noteIgnored(c: Context, ignored: readonly IgnoredFile[]): void {
  const groundTruth = ignored.filter((file) => file.reason.startsWith('a .json file'));
  const others = ignored.filter((file) => !groundTruth.includes(file));
  if (groundTruth.length > 0) c.note(`Left out ${groundTruth.length} .json files (ground truth, read with the document of the same name).`);
  if (others.length === 0) return;
  c.note(`Left out (${others.length}):`);
  for (const file of others) c.note(`  ${file.path}: ${file.reason}`);
}

/**
 * The files of `paths`: a folder gives its documents as `dataset.uploadDocuments` walks one (the
 * same function), a file stands for itself, a path given twice counts once. A path that cannot be
 * read is kept, so the upload reports it with the rest.
 */
async function expand(paths: readonly string[]): Promise<{ files: string[]; ignored: IgnoredFile[] }> {
  const { documentsOfFolder } = await import('las-sdk');
  const files: string[] = [];
  const ignored: IgnoredFile[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(resolve(file))) ignored.push({ path: file, reason: 'given more than once: uploaded once' });
    else files.push(file);
    seen.add(resolve(file));
  };
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      // Reported by the upload as this file's failure.
    }
    if (!isFolder) {
      add(path);
      continue;
    }
    const found = await documentsOfFolder(path);
    found.documents.forEach(add);
    ignored.push(...found.ignored);
  }
  return { files, ignored };
}
