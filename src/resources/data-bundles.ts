import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import {
  type DataBundleData,
  type CreateDataBundleOptions,
  type UpdateDataBundleOptions,
  type ListDataBundlesOptions,
} from '../api/data-bundles.js';

/** A data bundle: the datasets a model is trained on, frozen into one unit. */
@entity(kinds.dataBundle)
export class DataBundle extends Entity<DataBundleData> {
  /** Loads this data bundle's data (2024-11-29). `GET /models/{modelId}/dataBundles/{dataBundleId}` */
  declare refresh: Refresh<this>;

  /** Updates name or description. `PATCH /models/{modelId}/dataBundles/{dataBundleId}` */
  declare update: Update<this, UpdateDataBundleOptions>;

  /** Deletes the data bundle. `DELETE /models/{modelId}/dataBundles/{dataBundleId}` */
  declare delete: Delete<this>;
}

/** A handle on a data bundle (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the data bundle. */
export type DataBundleHandle = Handle<DataBundle, DataBundleData, 'modelId' | 'dataBundleId'>;

/** `model.dataBundles`: the data bundles of one model. */
@collectionOf(DataBundle)
export class DataBundles extends Collection<DataBundle> {
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
    return this.createWith(options, requestOptions);
  }

  /** Lists the model's data bundles. `GET /models/{modelId}/dataBundles` */
  declare list: List<DataBundle, ListDataBundlesOptions>;

  /** Gets one data bundle (2024-11-29). `GET /models/{modelId}/dataBundles/{dataBundleId}` */
  declare get: ById<DataBundle['refresh']>;

  /** Updates a data bundle. `PATCH /models/{modelId}/dataBundles/{dataBundleId}` */
  declare update: ById<DataBundle['update']>;

  /** Deletes a data bundle. `DELETE /models/{modelId}/dataBundles/{dataBundleId}` */
  declare delete: ById<DataBundle['delete']>;

  /** A handle on a data bundle of this model by id, without a request. */
  declare ref: Ref<DataBundleHandle>;
}
