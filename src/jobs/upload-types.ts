/** What `dataset.uploadDocuments()` takes and reports (the upload itself, Node only, is upload-documents.ts). */

/** Where documents come from: a folder (walked recursively), or file paths. */
export type UploadSource = string | Iterable<string> | AsyncIterable<string>;

/** Options of `dataset.uploadDocuments()`. */
export interface UploadDocumentsOptions {
  /** Documents read and uploaded at once; at most this many are held in memory. Default 8. */
  concurrency?: number;
  /** Called after each document, whatever its outcome. Errors it throws are ignored. */
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Skip documents whose content was already uploaded to this dataset (by SHA-256), as recorded in
   * a manifest per dataset and confirmed by listing the dataset. `true` keeps manifests in
   * `~/.lucidtech/uploads`.
   */
  resume?: boolean | ResumeOptions;
  /**
   * Stops the upload: no more documents are started and the uploads in flight are cancelled (each
   * is a failure with an `AbortError`: the API may have created it). The report then has `aborted: true`.
   */
  signal?: AbortSignal;
}

/** Where resume manifests are kept. */
export interface ResumeOptions {
  /** Folder of the manifests, one `<dataset id>.jsonl` per dataset. Default `~/.lucidtech/uploads`. */
  cacheDir?: string;
}

/** Progress after one more document. */
export interface UploadProgress {
  /** Documents in the source. */
  total: number;
  /** Documents finished, whatever the outcome: `uploaded + skipped + failed`. */
  done: number;
  /** Documents uploaded so far. */
  uploaded: number;
  /** Documents skipped so far, their content being in the dataset already. */
  skipped: number;
  /** Documents that could not be uploaded so far. */
  failed: number;
  /** Bytes of document content uploaded so far. */
  bytes: number;
  /** The document that just finished. */
  path: string;
  /** What became of that document. */
  outcome: 'uploaded' | 'skipped' | 'failed';
}

/** A document uploaded by this run. */
export interface UploadedDocument {
  /** The file it was read from. */
  path: string;
  /** Id of the new document. */
  documentId: string;
  /** SHA-256 of its content (hex), what a resumed upload matches on. */
  sha256: string;
  /** Size of its content. */
  bytes: number;
}

/** A document skipped because its content is already in the dataset (resume). */
export interface SkippedDocument {
  /** The file it was read from. */
  path: string;
  /** The document already holding this content. */
  documentId: string;
  /** SHA-256 of its content (hex). */
  sha256: string;
}

/** A document that could not be uploaded. */
export interface UploadFailure {
  /** The file that was tried. */
  path: string;
  /** Why, in a sentence. */
  reason: string;
  /** What was thrown: a `ContentError` for unreadable or unsupported files, an `ApiError` when the API refused it, ... */
  error: unknown;
}

/** What `dataset.uploadDocuments()` did. */
export interface UploadReport {
  /** The dataset uploaded to. */
  datasetId: string;
  /** Documents in the source. */
  total: number;
  /** The documents created. */
  uploaded: UploadedDocument[];
  /** The documents already in the dataset. */
  skipped: SkippedDocument[];
  /** The documents that could not be uploaded. */
  failures: UploadFailure[];
  /** Bytes of document content uploaded. */
  bytes: number;
  /** Time the upload took, in milliseconds. */
  durationMs: number;
  /** Whether the `signal` stopped the upload before every document was tried. */
  aborted: boolean;
  /** The resume manifest, when `resume` was on. */
  manifest?: string;
  /** Things that did not stop any upload but need a look (e.g. the manifest could not be written). */
  warnings: string[];
}

/** Default documents at once. */
export const DEFAULT_UPLOAD_CONCURRENCY = 8;
