import { s, partial, type Infer, type Schema } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, listSchema, oneOrMore, type ListOptions } from './collection.js';
import { Entity, checkId, entity } from './entity.js';

const dataBundleStatusSchema = s.enum(['processing', 'ready', 'failed']);

/** A dataset as a data bundle describes it: a snapshot taken when the bundle was made. */
const bundledDatasetSchema = s.object({
  datasetId: ids.dataset,
  name: s.optional(s.nullable(s.text())),
  description: s.nullable(s.text()),
  containsPersonallyIdentifiableInformation: s.boolean(),
  groundTruthSummary: s.optional(s.record()),
  numberOfDocuments: s.integer({ minimum: 0 }),
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  storageLocation: s.enum(['EU']),
  version: s.integer({ minimum: 0 }),
  createdBy: s.optional(s.nullable(s.text())),
  createdTime: s.optional(s.nullable(s.timestamp())),
  updatedBy: s.optional(s.nullable(s.text())),
  updatedTime: s.optional(s.nullable(s.timestamp())),
});

/** The API's shape of a data bundle. */
export const dataBundleSchema = s.object({
  dataBundleId: ids.dataBundle,
  modelId: ids.model,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  status: dataBundleStatusSchema,
  summary: s.record(),
  datasets: s.array(bundledDatasetSchema),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /models/{modelId}/dataBundles. */
export const createDataBundleSchema = s.object({
  datasetIds: s.optional(s.array(ids.dataset, { minItems: 1 })),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /models/{modelId}/dataBundles/{dataBundleId} (the one update body the spec lets be empty). */
export const updateDataBundleSchema = partial(s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()) }));

/** A data bundle's data as the API returns it. */
export type DataBundleData = Infer<typeof dataBundleSchema>;
/** Where a data bundle is in its preparation. */
export type DataBundleStatus = Infer<typeof dataBundleStatusSchema>;
/** One dataset of a data bundle. */
export type BundledDataset = Infer<typeof bundledDatasetSchema>;
/** Options of `model.dataBundles.create()`. */
export type CreateDataBundleOptions = Infer<typeof createDataBundleSchema>;
/** Options of `dataBundle.update()`. */
export type UpdateDataBundleOptions = Infer<typeof updateDataBundleSchema>;
/** Options of `model.dataBundles.list()`. */
export interface ListDataBundlesOptions extends ListOptions {
  /** Only bundles in this status, or in any of these. */
  status?: DataBundleStatus | DataBundleStatus[];
}

const listDataBundlesSchema = listSchema({
  status: s.optional(oneOrMore(dataBundleStatusSchema)),
} satisfies Record<Exclude<keyof ListDataBundlesOptions, keyof ListOptions>, Schema>);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface DataBundle extends DataBundleData {}

/** A data bundle: the datasets a model is trained on, frozen into one unit. */
@entity(dataBundleSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class DataBundle extends Entity {
  /** The data bundle id. */
  get id(): string {
    return this.dataBundleId;
  }

  protected get path(): string {
    return path`/models/${this.modelId}/dataBundles/${this.dataBundleId}`;
  }

  /** Updates name or description. `PATCH /models/{modelId}/dataBundles/{dataBundleId}` */
  async update(options: UpdateDataBundleOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateDataBundleSchema, options, 'dataBundle.update', requestOptions);
  }

  /** Deletes the data bundle. `DELETE /models/{modelId}/dataBundles/{dataBundleId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }
}

/** `model.dataBundles`: the data bundles of one model. */
export class DataBundles extends Collection<DataBundle> {
  protected readonly entity = DataBundle;

  constructor(
    session: Session,
    /** The model whose bundles these are. */
    readonly modelId: string,
  ) {
    super(session);
  }

  /** Bundles datasets for training. `POST /models/{modelId}/dataBundles` */
  async create(options: CreateDataBundleOptions = {}, requestOptions?: RequestOptions): Promise<DataBundle> {
    return this.createAt(path`/models/${this.modelId}/dataBundles`, createDataBundleSchema, options, 'dataBundles.create', requestOptions);
  }

  /** Lists the model's data bundles. `GET /models/{modelId}/dataBundles` */
  list(options: ListDataBundlesOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt(path`/models/${this.modelId}/dataBundles`, 'dataBundles', listDataBundlesSchema, options, 'model.dataBundles.list', requestOptions);
  }

  /** Updates a data bundle. `PATCH /models/{modelId}/dataBundles/{dataBundleId}` */
  async update(dataBundleId: string, options: UpdateDataBundleOptions, requestOptions?: RequestOptions): Promise<DataBundle> {
    return this.ref(dataBundleId).update(options, requestOptions);
  }

  /** Deletes a data bundle. `DELETE /models/{modelId}/dataBundles/{dataBundleId}` */
  async delete(dataBundleId: string, requestOptions?: RequestOptions): Promise<DataBundle> {
    return this.ref(dataBundleId).delete(requestOptions);
  }

  /** A handle on a data bundle of this model by id, without a request. */
  ref(dataBundleId: string): DataBundle {
    return this.handle({ modelId: this.modelId, dataBundleId: checkId(dataBundleId, ids.dataBundle, 'dataBundleId', 'dataBundles') });
  }
}
