/**
 * `dataset.uploadDocuments()`: many files into one dataset, a bounded number at a time, ground
 * truth from sidecar JSON files, every failure reported without stopping the rest, and resume
 * through a manifest of what was uploaded, keyed on what was given (path, content, ground truth).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, stat, type FileHandle } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readContent, sniffContentType } from '../content/content.js';
import { documentsOfFolder } from './folder-documents.js';
import {
  DEFAULT_UPLOAD_CONCURRENCY,
  type IgnoredFile,
  type SkippedDocument,
  type UploadDocumentsOptions,
  type UploadedDocument,
  type UploadFailure,
  type UploadProgress,
  type UploadReport,
  type UploadSource,
} from './upload-types.js';
import { AbortError, ApiError, ContentError, describeError, NotFoundError, PartialFailureError, ValidationError } from '../errors.js';
import type { GroundTruthEntry } from '../api/documents.js';
import { checkOption, option } from '../options.js';
import { stopsEveryItem } from './failures.js';
import type { Documents } from '../resources/documents.js';

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
  checkOption('dataset.uploadDocuments', 'concurrency', concurrency, option.count);
  const { signal, onProgress } = options;
  const onAbort = checkOption('dataset.uploadDocuments', 'onAbort', options.onAbort, option.oneOf(['cancel', 'finish']), 'cancel');
  // With 'finish', a request once sent runs to its end, so what it made is recorded.
  const requestSignal = onAbort === 'cancel' ? signal : undefined;
  const { paths, ignored } = await collectPaths(source);
  const manifest = options.resume
    ? await ResumeManifest.open(documents, datasetId, (options.resume === true ? undefined : options.resume.cacheDir) ?? defaultCacheDir(), signal)
    : undefined;
  const report: UploadReport = {
    datasetId,
    total: paths.length,
    uploaded: [],
    skipped: [],
    failures: [],
    ignored,
    bytes: 0,
    durationMs: 0,
    aborted: false,
    ...(manifest && { manifest: manifest.file }),
    warnings: [],
  };
  let next = 0;
  let stop: { error: unknown; path: string } | undefined;

  const uploadOne = async (file: string): Promise<Outcome> => {
    let sent: string | undefined;
    try {
      const bytes = await readContent(file);
      const contentType = sniffContentType(bytes);
      if (!contentType) {
        throw new ContentError(`${file} is not a pdf, jpeg, png or tiff document (judged by its leading bytes)`);
      }
      const tooLarge = documents.sizeProblem({ bytes });
      if (tooLarge) throw new ContentError(`${file} ${tooLarge}`);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const groundTruth = await readGroundTruth(file);
      const key = resumeKey(file, sha256, groundTruth);
      const known = manifest?.lookup(key, sha256, file);
      if (known) return { kind: 'skipped', value: { path: file, documentId: known, sha256 } };
      // Read but not sent when the signal came: not tried, as the files after it.
      if (signal?.aborted) return { kind: 'aborted' };
      const sending = await manifest?.append({ key, sha256, groundTruth: (groundTruth ?? []).map(({ label, value }) => ({ label, value })), path: file, pending: true });
      if (sending) report.warnings.push(`${file}: the send ${sending}`);
      sent = key;
      const document = await documents.create(bytes, { datasetId, contentType, ...(groundTruth && { groundTruth }) }, requestSignal && { signal: requestSignal });
      const warning = await manifest?.record({ key, sha256, documentId: document.documentId, path: file });
      if (warning) report.warnings.push(warning);
      return { kind: 'uploaded', value: { path: file, documentId: document.documentId, sha256, bytes: bytes.byteLength } };
    } catch (error) {
      // The API answered that it made nothing: the next run need not look for it.
      if (sent && error instanceof ApiError && error.status < 500) await manifest?.append({ key: sent, pending: false });
      // Stopped before it was sent: not tried, as the documents after it.
      if (error instanceof AbortError && !error.mayHaveBeenApplied) return { kind: 'aborted' };
      // A 404 of POST /documents is the dataset's: every other document would get it too.
      if (stopsEveryItem(error, 'shared')) stop ??= { error, path: file };
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

/**
 * The documents of a folder (see documentsOfFolder) or of an iterable of paths; a path given
 * twice is uploaded once and the repeat listed as ignored.
 */
async function collectPaths(source: UploadSource): Promise<{ paths: string[]; ignored: IgnoredFile[] }> {
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
    const { documents, ignored } = await documentsOfFolder(source);
    return { paths: documents, ignored };
  }
  if (source === null || typeof source !== 'object' || !(Symbol.iterator in source || Symbol.asyncIterator in source)) {
    throw new ValidationError('dataset.uploadDocuments: source must be a folder path or an iterable of file paths');
  }
  // Collected first so progress has a total; paths are small, documents are what must not pile up.
  const paths: string[] = [];
  const ignored: IgnoredFile[] = [];
  const seen = new Set<string>();
  for await (const file of source as AsyncIterable<unknown>) {
    if (typeof file !== 'string' || file === '') {
      throw new ValidationError(`dataset.uploadDocuments: every item of source must be a file path, got ${typeof file === 'string' ? 'an empty string' : typeof file}`);
    }
    if (seen.has(resolve(file))) ignored.push({ path: file, reason: 'given more than once: uploaded once' });
    else paths.push(file);
    seen.add(resolve(file));
  }
  return { paths, ignored };
}

/** What a file is matched on by resume: where it is, its content and its ground truth. */
function resumeKey(file: string, sha256: string, groundTruth: GroundTruthEntry[] | undefined): string {
  return createHash('sha256').update(JSON.stringify([resolve(file), sha256, groundTruth ?? []])).digest('hex');
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
 * What an earlier run uploaded to a dataset. The API keeps no content hashes, so they are kept
 * here: an append-only JSON-lines file per dataset. Before a document is sent, a line
 * `{ key, sha256, groundTruth, path, pending: true }`; once the API confirmed it,
 * `{ key, sha256, documentId, path }`. Appends of one short line do not interleave, and a line torn
 * by a crash is skipped on reading. On opening, the dataset's documents are listed: entries whose
 * document is gone (deleted, moved) are dropped, and a send that never got its answer (cancelled,
 * killed) is looked for among the documents no entry claims, by content and ground truth, so it is
 * never sent twice.
 */
class ResumeManifest {
  readonly #known = new Map<string, string>();
  /** Entries of the version that keyed on content alone, matched on content and file name. */
  readonly #legacy = new Map<string, string>();
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
    const confirmed = new Map<string, string>();
    const legacy = new Map<string, string>();
    const pending = new Map<string, { sha256: string; groundTruth: string; path: string }>();
    for (const line of text.split('\n')) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (entry === null || typeof entry !== 'object') continue;
      const { key, sha256, documentId, path } = entry;
      if (typeof key !== 'string') {
        if (typeof sha256 === 'string' && typeof documentId === 'string' && typeof path === 'string') legacy.set(legacyKey(sha256, path), documentId);
      } else if (typeof documentId === 'string') {
        confirmed.set(key, documentId);
        pending.delete(key);
      } else if (entry.pending === true && typeof sha256 === 'string' && typeof path === 'string') {
        pending.set(key, { sha256, groundTruth: JSON.stringify(entry.groundTruth ?? []), path });
      } else if (entry.pending === false) {
        pending.delete(key);
      }
    }
    // Opened before any upload, so a cache folder that cannot be written stops the run before it starts.
    try {
      await mkdir(cacheDir, { recursive: true });
      manifest.#handle = await open(manifest.file, 'a');
    } catch (error) {
      throw new ContentError(`could not open the resume manifest ${manifest.file} for writing: ${describeError(error)}`, { cause: error });
    }
    if (confirmed.size + legacy.size + pending.size === 0) return manifest;
    const present = new Set<string>();
    for await (const document of documents.list({ datasetId }, signal && { signal })) present.add(document.documentId);
    for (const [key, documentId] of confirmed) if (present.has(documentId)) manifest.#known.set(key, documentId);
    for (const [key, documentId] of legacy) if (present.has(documentId)) manifest.#legacy.set(key, documentId);
    if (pending.size > 0) {
      const claimed = new Set([...confirmed.values(), ...legacy.values()]);
      await manifest.#settle(documents, [...present].filter((id) => !claimed.has(id)), pending, signal);
    }
    return manifest;
  }

  /** Finds what each unanswered send made, if anything, among the documents no entry claims, and records it. */
  async #settle(
    documents: Documents,
    unclaimed: string[],
    pending: Map<string, { sha256: string; groundTruth: string; path: string }>,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    for (const documentId of unclaimed) {
      if (pending.size === 0) break;
      let document;
      try {
        document = await documents.get(documentId, signal && { signal });
      } catch (error) {
        // Deleted since it was listed: it is not what a send made.
        if (error instanceof NotFoundError) continue;
        throw error;
      }
      if (typeof document.content !== 'string') continue;
      const sha256 = createHash('sha256').update(Buffer.from(document.content, 'base64')).digest('hex');
      const groundTruth = JSON.stringify((document.groundTruth ?? []).map(({ label, value }) => ({ label, value })));
      const match = [...pending].find(([, sent]) => sent.sha256 === sha256 && sent.groundTruth === groundTruth);
      if (!match) continue;
      const [key, sent] = match;
      pending.delete(key);
      await this.record({ key, sha256, documentId, path: sent.path });
    }
    // Sent, yet nowhere in the dataset: the API never made it, and the next run sends it.
    for (const key of pending.keys()) await this.append({ key, pending: false });
  }

  /** The document an earlier run made of the file with this resume key (or, from an older manifest, this content and name). */
  lookup(key: string, sha256: string, path: string): string | undefined {
    return this.#known.get(key) ?? this.#legacy.get(legacyKey(sha256, path));
  }

  /** Records a document the API confirmed; returns a warning instead of throwing, as the upload itself succeeded. */
  async record(entry: { key: string; sha256: string; documentId: string; path: string }): Promise<string | undefined> {
    this.#known.set(entry.key, entry.documentId);
    const warning = await this.append(entry);
    return warning && `${entry.path} was uploaded as ${entry.documentId} but ${warning}; a resumed run would upload it again`;
  }

  /** Appends one line; returns what went wrong instead of throwing. */
  async append(entry: object): Promise<string | undefined> {
    const line = `${JSON.stringify(entry)}\n`;
    const handle = this.#handle;
    const write = this.#writes.then(async () => handle?.appendFile(line, 'utf8'));
    this.#writes = write.catch(() => undefined);
    try {
      await write;
      return undefined;
    } catch (error) {
      return `could not be recorded in ${this.file}: ${describeError(error)}`;
    }
  }

  async close(): Promise<void> {
    await this.#writes;
    await this.#handle?.close();
    this.#handle = undefined;
  }
}

function legacyKey(sha256: string, path: string): string {
  return `${sha256}\0${basename(path)}`;
}

function defaultCacheDir(): string {
  return join(homedir(), '.lucidtech', 'uploads');
}

