import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkId, entity } from './entity.js';
import {
  listDataBundlesSchema,
  dataBundleSchema,
  createDataBundleSchema,
  updateDataBundleSchema,
  type DataBundleData,
  type CreateDataBundleOptions,
  type UpdateDataBundleOptions,
  type ListDataBundlesOptions,
} from '../api/data-bundles.js';
import { ids } from '../api/ids.js';

/** A data bundle: the datasets a model is trained on, frozen into one unit. */
@entity(dataBundleSchema, { id: 'dataBundleId' })
export class DataBundle extends Entity<DataBundleData> {
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

/** A handle on a data bundle (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the data bundle. */
export type DataBundleHandle = Handle<DataBundle, DataBundleData, 'modelId' | 'dataBundleId'>;

/** `model.dataBundles`: the data bundles of one model. */
export class DataBundles extends Collection<DataBundle> {
  protected readonly entity = DataBundle;

  /** @internal */
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
  ref(dataBundleId: string): DataBundleHandle {
    return this.handle({ modelId: this.modelId, dataBundleId: checkId(dataBundleId, ids.dataBundle, 'dataBundleId', 'dataBundles') });
  }
}
