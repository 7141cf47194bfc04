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
   * Skip files an earlier run uploaded to this dataset, as recorded in a manifest per dataset and
   * confirmed by listing the dataset. A file matches on what was given: its absolute path, the
   * SHA-256 of its content and its ground truth, so two files with the same bytes and different
   * ground truth are two documents. `true` keeps manifests in `~/.lucidtech/uploads`.
   */
  resume?: boolean | ResumeOptions;
  /**
   * Stops the upload: no more documents are started, and the uploads in flight are cancelled or
   * finished as `onAbort` says. The report then has `aborted: true`.
   */
  signal?: AbortSignal;
  /**
   * What `signal` does to the uploads in flight. `'cancel'` (default): they are cancelled, each a
   * failure with an `AbortError` (the API may have created it; with `resume`, the next run finds
   * out by comparing content before sending it again). `'finish'`: they run to their end and are
   * recorded as any other, so a resumed run never sends them again.
   */
  onAbort?: 'cancel' | 'finish';
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

/** A file of a folder that is not uploaded, and why (a hidden file, a ground truth file, ...). */
export interface IgnoredFile {
  path: string;
  /** Why, in a few words. */
  reason: string;
}

/** A document uploaded by this run. */
export interface UploadedDocument {
  /** The file it was read from. */
  path: string;
  /** Id of the new document. */
  documentId: string;
  /** SHA-256 of its content (hex). */
  sha256: string;
  /** Size of its content. */
  bytes: number;
}

/** A file skipped because an earlier run uploaded it, with the same content and ground truth (resume). */
export interface SkippedDocument {
  /** The file it was read from. */
  path: string;
  /** The document an earlier run made of it. */
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
  /** Files of the folder that are not documents (hidden files, ground truth files); empty for an iterable of paths. */
  ignored: IgnoredFile[];
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
