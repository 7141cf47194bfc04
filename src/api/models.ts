import { s, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';
import { partialEither, since2024, type InferFor } from './versioned.js';
import type { ApiVersion } from './versions/index.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';

// The spec does not close a field's object: properties it does not name are let through.
const fieldSchema = s.object(
  {
    /** Kind of value the field holds. */
    type: s.enum(['date', 'amount', 'number', 'letter', 'phone', 'alphanum', 'alphanumext', 'all']),
    /** Longest value the field may hold, in characters. */
    maxLength: s.integer({ minimum: 1, maximum: 100 }),
    /** Free text about it, for people. */
    description: s.optional(s.nullable(s.text())),
  },
  { additional: true },
);
const fieldConfigSchema = s.record(fieldSchema);
const sizeSchema = s.integer({ minimum: 97, maximum: 1921 });

const preprocessConfigSchema = s.object({
  /** Most pages read per document. */
  maxPages: s.integer(),
  /** Whether pages are turned upright before they are read. */
  autoRotate: s.boolean(),
  /** Resolution the pages are read at. */
  imageQuality: s.enum(['LOW', 'HIGH']),
});

const modelStatusSchema = s.enum(['active', 'training', 'inactive']);

// 2024-11-29's fields: new kinds of value, fixed lists (`enum`), and `lines` of fields in a table.
const fieldSpec2024Properties = {
  /** Kind of value the field holds. */
  type: s.enum(['amount', 'date', 'digits', 'enum', 'numeric', 'string']),
  /** Longest value the field may hold, in characters. */
  maxLength: s.optional(s.integer({ minimum: 1, maximum: 1024 })),
  /** The values an `enum` field may hold. */
  enum: s.optional(s.array(s.string({ minLength: 1, maxLength: 512 }), { minItems: 1 })),
  /** Free text about it, for people. */
  description: s.optional(s.nullable(s.text())),
  /** Whether the field may hold several values. */
  isMultivalue: s.optional(s.boolean()),
  /** How the value is written. */
  format: s.optional(s.nullable(s.text())),
  /** Whether only values of the format are read. */
  strict: s.optional(s.boolean()),
};
const fieldSpec2024Schema = s.object(fieldSpec2024Properties, { additional: true });
const linesFieldSchema = s.object(
  {
    /** A table: the fields of each line. */
    type: s.enum(['lines']),
    /** The fields of each line, by label. */
    fields: s.record(fieldSpec2024Schema),
  },
  { additional: true },
);
const fieldConfig2024Schema = s.record(s.union(fieldSpec2024Schema, linesFieldSchema));

const preprocessConfig2024Schema = s.object(
  {
    /** First page read (0-based). */
    startPage: s.optional(s.integer()),
    /** The pages read (0-based). */
    pages: s.optional(s.array(s.integer())),
    /** Most pages read per document. */
    maxPages: s.optional(s.integer({ minimum: 1, maximum: 100 })),
    /** Degrees the pages are turned before they are read. */
    rotation: s.optional(s.integer([0, 90, 180, 270])),
    /** Whether pages are turned upright before they are read. */
    autoRotate: s.optional(s.boolean()),
    /** Resolution the pages are read at. */
    imageQuality: s.optional(s.enum(['LOW', 'HIGH'])),
  },
  { minProperties: 1 },
);

const outputFormatSchema = s.optional(s.enum(['v1', 'v2']));
/** How a prediction's candidates become its answer (2024-11-29): the best of each field, or of the best pages. */
export const postprocessConfigSchema = s.union(
  s.object({
    /** The best candidate of each field. */
    strategy: s.enum(['BEST_FIRST']),
    /** The answer's format. */
    outputFormat: outputFormatSchema,
  }),
  s.object({
    /** The best candidates of the best `n` pages. */
    strategy: s.enum(['BEST_N_PAGES']),
    /** The answer's format. */
    outputFormat: outputFormatSchema,
    /** How many pages, and whether their candidates are collapsed into one. */
    parameters: s.object({ n: s.integer({ minimum: 1, maximum: 100 }), collapse: s.optional(s.boolean()) }, { additional: true }),
  }),
);
/** How pages are prepared before a model reads them (2024-11-29): every setting optional, at least one. */
export { preprocessConfig2024Schema };

/** Id of a model's training (2024-11-29): `las:model-training:<slug>`. */
export const trainingIdSchema = s.described(s.string({ pattern: /^las:model-training:[a-z0-9-_]+$/ }), 'a training id (las:model-training:<slug>)');

/** The API's shape of a model. */
export const modelSchema = s.object({
  /** Id of the model. */
  modelId: ids.model,
  ...nameAndDescription,
  /** Width in pixels the model scales pages to (2021-09-23; 2024-11-29 has none). */
  width: s.optional(sizeSchema),
  /** Height in pixels the model scales pages to (2021-09-23; 2024-11-29 has none). */
  height: s.optional(sizeSchema),
  /** The fields the model reads, by label. */
  fieldConfig: fieldConfigSchema,
  /** How pages are prepared before the model reads them. */
  preprocessConfig: preprocessConfigSchema,
  /** Whether the model is in use, being trained, or neither. */
  status: modelStatusSchema,
  /** How many data bundles it has. */
  numberOfDataBundles: s.integer({ minimum: 0 }),
  /** The training predictions use when they name none (2024-11-29). */
  trainingId: s.optional(s.nullable(trainingIdSchema)),
  /** How the candidates become a prediction's answer (2024-11-29). */
  postprocessConfig: s.optional(postprocessConfigSchema),
  /** The organization that owns the model (2024-11-29). */
  organizationId: s.optional(ids.organizationSlug),
  /** Changes made to the model so far (2024-11-29). */
  version: s.optional(s.integer({ minimum: 0 })),
  /** Trainings running now (2024-11-29). */
  numberOfRunningTrainings: s.optional(s.integer({ minimum: 0 })),
  /** What the model's trainings found, by measure (2024-11-29). */
  statistics: s.optional(s.nullable(s.record())),
  /** Your own data about it: any JSON object (2024-11-29). */
  metadata: s.optional(s.nullable(s.record())),
  ...auditFields,
});

const modelChanges2024 = {
  without: ['width', 'height'],
  with: {
    /** The fields the model reads, by label. */
    fieldConfig: fieldConfig2024Schema,
    /** How pages are prepared before the model reads them. */
    preprocessConfig: s.optional(preprocessConfig2024Schema),
    /** How a prediction's candidates become its answer. */
    postprocessConfig: s.optional(postprocessConfigSchema),
    /** Your own data about it: any JSON object. */
    metadata: s.optional(s.record()),
  },
} as const;

/** Body of POST /models (under 2024-11-29 without `width`/`height`, with `postprocessConfig` and `metadata`). */
export const createModelSchema = since2024(s.object({
  /** Width in pixels the model scales pages to. */
  width: sizeSchema,
  /** Height in pixels the model scales pages to. */
  height: sizeSchema,
  /** The fields the model reads, by label. */
  fieldConfig: fieldConfigSchema,
  /** How pages are prepared before the model reads them. */
  preprocessConfig: s.optional(preprocessConfigSchema),
  ...optionalNameAndDescription,
}), modelChanges2024);

/**
 * Body of PATCH /models/{modelId} (under 2024-11-29 without `width`/`height`/`status`, with
 * `trainingId`: the training it predicts with, null for none).
 */
export const updateModelSchema = partialEither(
  since2024(s.object({
    /** Width in pixels the model scales pages to. */
    width: sizeSchema,
    /** Height in pixels the model scales pages to. */
    height: sizeSchema,
    /** The fields the model reads, by label. */
    fieldConfig: fieldConfigSchema,
    /** How pages are prepared before the model reads them. */
    preprocessConfig: preprocessConfigSchema,
    /** Whether the model is in use, being trained, or neither. */
    status: modelStatusSchema,
    ...nameAndDescription,
  }), {
    without: [...modelChanges2024.without, 'status'],
    with: { ...modelChanges2024.with, trainingId: s.optional(s.nullable(trainingIdSchema)) },
  }),
  { minProperties: 1 },
);

/** Options of `las.models.list()`. */
export interface ListModelsOptions extends ListOptions {
  /** Only models of this owner (an organization id), or of any of these: 2024-11-29 only. */
  owner?: string | string[];
}

/** The query of `GET /models` (under 2024-11-29 with `owner`: the organizations whose public models to list too). */
export const listModelsSchema = since2024(listSchema({}), {
  with: {
    /** Only models of this owner (an organization id), or of any of these. */
    owner: s.optional(oneOrMore(s.string({ minLength: 1 }))),
  },
});

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
/**
 * Options of `las.models.create()` on a client of API version `V`: under `'2024-11-29'` without
 * `width`/`height`; by default those of either version (see {@link InferFor}).
 */
export type CreateModelOptions<V extends ApiVersion = '2021-09-23'> = InferFor<typeof createModelSchema, V>;
/** Options of `model.update()`, and of `las.models.update()` on a client of API version `V` (see {@link CreateModelOptions}). */
export type UpdateModelOptions<V extends ApiVersion = '2021-09-23'> = InferFor<typeof updateModelSchema, V>;

/** The query of `GET /models/{modelId}` (2024-11-29's: none under 2021-09-23). */
export const getModelSchema = since2024(s.object({}), {
  with: {
    /** Statistics of the model over the last this many days, 1 to 30. */
    statisticsLastNDays: s.optional(s.integer({ minimum: 1, maximum: 30 })),
  },
});
/** Options of `las.models.get()` and `model.refresh()` (2024-11-29). */
export interface GetModelOptions {
  /** Statistics of the model over the last this many days: a whole number from 1 to 30 (2024-11-29). */
  statisticsLastNDays?: number;
}
