/** `las datasets get-documents`: dataset.downloadDocuments with progress and a summary of every failure. */
import type { Context } from '../context.js';
import { EXIT, ExitCode } from '../errors.js';
import { formatBytes, loadProgress, type Progress } from '../progress.js';
import { sayWhenStopping } from './interrupt.js';
import { printFailures } from './report.js';

/** Downloads the dataset's documents into `dir` (`las_document_<hex>.pdf` and `.json`); exit 1 if any failed, 130 if interrupted. */
export async function getDocuments(c: Context, datasetId: string, dir: string, options: { concurrency: number }): Promise<void> {
  const las = await c.las();
  const startProgress = await loadProgress();
  let progress: Progress | undefined;
  // A download in flight is cancelled: nothing is under its final name until it is whole.
  const unlisten = sayWhenStopping(c, () => 'no new documents; the downloads under way are cancelled');
  let report;
  try {
    report = await las.datasets.ref(datasetId).downloadDocuments(dir, {
      concurrency: options.concurrency,
      signal: c.signal,
      onListed: (total) => (progress = startProgress(c.io.stderr, total, 'documents')),
      onProgress: (p) => progress?.update({ done: p.done, failed: p.failed, bytes: p.bytes }),
    });
  } finally {
    unlisten();
    progress?.stop();
  }
  const notTried = report.total - report.downloaded.length - report.skipped.length - report.failures.length;
  c.note(
    `Downloaded ${report.downloaded.length} of ${report.total} documents of ${datasetId} into ${dir} (${formatBytes(report.bytes)} in ${(report.durationMs / 1000).toFixed(1)} s); ` +
      `${report.skipped.length} already there, ${report.failures.length} failed${notTried ? `, ${notTried} not tried (interrupted)` : ''}.`,
  );
  const failures = report.failures.map((f) => ({ documentId: f.documentId, reason: f.reason })).sort((a, b) => (a.documentId < b.documentId ? -1 : 1));
  await printFailures(c, failures, 'documentId', {
    datasetId,
    total: report.total,
    downloaded: report.downloaded,
    skipped: report.skipped,
    failures,
    bytes: report.bytes,
    durationMs: report.durationMs,
    aborted: report.aborted,
  }, report.downloaded.map((d) => ({ id: d.documentId })));
  if (report.aborted) throw new ExitCode(EXIT.interrupted);
  if (failures.length > 0) throw new ExitCode(EXIT.refused);
}
