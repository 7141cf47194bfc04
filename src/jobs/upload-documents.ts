/**
 * `dataset.uploadDocuments()`: many files into one dataset, a bounded number at a time, ground
 * truth from sidecar JSON files, every failure reported without stopping the rest, and resume by
 * content hash through a manifest of what was uploaded.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { readContent, sniffContentType } from '../content/content.js';
import {
  DEFAULT_UPLOAD_CONCURRENCY,
  type SkippedDocument,
  type UploadDocumentsOptions,
  type UploadedDocument,
  type UploadFailure,
  type UploadProgress,
  type UploadReport,
  type UploadSource,
} from './upload-types.js';
import { AbortError, ContentError, describeError, InvalidCredentialsError, LimitExceededError, NotFoundError, PartialFailureError, ValidationError } from '../errors.js';
import { createDocumentSchema, type GroundTruthEntry } from '../api/documents.js';
import { contentSizeProblem } from '../http/document-body.js';
import type { Documents } from '../resources/documents.js';

/** The API takes document content of at most this many base64 characters. */
const MAX_BASE64_LENGTH = createDocumentSchema.properties.content.maxLength as number;

type Outcome =
  | { kind: 'aborted' }
  | { kind: 'uploaded'; value: UploadedDocument }
  | { kind: 'skipped'; value: SkippedDocument }
  | { kind: 'failed'; value: UploadFailure };

/**
 * The work of `dataset.uploadDocuments()`: `concurrency` lanes each take the next path, read it,
 * upload it with `POST /documents`, and drop it before taking another, so no more than
 * `concurrency` documents are in memory. Errors that would fail every document (credentials,
 * quota, a dataset that does not exist) stop the upload with a `PartialFailureError` once the
 * documents under way have finished.
 */
export async function uploadDocumentsToDataset(
  documents: Documents,
  datasetId: string,
  source: UploadSource,
  options: UploadDocumentsOptions = {},
): Promise<UploadReport> {
  const started = performance.now();
  const concurrency = options.concurrency ?? DEFAULT_UPLOAD_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ValidationError(`dataset.uploadDocuments: concurrency must be a whole number >= 1, got ${String(concurrency)}`);
  }
  const { signal, onProgress } = options;
  const paths = await collectPaths(source);
  const manifest = options.resume
    ? await ResumeManifest.open(documents, datasetId, (options.resume === true ? undefined : options.resume.cacheDir) ?? defaultCacheDir(), signal)
    : undefined;
  const report: UploadReport = {
    datasetId,
    total: paths.length,
    uploaded: [],
    skipped: [],
    failures: [],
    bytes: 0,
    durationMs: 0,
    aborted: false,
    ...(manifest && { manifest: manifest.file }),
    warnings: [],
  };
  let next = 0;
  let stop: { error: unknown; path: string } | undefined;

  const uploadOne = async (file: string): Promise<Outcome> => {
    try {
      const bytes = await readContent(file);
      const contentType = sniffContentType(bytes);
      if (!contentType) {
        throw new ContentError(`${file} is not a pdf, jpeg, png or tiff document (judged by its leading bytes)`);
      }
      const tooLarge = contentSizeProblem({ bytes }, MAX_BASE64_LENGTH);
      if (tooLarge) throw new ContentError(`${file} ${tooLarge}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const known = manifest?.lookup(sha256);
      if (known) return { kind: 'skipped', value: { path: file, documentId: known, sha256 } };
      const groundTruth = await readGroundTruth(file);
      const document = await documents.create(bytes, { datasetId, contentType, ...(groundTruth && { groundTruth }) }, signal && { signal });
      const warning = await manifest?.record({ sha256, documentId: document.documentId, path: file });
      if (warning) report.warnings.push(warning);
      return { kind: 'uploaded', value: { path: file, documentId: document.documentId, sha256, bytes: bytes.byteLength } };
    } catch (error) {
      // Stopped before it was sent: not tried, as the documents after it.
      if (error instanceof AbortError && !error.mayHaveBeenApplied) return { kind: 'aborted' };
      if (isFatal(error)) stop ??= { error, path: file };
      return { kind: 'failed', value: { path: file, reason: describeError(error), error } };
    }
  };

  const lane = async (): Promise<void> => {
    while (next < paths.length && !signal?.aborted && !stop) {
      const file = paths[next++];
      const outcome = await uploadOne(file);
      if (outcome.kind === 'aborted') continue;
      if (outcome.kind === 'uploaded') {
        report.uploaded.push(outcome.value);
        report.bytes += outcome.value.bytes;
      } else if (outcome.kind === 'skipped') report.skipped.push(outcome.value);
      else report.failures.push(outcome.value);
      if (onProgress) {
        const { uploaded, skipped, failures } = report;
        const progress: UploadProgress = {
          total: report.total,
          done: uploaded.length + skipped.length + failures.length,
          uploaded: uploaded.length,
          skipped: skipped.length,
          failed: failures.length,
          bytes: report.bytes,
          path: file,
          outcome: outcome.kind,
        };
        try {
          onProgress(progress);
        } catch {
          // A broken progress display must not cost the user their upload.
        }
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, lane));
  } finally {
    await manifest?.close();
  }
  report.durationMs = Math.round(performance.now() - started);
  const finished = report.uploaded.length + report.skipped.length + report.failures.length;
  if (stop) {
    throw new PartialFailureError(
      `Uploading to dataset ${datasetId} stopped at ${stop.path}: ${describeError(stop.error)}. ${report.uploaded.length} of ` +
        `${report.total} documents were uploaded, ${report.total - finished} not tried; fix the cause and run again` +
        `${manifest ? '' : ' (with resume to skip what is uploaded)'}.`,
      { cause: stop.error, completed: report.uploaded.length },
    );
  }
  // A document cut off in flight is among the failures (the API may have created it), yet not done.
  report.aborted = finished < report.total || report.failures.some((failure) => failure.error instanceof AbortError);
  return report;
}

/** The documents of a folder (recursively, sorted, without dot files and `.json` sidecars) or of an iterable. */
async function collectPaths(source: UploadSource): Promise<string[]> {
  if (typeof source === 'string') {
    let isFolder: boolean;
    try {
      isFolder = (await stat(source)).isDirectory();
    } catch (error) {
      throw new ContentError(`could not read folder ${JSON.stringify(source)}: ${describeError(error)}`, { cause: error });
    }
    if (!isFolder) {
      throw new ValidationError(`dataset.uploadDocuments: ${JSON.stringify(source)} is not a folder; pass a folder or an iterable of file paths`);
    }
    const files: string[] = [];
    await walk(source, files);
    return files.sort();
  }
  if (source === null || typeof source !== 'object' || !(Symbol.iterator in source || Symbol.asyncIterator in source)) {
    throw new ValidationError('dataset.uploadDocuments: source must be a folder path or an iterable of file paths');
  }
  // Collected first so progress has a total; paths are small, documents are what must not pile up.
  const files: string[] = [];
  for await (const file of source as AsyncIterable<unknown>) {
    if (typeof file !== 'string' || file === '') {
      throw new ValidationError(`dataset.uploadDocuments: every item of source must be a file path, got ${typeof file === 'string' ? 'an empty string' : typeof file}`);
    }
    files.push(file);
  }
  return files;
}

async function walk(folder: string, into: string[]): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, into);
    else if (extname(entry.name).toLowerCase() !== '.json') into.push(full);
  }
}

/**
 * The ground truth of `file` from `<file>.json` or, failing that, `<name without extension>.json`
 * beside it: a list of `{ label, value }` as the API takes it, or an object of `label: value`.
 */
async function readGroundTruth(file: string): Promise<GroundTruthEntry[] | undefined> {
  const candidates = [...new Set([`${file}.json`, join(dirname(file), `${basename(file, extname(file))}.json`)])];
  for (const candidate of candidates) {
    let text: string;
    try {
      text = await readFile(candidate, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw new ContentError(`could not read ground truth ${candidate}: ${describeError(error)}`, { cause: error });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ContentError(`ground truth ${candidate} is not valid JSON: ${describeError(error)}`, { cause: error });
    }
    if (Array.isArray(value)) return value as GroundTruthEntry[];
    if (value !== null && typeof value === 'object') {
      return Object.entries(value).map(([label, v]) => ({ label, value: typeof v === 'number' ? String(v) : v }) as GroundTruthEntry);
    }
    throw new ContentError(`ground truth ${candidate} must be a list of { label, value } or an object of label: value`);
  }
  return undefined;
}

/**
 * Which contents are already in a dataset. The API keeps no content hashes, so they are kept here:
 * an append-only JSON-lines file per dataset, one `{ sha256, documentId, path }` per upload, written
 * right after the API confirmed it. Appends of one short line do not interleave, and a line torn by
 * a crash is skipped on reading. On opening, entries whose document is no longer in the dataset
 * (deleted, or moved) are dropped by listing the dataset's document ids.
 */
class ResumeManifest {
  readonly #known = new Map<string, string>();
  #handle: FileHandle | undefined;
  #writes: Promise<unknown> = Promise.resolve();

  private constructor(readonly file: string) {}

  static async open(documents: Documents, datasetId: string, cacheDir: string, signal: AbortSignal | undefined): Promise<ResumeManifest> {
    const manifest = new ResumeManifest(join(cacheDir, `${datasetId.replace(/[^A-Za-z0-9-]/g, '_')}.jsonl`));
    let text = '';
    try {
      text = await readFile(manifest.file, 'utf8');
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') {
        throw new ContentError(`could not read the resume manifest ${manifest.file}: ${describeError(error)}`, { cause: error });
      }
    }
    const entries = text.split('\n').flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { sha256?: unknown; documentId?: unknown };
        return typeof entry.sha256 === 'string' && typeof entry.documentId === 'string' ? [{ sha256: entry.sha256, documentId: entry.documentId }] : [];
      } catch {
        return [];
      }
    });
    if (entries.length > 0) {
      const present = new Set<string>();
      for await (const document of documents.list({ datasetId }, signal && { signal })) present.add(document.documentId);
      for (const entry of entries) if (present.has(entry.documentId)) manifest.#known.set(entry.sha256, entry.documentId);
    }
    // Opened before any upload, so a cache folder that cannot be written stops the run before it starts.
    try {
      await mkdir(cacheDir, { recursive: true });
      manifest.#handle = await open(manifest.file, 'a');
    } catch (error) {
      throw new ContentError(`could not open the resume manifest ${manifest.file} for writing: ${describeError(error)}`, { cause: error });
    }
    return manifest;
  }

  /** The document holding content of this hash, if the dataset has one. */
  lookup(sha256: string): string | undefined {
    return this.#known.get(sha256);
  }

  /** Appends one entry; returns a warning instead of throwing, as the upload itself succeeded. */
  async record(entry: { sha256: string; documentId: string; path: string }): Promise<string | undefined> {
    this.#known.set(entry.sha256, entry.documentId);
    const line = `${JSON.stringify(entry)}\n`;
    const handle = this.#handle;
    const write = this.#writes.then(async () => handle?.appendFile(line, 'utf8'));
    this.#writes = write.catch(() => undefined);
    try {
      await write;
      return undefined;
    } catch (error) {
      return `${entry.path} was uploaded as ${entry.documentId} but could not be recorded in ${this.file}: ${describeError(error)}; a resumed run would upload it again`;
    }
  }

  async close(): Promise<void> {
    await this.#writes;
    await this.#handle?.close();
    this.#handle = undefined;
  }
}

function defaultCacheDir(): string {
  return join(homedir(), '.lucidtech', 'uploads');
}

/** Errors no other document would escape: stop rather than fail the same way thousands of times. */
function isFatal(error: unknown): boolean {
  return error instanceof InvalidCredentialsError || error instanceof LimitExceededError || error instanceof NotFoundError;
}
