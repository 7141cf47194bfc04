import { s, partial, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

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
