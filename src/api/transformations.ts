/** Transformations of a dataset's documents, such as removing duplicates (API version 2024-11-29). */
import { s, type Infer } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore } from './list.js';

/** What a transformation's `status` may be. */
export const transformationStatusSchema = s.enum(['running', 'succeeded', 'failed']);

/** One operation of a transformation. */
export const transformationOperationSchema = s.object({
  /** What it does: `remove-duplicates`. */
  type: s.enum(['remove-duplicates']),
  /** Its options. */
  options: s.optional(s.record()),
});

/** The API's shape of a transformation. */
export const transformationSchema = s.object({
  /** Id of the transformation. */
  transformationId: ids.transformation,
  /** The dataset transformed. */
  datasetId: ids.dataset,
  /** What it does, in order. */
  operations: s.array(transformationOperationSchema),
  /** `running`, `succeeded` or `failed` (a newer status is kept as its string). */
  status: transformationStatusSchema,
  ...auditFields,
});

/** Body of POST /datasets/{datasetId}/transformations (the spec requires nothing: `{}` is a valid body). */
export const createTransformationSchema = s.object({
  /** What to do to the dataset's documents, in order; left out, the API chooses. */
  operations: s.optional(s.array(transformationOperationSchema)),
});

/** Query of GET /datasets/{datasetId}/transformations. */
export const listTransformationsSchema = listSchema({
  /** Only those in this status, or in any of these. */
  status: s.optional(oneOrMore(transformationStatusSchema)),
});

/** A transformation's data as the API returns it. */
export type TransformationData = Infer<typeof transformationSchema>;
/** One operation of a transformation. */
export type TransformationOperation = Infer<typeof transformationOperationSchema>;
/** Options of `dataset.transformations.create()`. */
export type CreateTransformationOptions = Infer<typeof createTransformationSchema>;
/** Options of `dataset.transformations.list()`. */
export type ListTransformationsOptions = Infer<typeof listTransformationsSchema>;
