/** `las datasets create-documents`: `dataset.uploadDocuments` with progress and a summary of every failure. */
import { readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import type { Context } from '../context.js';
import { EXIT, ExitCode, UsageError } from '../errors.js';
import { formatBytes, loadProgress } from '../progress.js';
import { printFailures } from './report.js';

/** Options of {@link createDocuments}. */
export interface CreateDocumentsOptions {
  concurrency: number;
  /** Skip what an earlier run uploaded (by content hash). */
  resume: boolean;
  /** Extension of the ground truth files beside the documents. */
  groundTruthExt: string;
}

/** Uploads the files of `paths` (folders walked) to the dataset; exit 1 if any failed, 130 if interrupted. */
export async function createDocuments(c: Context, datasetId: string, paths: string[], options: CreateDocumentsOptions): Promise<void> {
  if (options.groundTruthExt !== '.json') {
    // dataset.uploadDocuments reads <file>.json and <name>.json only; other extensions need an SDK option.
    throw new UsageError(`--ground-truth-ext: only .json is supported, got ${JSON.stringify(options.groundTruthExt)}`);
  }
  const files = await expand(paths, options.groundTruthExt);
  const las = await c.las();
  const dataset = las.datasets.ref(datasetId);
  const progress = (await loadProgress())(c.io.stderr, files.length, 'files');
  let report;
  try {
    report = await dataset.uploadDocuments(files, {
      concurrency: options.concurrency,
      resume: options.resume && { cacheDir: join(c.io.env.HOME ?? homedir(), '.lucidtech', 'uploads') },
      signal: c.signal,
      onProgress: (p) => progress.update({ done: p.done, failed: p.failed, bytes: p.bytes }),
    });
  } finally {
    progress.stop();
  }
  const notTried = report.total - report.uploaded.length - report.skipped.length - report.failures.length;
  c.note(
    `Uploaded ${report.uploaded.length} of ${report.total} files to ${datasetId} (${formatBytes(report.bytes)} in ${(report.durationMs / 1000).toFixed(1)} s); ` +
      `${report.skipped.length} already there, ${report.failures.length} failed${notTried ? `, ${notTried} not tried (interrupted)` : ''}.`,
  );
  for (const warning of report.warnings) c.note(`warning: ${warning}`);
  // In path order, as the files were given, not in the order the uploads happened to end.
  const failures = report.failures.map((f) => ({ path: f.path, reason: f.reason })).sort((a, b) => (a.path < b.path ? -1 : 1));
  await printFailures(c, failures, 'path', {
    datasetId,
    total: report.total,
    uploaded: report.uploaded.map(({ path, documentId, bytes }) => ({ path, documentId, bytes })),
    skipped: report.skipped.map(({ path, documentId }) => ({ path, documentId })),
    failures,
    bytes: report.bytes,
    durationMs: report.durationMs,
    aborted: report.aborted,
  }, report.uploaded.map((u) => ({ id: u.documentId })));
  if (report.aborted) throw new ExitCode(EXIT.interrupted);
  if (failures.length > 0) throw new ExitCode(EXIT.refused);
}

/**
 * The files of `paths`: a folder gives its files, recursively and sorted, without dot files and
 * ground truth files, as dataset.uploadDocuments walks a folder. A path that cannot be read is
 * kept, so the upload reports it with the rest.
 */
async function expand(paths: readonly string[], groundTruthExt: string): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch {
      // Reported by the upload as this file's failure.
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => !e.isDirectory() && extname(e.name).toLowerCase() !== groundTruthExt)
      .map((e) => join(e.parentPath, e.name))
      .filter((file) => !file.slice(path.length).split(/[\\/]/).some((part) => part.startsWith('.')));
    files.push(...found.sort());
  }
  return files;
}
