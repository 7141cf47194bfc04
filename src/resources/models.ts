import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Update } from './methods.js';
import type { ApiVersion } from '../api/versions/index.js';
import { checkBody } from './checks.js';
import { shaped } from './shapes.js';
import { DataBundles } from './data-bundles.js';
import { Trainings } from './trainings.js';
import {
  type ModelData,
  type CreateModelOptions,
  type UpdateModelOptions,
  type ListModelsOptions,
  type GetModelOptions,
  getModelSchema,
} from '../api/models.js';

/** `las.models.get()`: `model.refresh()` by id, on a client of API version `V`. */
export interface GetModel<V extends ApiVersion = '2021-09-23'> {
  /** Gets one model. */
  (id: string, requestOptions?: RequestOptions): Promise<Model<V>>;
  /** Gets one model with its statistics over the last `statisticsLastNDays` days (2024-11-29). */
  (id: string, options: GetModelOptions | undefined, requestOptions?: RequestOptions): Promise<Model<V>>;
}

/**
 * A model: reads the configured fields from documents; trained on its data bundles. `V`: the API
 * version of the client it came from, which its update options follow (see {@link Models}).
 */
@entity(kinds.model)
export class Model<V extends ApiVersion = '2021-09-23'> extends Entity<ModelData> {
  /** The model's data bundles: `model.dataBundles.create()`, `.list()`, ... */
  get dataBundles(): DataBundles {
    return new DataBundles(this.session, this.modelId);
  }

  /** The model's trainings (2024-11-29): `model.trainings.create({ dataBundleIds })`, `.list()`, ... */
  get trainings(): Trainings {
    return new Trainings(this.session, this.modelId);
  }

  /** Loads this model's data. `GET /models/{modelId}` */
  refresh(requestOptions?: RequestOptions): Promise<this>;
  /**
   * Loads this model's data with its statistics over the last `statisticsLastNDays` days (1 to 30;
   * API version 2024-11-29: a `ValidationError` under 2021-09-23). `GET /models/{modelId}?statisticsLastNDays=N`
   */
  refresh(options: GetModelOptions | undefined, requestOptions?: RequestOptions): Promise<this>;
  async refresh(...args: [RequestOptions?] | [GetModelOptions | undefined, RequestOptions?]): Promise<this> {
    const [options = {}, requestOptions] = args.length > 1 || isModelQuery(args[0]) ? [args[0], args[1]] : [{}, args[0] as RequestOptions | undefined];
    const what = this.what('refresh');
    checkBody(shaped(this.session, getModelSchema, options, what), options, what);
    const { statisticsLastNDays } = options as GetModelOptions;
    return this.reload(statisticsLastNDays === undefined ? undefined : { statisticsLastNDays }, requestOptions);
  }

  /**
   * Updates size, fields, preprocessing, status, name or description (under API version
   * 2024-11-29: fields, pre- and postprocessing, training, name, description, metadata). `PATCH /models/{modelId}`
   */
  declare update: Update<this, UpdateModelOptions<V>>;

  /** Deletes the model. `DELETE /models/{modelId}` */
  declare delete: Delete<this>;
}

// Whether the one argument of refresh() is its query's options rather than request options.
function isModelQuery(argument: unknown): boolean {
  return typeof argument === 'object' && argument !== null && Object.hasOwn(argument, 'statisticsLastNDays');
}

/** A handle on a model (`ref(id)`): its id and its methods; `await handle.refresh()` gives the model. */
export type ModelHandle<V extends ApiVersion = '2021-09-23'> = Handle<Model<V>, ModelData, 'modelId'>;

/** `las.models`: the models of the organization. */
@collectionOf(Model)
export class Models<V extends ApiVersion = '2021-09-23'> extends Collection<Model<V>> {
  /** Creates a model. `POST /models` (under API version 2024-11-29 without `width`/`height`). */
  async create(options: CreateModelOptions<V>, requestOptions?: RequestOptions): Promise<Model<V>> {
    return this.createWith(options, requestOptions);
  }

  /** Lists models. `GET /models` */
  declare list: List<Model<V>, ListModelsOptions>;

  /** Gets one model; `{ statisticsLastNDays }` (2024-11-29) adds its statistics. `GET /models/{modelId}` */
  declare get: GetModel<V>;

  /** Updates a model. `PATCH /models/{modelId}` (under API version 2024-11-29 without `width`/`height`/`status`). */
  declare update: ById<Model<V>['update']>;

  /** Deletes a model. `DELETE /models/{modelId}` */
  declare delete: ById<Model<V>['delete']>;

  /** A handle on a model by id, without a request. */
  declare ref: Ref<ModelHandle<V>>;
}
