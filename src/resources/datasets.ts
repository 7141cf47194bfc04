import { s, type Schema } from '../schema/index.js';
import { withSignal, type RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody, checkId, signalSchema } from './checks.js';
import type { ById, List, Ref, Refresh, Update } from './methods.js';
import { Documents, deleteAllDocuments } from './documents.js';
import { Transformations } from './transformations.js';
import { ValidationError } from '../errors.js';
import { uploadDocumentsToDataset } from '#platform/upload-documents.js';
import { downloadDocumentsOfDataset } from '#platform/download-documents.js';
import type { UploadDocumentsOptions, UploadReport, UploadSource } from '../jobs/upload-types.js';
import type { DownloadDocumentsOptions, DownloadReport } from '../jobs/download-types.js';
import {
  type DatasetData,
  type CreateDatasetOptions,
  type UpdateDatasetOptions,
} from '../api/datasets.js';
import { ids } from '../api/ids.js';
import type { ListOptions } from '../api/list.js';

/** Options of `dataset.delete()`. */
export interface DeleteDatasetOptions {
  /** Delete every document of the dataset first (a page at a time), then the dataset. */
  deleteDocuments?: boolean;
  /** Stops the deletion, cancelling the request in flight. */
  signal?: AbortSignal;
}

const deleteDatasetOptionsSchema = s.object({ deleteDocuments: s.optional(s.boolean()), signal: s.optional(signalSchema) } satisfies Record<keyof DeleteDatasetOptions, Schema>);

/**
 * The options of uploadDocuments as far as this method checks them: their names and types. The
 * upload checks the values it needs more of (concurrency, a whole number from 1).
 */
const uploadDocumentsOptionsSchema = s.object({
  concurrency: s.optional(s.number()),
  onProgress: s.optional(s.custom('a function', (value) => typeof value === 'function')),
  resume: s.optional(s.union(s.boolean(), s.object({ cacheDir: s.optional(s.string({ minLength: 1 })) }))),
  signal: s.optional(signalSchema),
  onAbort: s.optional(s.enum(['cancel', 'finish'])),
} satisfies Record<keyof UploadDocumentsOptions, Schema>);

/** The options of downloadDocuments as far as this method checks them; the download checks `concurrency` further. */
const downloadDocumentsOptionsSchema = s.object({
  concurrency: s.optional(s.number()),
  onListed: s.optional(s.custom('a function', (value) => typeof value === 'function')),
  onProgress: s.optional(s.custom('a function', (value) => typeof value === 'function')),
  signal: s.optional(s.custom('an AbortSignal', (value) => value instanceof AbortSignal)),
} satisfies Record<keyof DownloadDocumentsOptions, Schema>);

/** A dataset: a named set of documents to train models on. */
@entity(kinds.dataset)
export class Dataset extends Entity<DatasetData> {
  /** The dataset's transformations (2024-11-29): `dataset.transformations.create({ operations })`, `.list()`, ... */
  get transformations(): Transformations {
    return new Transformations(this.session, this.datasetId);
  }

  /** Loads this dataset's data. `GET /datasets/{datasetId}` */
  declare refresh: Refresh<this>;

  /** Updates name or description. `PATCH /datasets/{datasetId}` */
  declare update: Update<this, UpdateDatasetOptions>;

  /**
   * Deletes the dataset. `DELETE /datasets/{datasetId}`; with `deleteDocuments`, first
   * `DELETE /documents?datasetId=...` until none are left.
   */
  async delete(options: DeleteDatasetOptions = {}, requestOptions?: RequestOptions): Promise<this> {
    checkBody(deleteDatasetOptionsSchema, options, this.what('delete'));
    const perRequest = withSignal(requestOptions, options.signal);
    if (options.deleteDocuments) {
      // Without its id the filter would be gone, and DELETE /documents would take every document.
      const datasetId = checkId(this.datasetId, ids.dataset, 'datasetId', this.what('delete'));
      await deleteAllDocuments(this.session, { datasetId }, `dataset ${datasetId}`, perRequest);
    }
    return this.deleteWith(undefined, perRequest);
  }

  /**
   * Uploads the documents of a folder (or an iterable of file paths) into this dataset, `POST /documents`
   * per file, `concurrency` at a time, with ground truth from a sibling `<name>.json` when there is
   * one. A file that cannot be read or uploaded is reported and the rest go on; with `resume`,
   * files whose content is already in the dataset are skipped.
   */
  async uploadDocuments(source: UploadSource, options: UploadDocumentsOptions = {}): Promise<UploadReport> {
    checkBody(uploadDocumentsOptionsSchema, options, this.what('uploadDocuments'));
    return uploadDocumentsToDataset(new Documents(this.session), this.datasetId, source, options);
  }

  /**
   * Downloads the documents of this dataset into the folder `dir` (created when missing), in Node:
   * each one's content as `las_document_<hex>.<ext>` (its id with `:` made `_`) and its ground
   * truth, when it has any, as `las_document_<hex>.json` (the `[{ label, value }]` that
   * {@link uploadDocuments} reads back).
   * `GET /documents?datasetId=...`, then `GET /documents/{documentId}` per document not yet in
   * `dir`, `concurrency` at a time. Files are written whole or not at all, so a second run skips
   * what the first wrote. A document that fails is reported and the rest go on; credentials that
   * stop working or a used-up quota stop it with a `PartialFailureError`.
   */
  async downloadDocuments(dir: string, options: DownloadDocumentsOptions = {}): Promise<DownloadReport> {
    checkBody(downloadDocumentsOptionsSchema, options, 'dataset.downloadDocuments');
    if (typeof dir !== 'string' || dir === '') throw new ValidationError('dataset.downloadDocuments: dir must be the path of a folder; nothing was sent');
    return downloadDocumentsOfDataset(new Documents(this.session), this.datasetId, dir, options);
  }
}

/** A handle on a dataset (`ref(id)`): its id and its methods; `await handle.refresh()` gives the dataset. */
export type DatasetHandle = Handle<Dataset, DatasetData, 'datasetId'>;

/** `las.datasets`: the datasets of the organization. */
@collectionOf(Dataset)
export class Datasets extends Collection<Dataset> {
  /** Creates a dataset. `POST /datasets` */
  async create(options: CreateDatasetOptions = {}, requestOptions?: RequestOptions): Promise<Dataset> {
    return this.createWith(options, requestOptions);
  }

  /** Lists datasets. `GET /datasets` */
  declare list: List<Dataset, ListOptions>;

  /** Gets one dataset. `GET /datasets/{datasetId}` */
  declare get: ById<Dataset['refresh']>;

  /** Updates a dataset. `PATCH /datasets/{datasetId}` */
  declare update: ById<Dataset['update']>;

  /** Deletes a dataset, and first its documents with `deleteDocuments`. `DELETE /datasets/{datasetId}` */
  declare delete: ById<Dataset['delete']>;

  /** A handle on a dataset by id, without a request. */
  declare ref: Ref<DatasetHandle>;
}
