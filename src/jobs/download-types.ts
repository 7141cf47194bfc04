/** What `dataset.downloadDocuments()` takes and reports (the download itself, Node only, is download-documents.ts). */

/** Default documents at once. */
export const DEFAULT_DOWNLOAD_CONCURRENCY = 8;

/** Options of `dataset.downloadDocuments()`. */
export interface DownloadDocumentsOptions {
  /** Documents fetched and written at once; at most this many are held in memory. Default 8. */
  concurrency?: number;
  /** Called once the dataset is listed, with the number of documents to go through. Errors it throws are ignored. */
  onListed?: (total: number) => void;
  /** Called after each document, whatever its outcome. Errors it throws are ignored. */
  onProgress?: (progress: DownloadProgress) => void;
  /**
   * Stops the download: no more documents are started and the requests in flight are cancelled
   * (those documents count as not tried). The report then has `aborted: true`; after an abort
   * while the dataset is listed, its `total` counts the documents listed by then.
   */
  signal?: AbortSignal;
}

/** Progress after one more document. */
export interface DownloadProgress {
  /** Documents in the dataset. */
  total: number;
  /** Documents finished, whatever the outcome: `downloaded + skipped + failed`. */
  done: number;
  /** Documents written so far. */
  downloaded: number;
  /** Documents whose files were already there. */
  skipped: number;
  /** Documents that could not be downloaded or written. */
  failed: number;
  /** Bytes of content written so far. */
  bytes: number;
  /** The document that just finished. */
  documentId: string;
  /** What became of it. */
  outcome: 'downloaded' | 'skipped' | 'failed';
}

/** A document written by this run. */
export interface DownloadedDocument {
  /** The document's id. */
  documentId: string;
  /** The content's file. */
  path: string;
  /** The ground truth's file, when the document has ground truth. */
  groundTruthPath?: string;
  /** Bytes of content written. */
  bytes: number;
}

/** A document that could not be downloaded. */
export interface DownloadFailure {
  /** The document's id. */
  documentId: string;
  /** Why, in a sentence. */
  reason: string;
  /** What was thrown: an `ApiError`, a `ContentError` (the file could not be written), ... */
  error: unknown;
}

/** What `dataset.downloadDocuments()` did. */
export interface DownloadReport {
  /** The dataset downloaded. */
  datasetId: string;
  /** Documents in the dataset. */
  total: number;
  /** Documents written by this run. */
  downloaded: DownloadedDocument[];
  /** Ids of the documents whose files were already there. */
  skipped: string[];
  /** Documents that could not be downloaded or written. */
  failures: DownloadFailure[];
  /** Bytes of content written. */
  bytes: number;
  /** How long the download took, in milliseconds. */
  durationMs: number;
  /** Whether the `signal` stopped the download before every document was tried. */
  aborted: boolean;
}
