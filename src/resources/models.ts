import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkId, entity } from './entity.js';
import { DataBundles } from './data-bundles.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';
import {
  modelSchema,
  createModelSchema,
  updateModelSchema,
  type ModelData,
  type CreateModelOptions,
  type UpdateModelOptions,
} from '../api/models.js';

/** A model: reads the configured fields from documents; trained on its data bundles. */
@entity(modelSchema, { id: 'modelId' })
export class Model extends Entity<ModelData> {
  protected get path(): string {
    return path`/models/${this.modelId}`;
  }

  /** The model's data bundles: `model.dataBundles.create()`, `.list()`, ... */
  get dataBundles(): DataBundles {
    return new DataBundles(this.session, this.modelId);
  }

  /** Loads this model's data. `GET /models/{modelId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Updates size, fields, preprocessing, status, name or description. `PATCH /models/{modelId}` */
  async update(options: UpdateModelOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateModelSchema, options, 'model.update', requestOptions);
  }

  /** Deletes the model. `DELETE /models/{modelId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }
}

/** A handle on a model (`ref(id)`): its id and its methods; `await handle.refresh()` gives the model. */
export type ModelHandle = Handle<Model, ModelData, 'modelId'>;

/** `las.models`: the models of the organization. */
export class Models extends Collection<Model> {
  protected readonly entity = Model;

  /** Creates a model. `POST /models` */
  async create(options: CreateModelOptions, requestOptions?: RequestOptions): Promise<Model> {
    return this.createAt('/models', createModelSchema, options, 'models.create', requestOptions);
  }

  /** Lists models. `GET /models` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/models', 'models', listOptionsSchema, options, 'models.list', requestOptions);
  }

  /** Gets one model. `GET /models/{modelId}` */
  async get(modelId: string, requestOptions?: RequestOptions): Promise<Model> {
    return this.ref(modelId).refresh(requestOptions);
  }

  /** Updates a model. `PATCH /models/{modelId}` */
  async update(modelId: string, options: UpdateModelOptions, requestOptions?: RequestOptions): Promise<Model> {
    return this.ref(modelId).update(options, requestOptions);
  }

  /** Deletes a model. `DELETE /models/{modelId}` */
  async delete(modelId: string, requestOptions?: RequestOptions): Promise<Model> {
    return this.ref(modelId).delete(requestOptions);
  }

  /** A handle on a model by id, without a request. */
  ref(modelId: string): ModelHandle {
    return this.handle({ modelId: checkId(modelId, ids.model, 'modelId', 'models') });
  }
}

// Data bundles live in their own file but belong to models: the package exports them from here.
export * from './data-bundles.js';
