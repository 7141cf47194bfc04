/** A browser has no folders to write to: `dataset.downloadDocuments()` says what to call instead. */
import { ContentError } from '../../errors.js';
import { inThisRuntime } from './runtime.js';
import type { DownloadReport } from '../../jobs/download-types.js';

/** Refuses before anything is sent. */
export async function downloadDocumentsOfDataset(..._args: unknown[]): Promise<DownloadReport> {
  throw new ContentError(
    `dataset.downloadDocuments writes files into a folder, in Node, Bun and Deno only; ${inThisRuntime()} list ` +
      'las.documents.list({ datasetId }) and get each with las.documents.get(documentId), whose content is base64',
  );
}
