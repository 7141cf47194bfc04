import { s, partial, type Infer } from '../schema/index.js';
import { path } from '../http/path.js';
import { Collection, type ListOptions } from './collection.js';
import { Entity, checkId, entity } from './entity.js';
import { Documents, deleteAllDocuments } from './documents.js';
import { uploadDocumentsToDataset, type UploadDocumentsOptions, type UploadReport, type UploadSource } from '../jobs/upload-documents.js';

/** The API's shape of a dataset. */
export const datasetSchema = s.object({
  datasetId: s.id('dataset'),
  name: s.optional(s.nullable(s.text())),
  description: s.nullable(s.text()),
  containsPersonallyIdentifiableInformation: s.boolean(),
  groundTruthSummary: s.record(),
  numberOfDocuments: s.integer({ minimum: 0 }),
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  storageLocation: s.enum(['EU']),
  version: s.integer({ minimum: 0 }),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /datasets. */
export const createDatasetSchema = s.object({
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
  containsPersonallyIdentifiableInformation: s.optional(s.boolean()),
  retentionInDays: s.optional(s.integer({ minimum: 1 })),
});

/** Body of PATCH /datasets/{datasetId}. */
export const updateDatasetSchema = partial(s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()) }), {
  minProperties: 1,
});

/** A dataset's data as the API returns it. */
export type DatasetData = Infer<typeof datasetSchema>;
/** Options of `las.datasets.create()`. */
export type CreateDatasetOptions = Infer<typeof createDatasetSchema>;
/** Options of `dataset.update()`. */
export type UpdateDatasetOptions = Infer<typeof updateDatasetSchema>;
/** Options of `dataset.delete()`. */
export interface DeleteDatasetOptions {
  /** Delete every document of the dataset first (a page at a time), then the dataset. */
  deleteDocuments?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Dataset extends DatasetData {}

/** A dataset: a named set of documents to train models on. */
@entity(datasetSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Dataset extends Entity {
  /** The dataset id. */
  get id(): string {
    return this.datasetId;
  }

  protected get path(): string {
    return path`/datasets/${this.datasetId}`;
  }

  /** Loads this dataset's data. `GET /datasets/{datasetId}` */
  async refresh(): Promise<this> {
    return this.reload();
  }

  /** Updates name or description. `PATCH /datasets/{datasetId}` */
  async update(options: UpdateDatasetOptions): Promise<this> {
    return this.patchWith(updateDatasetSchema, options, 'dataset.update');
  }

  /**
   * Deletes the dataset. `DELETE /datasets/{datasetId}`; with `deleteDocuments`, first
   * `DELETE /documents?datasetId=...` until none are left.
   */
  async delete(options: DeleteDatasetOptions = {}): Promise<this> {
    if (options.deleteDocuments) await deleteAllDocuments(this.session, { datasetId: this.datasetId }, `dataset ${this.datasetId}`);
    return this.deleteWith();
  }

  /**
   * Uploads the documents of a folder (or an iterable of file paths) into this dataset, `POST /documents`
   * per file, `concurrency` at a time, with ground truth from a sibling `<name>.json` when there is
   * one. A file that cannot be read or uploaded is reported and the rest go on; with `resume`,
   * files whose content is already in the dataset are skipped.
   */
  async uploadDocuments(source: UploadSource, options: UploadDocumentsOptions = {}): Promise<UploadReport> {
    return uploadDocumentsToDataset(new Documents(this.session), this.datasetId, source, options);
  }
}

/** `las.datasets`: the datasets of the organization. */
export class Datasets extends Collection<Dataset> {
  protected readonly entity = Dataset;

  /** Creates a dataset. `POST /datasets` */
  async create(options: CreateDatasetOptions = {}): Promise<Dataset> {
    return this.createAt('/datasets', createDatasetSchema, options, 'datasets.create');
  }

  /** Lists datasets. `GET /datasets` */
  list(options: ListOptions = {}) {
    return this.listAt('/datasets', 'datasets', { ...options });
  }

  /** Gets one dataset. `GET /datasets/{datasetId}` */
  async get(datasetId: string): Promise<Dataset> {
    return this.ref(datasetId).refresh();
  }

  /** Updates a dataset. `PATCH /datasets/{datasetId}` */
  async update(datasetId: string, options: UpdateDatasetOptions): Promise<Dataset> {
    return this.ref(datasetId).update(options);
  }

  /** Deletes a dataset, and first its documents with `deleteDocuments`. `DELETE /datasets/{datasetId}` */
  async delete(datasetId: string, options: DeleteDatasetOptions = {}): Promise<Dataset> {
    return this.ref(datasetId).delete(options);
  }

  /** A handle on a dataset by id, without a request. */
  ref(datasetId: string): Dataset {
    return this.handle({ datasetId: checkId(datasetId, 'dataset', 'datasets') });
  }
}
