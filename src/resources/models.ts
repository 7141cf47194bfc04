import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import { DataBundles } from './data-bundles.js';
import { Trainings } from './trainings.js';
import {
  type ModelData,
  type CreateModelOptions,
  type UpdateModelOptions,
  type ListModelsOptions,
} from '../api/models.js';

/** A model: reads the configured fields from documents; trained on its data bundles. */
@entity(kinds.model)
export class Model extends Entity<ModelData> {
  /** The model's data bundles: `model.dataBundles.create()`, `.list()`, ... */
  get dataBundles(): DataBundles {
    return new DataBundles(this.session, this.modelId);
  }

  /** The model's trainings (2024-11-29): `model.trainings.create({ dataBundleIds })`, `.list()`, ... */
  get trainings(): Trainings {
    return new Trainings(this.session, this.modelId);
  }

  /** Loads this model's data. `GET /models/{modelId}` */
  declare refresh: Refresh<this>;

  /** Updates size, fields, preprocessing, status, name or description. `PATCH /models/{modelId}` */
  declare update: Update<this, UpdateModelOptions>;

  /** Deletes the model. `DELETE /models/{modelId}` */
  declare delete: Delete<this>;
}

/** A handle on a model (`ref(id)`): its id and its methods; `await handle.refresh()` gives the model. */
export type ModelHandle = Handle<Model, ModelData, 'modelId'>;

/** `las.models`: the models of the organization. */
@collectionOf(Model)
export class Models extends Collection<Model> {
  /** Creates a model. `POST /models` */
  async create(options: CreateModelOptions, requestOptions?: RequestOptions): Promise<Model> {
    return this.createWith(options, requestOptions);
  }

  /** Lists models. `GET /models` */
  declare list: List<Model, ListModelsOptions>;

  /** Gets one model. `GET /models/{modelId}` */
  declare get: ById<Model['refresh']>;

  /** Updates a model. `PATCH /models/{modelId}` */
  declare update: ById<Model['update']>;

  /** Deletes a model. `DELETE /models/{modelId}` */
  declare delete: ById<Model['delete']>;

  /** A handle on a model by id, without a request. */
  declare ref: Ref<ModelHandle>;
}
