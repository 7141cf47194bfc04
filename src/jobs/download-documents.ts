/**
 * Downloading a dataset's documents into a folder: each document's content as `<name>.<ext>` and
 * its ground truth as `<name>.json` (the API's `[{ label, value }]`, which `uploadDocuments` reads
 * back), where `<name>` is the id with `:` made `_` (`las_document_<hex>.pdf`: no file system
 * refuses it), a bounded number at a time. Files are written to a temporary name and renamed, so a
 * file under its final name is complete: a second run skips every document whose files are there,
 * under this name or the id itself (how earlier versions named them).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AbortError, ContentError, describeError, PartialFailureError } from '../errors.js';
import type { DocumentContentType } from '../content/content.js';
import type { GroundTruthEntry } from '../api/documents.js';
import type { Documents } from '../resources/documents.js';
import { checkId } from '../resources/checks.js';
import { ids } from '../api/ids.js';
import { checkOption, option } from '../options.js';
import { stopsEveryItem } from './failures.js';
import { DEFAULT_DOWNLOAD_CONCURRENCY, type DownloadDocumentsOptions, type DownloadedDocument, type DownloadFailure, type DownloadReport } from './download-types.js';

export type { DownloadDocumentsOptions, DownloadedDocument, DownloadFailure, DownloadProgress, DownloadReport } from './download-types.js';

/** File extension of each content type. */
export const CONTENT_EXTENSIONS: Readonly<Record<DocumentContentType, string>> = Object.freeze({
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/tiff': 'tif',
  'image/webp': 'webp',
});

interface Listed {
  documentId: string;
  contentType: DocumentContentType;
  groundTruth?: GroundTruthEntry[];
}

type Outcome = { kind: 'downloaded'; value: DownloadedDocument } | { kind: 'skipped' } | { kind: 'failed'; value: DownloadFailure } | { kind: 'aborted' };

/**
 * Downloads every document of a dataset into `dir` (created when missing): lists the dataset
 * (`GET /documents?datasetId=...`), then per document not yet there `GET /documents/{documentId}`,
 * `concurrency` at a time. A document that fails is reported and the rest go on; credentials that
 * stop working or a used-up quota stop the download with a `PartialFailureError` once the
 * documents under way have finished.
 */
export async function downloadDocuments(documents: Documents, datasetId: string, dir: string, options: DownloadDocumentsOptions = {}): Promise<DownloadReport> {
  const started = performance.now();
  checkId(datasetId, ids.dataset, 'datasetId', 'downloadDocuments');
  const concurrency = options.concurrency ?? DEFAULT_DOWNLOAD_CONCURRENCY;
  checkOption('downloadDocuments', 'concurrency', concurrency, option.count);
  const { signal, onProgress } = options;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new ContentError(`could not create folder ${JSON.stringify(dir)}: ${describeError(error)}`, { cause: error });
  }
  const listed: Listed[] = [];
  let listingAborted = false;
  try {
    for await (const document of documents.list({ datasetId }, signal && { signal })) {
      listed.push({ documentId: document.documentId, contentType: document.contentType, ...(document.groundTruth && { groundTruth: document.groundTruth }) });
    }
  } catch (error) {
    if (!(error instanceof AbortError)) throw error;
    listingAborted = true;
  }
  try {
    options.onListed?.(listed.length);
  } catch {
    // As onProgress: a display must not stop the download.
  }
  const report: DownloadReport = { datasetId, total: listed.length, downloaded: [], skipped: [], failures: [], bytes: 0, durationMs: 0, aborted: false };
  let next = 0;
  let stop: { error: unknown; documentId: string } | undefined;

  const downloadOne = async (item: Listed): Promise<Outcome> => {
    const extension = CONTENT_EXTENSIONS[item.contentType] ?? 'bin';
    const stem = join(dir, fileStem(item.documentId));
    const contentPath = `${stem}.${extension}`;
    const groundTruthPath = `${stem}.json`;
    try {
      const needsGroundTruth = (item.groundTruth?.length ?? 0) > 0;
      const there = async (at: string) => (await exists(`${at}.${extension}`)) && (!needsGroundTruth || (await exists(`${at}.json`)));
      if ((await there(stem)) || (await there(join(dir, item.documentId)))) return { kind: 'skipped' };
      const document = await documents.get(item.documentId, signal && { signal });
      // The inline base64 (2021-09-23) or the file server's bytes (2024-11-29).
      const bytes = await document.bytes({}, signal && { signal });
      await writeAtomically(contentPath, bytes);
      const groundTruth = document.groundTruth ?? [];
      if (groundTruth.length > 0) await writeAtomically(groundTruthPath, `${JSON.stringify(groundTruth, null, 2)}\n`);
      return {
        kind: 'downloaded',
        value: { documentId: item.documentId, path: contentPath, ...(groundTruth.length > 0 && { groundTruthPath }), bytes: bytes.byteLength },
      };
    } catch (error) {
      // Cancelled by the signal: not tried, as the documents after it (a GET has no effect to report).
      if (error instanceof AbortError) return { kind: 'aborted' };
      if (stopsEveryItem(error, 'the item')) stop ??= { error, documentId: item.documentId };
      return { kind: 'failed', value: { documentId: item.documentId, reason: describeError(error), error } };
    }
  };

  const lane = async (): Promise<void> => {
    while (next < listed.length && !signal?.aborted && !stop) {
      const item = listed[next++];
      const outcome = await downloadOne(item);
      if (outcome.kind === 'aborted') continue;
      if (outcome.kind === 'downloaded') {
        report.downloaded.push(outcome.value);
        report.bytes += outcome.value.bytes;
      } else if (outcome.kind === 'skipped') report.skipped.push(item.documentId);
      else report.failures.push(outcome.value);
      if (!onProgress) continue;
      const { downloaded, skipped, failures } = report;
      try {
        onProgress({
          total: report.total,
          done: downloaded.length + skipped.length + failures.length,
          downloaded: downloaded.length,
          skipped: skipped.length,
          failed: failures.length,
          bytes: report.bytes,
          documentId: item.documentId,
          outcome: outcome.kind,
        });
      } catch {
        // A broken progress display must not cost the user their download.
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(concurrency, listed.length) }, lane));
  report.durationMs = Math.round(performance.now() - started);
  const finished = report.downloaded.length + report.skipped.length + report.failures.length;
  if (stop) {
    throw new PartialFailureError(
      `Downloading dataset ${datasetId} stopped at ${stop.documentId}: ${describeError(stop.error)}. ${report.downloaded.length} of ` +
        `${report.total} documents were downloaded, ${report.total - finished} not tried; fix the cause and run again.`,
      { cause: stop.error, completed: report.downloaded.length },
    );
  }
  report.aborted = listingAborted || finished < report.total;
  return report;
}

/** The name of a document's files without extension: its id with what some file systems refuse (`:`) made `_`. */
export function fileStem(documentId: string): string {
  return documentId.replace(/[^A-Za-z0-9._-]/g, '_');
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Writes `data` to a temporary file beside `path` and renames it into place: `path` is never half-written. */
async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new ContentError(`could not write ${path}: ${describeError(error)}`, { cause: error });
  }
}
