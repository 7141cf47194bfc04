/** A browser has no folders to upload: `dataset.uploadDocuments()` says what to call instead. */
import { ContentError } from '../../errors.js';
import { inThisRuntime } from './runtime.js';
import type { UploadReport } from '../../jobs/upload-types.js';

/** Refuses before anything is sent. */
export async function uploadDocumentsToDataset(..._args: unknown[]): Promise<UploadReport> {
  throw new ContentError(
    `dataset.uploadDocuments reads files and folders from disk, in Node, Bun and Deno only; ${inThisRuntime()} call las.documents.create(file, { datasetId }) for each File`,
  );
}
