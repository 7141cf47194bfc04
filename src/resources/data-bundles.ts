import { path } from '../http/path.js';
import type { Session } from '../http/session.js';
import { Collection } from './collection.js';
import { Entity, checkId, entity } from './entity.js';
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
  async update(options: UpdateDataBundleOptions): Promise<this> {
    return this.patchWith(updateDataBundleSchema, options, 'dataBundle.update');
  }

  /** Deletes the data bundle. `DELETE /models/{modelId}/dataBundles/{dataBundleId}` */
  async delete(): Promise<this> {
    return this.deleteWith();
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
  async create(options: CreateDataBundleOptions = {}): Promise<DataBundle> {
    return this.createAt(path`/models/${this.modelId}/dataBundles`, createDataBundleSchema, options, 'dataBundles.create');
  }

  /** Lists the model's data bundles. `GET /models/{modelId}/dataBundles` */
  list(options: ListDataBundlesOptions = {}) {
    return this.listAt(path`/models/${this.modelId}/dataBundles`, 'dataBundles', listDataBundlesSchema, options, 'model.dataBundles.list');
  }

  /** Updates a data bundle. `PATCH /models/{modelId}/dataBundles/{dataBundleId}` */
  async update(dataBundleId: string, options: UpdateDataBundleOptions): Promise<DataBundle> {
    return this.ref(dataBundleId).update(options);
  }

  /** Deletes a data bundle. `DELETE /models/{modelId}/dataBundles/{dataBundleId}` */
  async delete(dataBundleId: string): Promise<DataBundle> {
    return this.ref(dataBundleId).delete();
  }

  /** A handle on a data bundle of this model by id, without a request. */
  ref(dataBundleId: string): DataBundle {
    return this.handle({ modelId: this.modelId, dataBundleId: checkId(dataBundleId, ids.dataBundle, 'dataBundleId', 'dataBundles') });
  }
}
