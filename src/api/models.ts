import { s, partial, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';

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

/** The API's shape of a model. */
export const modelSchema = s.object({
  /** Id of the model. */
  modelId: ids.model,
  ...nameAndDescription,
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
  /** How many data bundles it has. */
  numberOfDataBundles: s.integer({ minimum: 0 }),
  ...auditFields,
});

/** Body of POST /models. */
export const createModelSchema = s.object({
  /** Width in pixels the model scales pages to. */
  width: sizeSchema,
  /** Height in pixels the model scales pages to. */
  height: sizeSchema,
  /** The fields the model reads, by label. */
  fieldConfig: fieldConfigSchema,
  /** How pages are prepared before the model reads them. */
  preprocessConfig: s.optional(preprocessConfigSchema),
  ...optionalNameAndDescription,
});

/** Body of PATCH /models/{modelId}. */
export const updateModelSchema = partial(
  s.object({
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
