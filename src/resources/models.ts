import { s, partial, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, type ListOptions } from './collection.js';
import { Entity, checkId, entity } from './entity.js';
import { DataBundles } from './data-bundles.js';

// The spec does not close a field's object: properties it does not name are let through.
const fieldSchema = s.object(
  {
    type: s.enum(['date', 'amount', 'number', 'letter', 'phone', 'alphanum', 'alphanumext', 'all']),
    maxLength: s.integer({ minimum: 1, maximum: 100 }),
    description: s.optional(s.nullable(s.text())),
  },
  { additional: true },
);
const fieldConfigSchema = s.record(fieldSchema);
const sizeSchema = s.integer({ minimum: 97, maximum: 1921 });

const preprocessConfigSchema = s.object({
  maxPages: s.integer(),
  autoRotate: s.boolean(),
  imageQuality: s.enum(['LOW', 'HIGH']),
});

const modelStatusSchema = s.enum(['active', 'training', 'inactive']);

/** The API's shape of a model. */
export const modelSchema = s.object({
  modelId: ids.model,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  width: sizeSchema,
  height: sizeSchema,
  fieldConfig: fieldConfigSchema,
  preprocessConfig: preprocessConfigSchema,
  status: modelStatusSchema,
  numberOfDataBundles: s.integer({ minimum: 0 }),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /models. */
export const createModelSchema = s.object({
  width: sizeSchema,
  height: sizeSchema,
  fieldConfig: fieldConfigSchema,
  preprocessConfig: s.optional(preprocessConfigSchema),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /models/{modelId}. */
export const updateModelSchema = partial(
  s.object({
    width: sizeSchema,
    height: sizeSchema,
    fieldConfig: fieldConfigSchema,
    preprocessConfig: preprocessConfigSchema,
    status: modelStatusSchema,
    name: s.nullable(s.text()),
    description: s.nullable(s.text()),
  }),
  { minProperties: 1 },
);

/** How a model reads one field: its kind of value and its longest length. */
export type FieldSpec = Infer<typeof fieldSchema>;
/** The fields a model reads, by label. */
export type FieldConfig = Record<string, FieldSpec>;
/** How pages are prepared before the model reads them. */
export type PreprocessConfig = Infer<typeof preprocessConfigSchema>;
/** Whether a model is in use, being trained, or neither. */
export type ModelStatus = Infer<typeof modelStatusSchema>;
/** A model's data as the API returns it. */
export type ModelData = Infer<typeof modelSchema>;
/** Options of `las.models.create()`. */
export type CreateModelOptions = Infer<typeof createModelSchema>;
/** Options of `model.update()`. */
export type UpdateModelOptions = Infer<typeof updateModelSchema>;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Model extends ModelData {}

/** A model: reads the configured fields from documents; trained on its data bundles. */
@entity(modelSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Model extends Entity {
  /** The model id. */
  get id(): string {
    return this.modelId;
  }

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
  ref(modelId: string): Model {
    return this.handle({ modelId: checkId(modelId, ids.model, 'modelId', 'models') });
  }
}

// Data bundles live in their own file but belong to models: the package exports them from here.
export * from './data-bundles.js';
