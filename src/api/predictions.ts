import { s, type Infer } from '../schema/index.js';
import { auditFields } from './fields.js';
import { ids } from './ids.js';
import { listSchema, orderSchema, type ListOptions, type SortOrder } from './list.js';
import { postprocessConfigSchema, preprocessConfig2024Schema, trainingIdSchema } from './models.js';
import { ids2024, since2024, type InferEither } from './versioned.js';

/** The API's shape of a prediction. */
export const predictionSchema = s.object({
  /** Id of the prediction. */
  predictionId: ids.prediction,
  /** The document read. */
  documentId: ids.document,
  /** The model that read the document. */
  modelId: ids.model,
  /** `pending` while an async prediction runs, then `succeeded` or `failed` (2024-11-29). */
  status: s.optional(s.enum(['pending', 'succeeded', 'failed'])),
  /** Seconds the model took (2024-11-29 may leave it out or give null while it is pending). */
  inferenceTime: s.optional(s.nullable(s.number({ minimum: 0 }))),
  /** When the prediction was made (Unix epoch seconds); 2024-11-29 gives `createdTime` instead. */
  timestamp: s.optional(s.integer({ minimum: 1 })),
  /** The model's training that made the prediction (2024-11-29). */
  trainingId: s.optional(s.nullable(trainingIdSchema)),
  /** The page to ask for next, when the document has more pages than were read (2024-11-29). */
  nextPage: s.optional(s.nullable(s.integer())),
  /** How pages were prepared before they were read (2024-11-29). */
  preprocessConfig: s.optional(s.nullable(preprocessConfig2024Schema)),
  /** How the candidates became the answer (2024-11-29). */
  postprocessConfig: s.optional(s.nullable(postprocessConfigSchema)),
  /** Why the prediction failed, when its status is `failed` (2024-11-29). */
  error: s.optional(s.nullable(s.text())),
  /** Who made the prediction, a user or app client id (2024-11-29). */
  createdBy: s.optional(auditFields.createdBy),
  /** When the prediction was made (2024-11-29). */
  createdTime: s.optional(auditFields.createdTime),
  /** One value per field found. */
  predictions: s.array(
    s.object({
      /** The field (of the model's field config) the value is for. */
      label: s.string({ pattern: /^[0-9A-Za-z_]+$/, minLength: 1, maxLength: 36 }),
      /** The value found (`null` when none was). */
      value: s.nullable(s.string({ minLength: 1, maxLength: 64 })),
      /** How sure the model is, 0 to 1. */
      confidence: s.number({ minimum: 0, maximum: 1 }),
    }),
  ),
});

/**
 * Body of POST /predictions (under 2024-11-29 with `async`, a training, page rotation and the
 * pre- and postprocess configs; up to 100 pages; a model id may be a public model's).
 */
export const createPredictionSchema = since2024(s.object({
  /** The document read. */
  documentId: ids.document,
  /** The model that read the document. */
  modelId: ids.model,
  /** Most pages read (1 to 3). */
  maxPages: s.optional(s.integer({ minimum: 1, maximum: 3 })),
  /** Whether pages are turned upright before they are read. */
  autoRotate: s.optional(s.boolean()),
  /** Resolution the pages are read at. */
  imageQuality: s.optional(s.enum(['LOW', 'HIGH'])),
}), {
  with: {
    /** The model that reads the document: its own id, or a public model's. */
    modelId: ids2024.model,
    /** Most pages read (1 to 100). */
    maxPages: s.optional(s.integer({ minimum: 1, maximum: 100 })),
    /** Answer at once with `status: 'pending'`, and predict in the background. */
    async: s.optional(s.boolean()),
    /** The model's training to predict with, instead of its current one. */
    trainingId: s.optional(trainingIdSchema),
    /** Degrees the pages are turned before they are read. */
    rotation: s.optional(s.integer([0, 90, 180, 270])),
    /** How pages are prepared before they are read. */
    preprocessConfig: s.optional(preprocessConfig2024Schema),
    /** How the candidates become the answer. */
    postprocessConfig: s.optional(postprocessConfigSchema),
  },
});

/** Options of `las.predictions.list()`. */
export interface ListPredictionsOptions extends ListOptions {
  /** Only predictions of this model: 2024-11-29 only. */
  modelId?: string;
  /** The field the list is sorted by: 2024-11-29 only. */
  sortBy?: string;
  /** Sort direction: 2024-11-29 only. */
  order?: SortOrder;
}

/** The query of `GET /predictions` (under 2024-11-29 with modelId, sortBy and order). */
export const listPredictionsSchema = since2024(listSchema({}), {
  with: {
    /** Only predictions of this model. */
    modelId: s.optional(ids2024.model),
    /** The field the list is sorted by. */
    sortBy: s.optional(s.string()),
    /** Sort direction. */
    order: s.optional(orderSchema),
  },
});

/** A prediction's data as the API returns it. */
export type PredictionData = Infer<typeof predictionSchema>;
/** Options of `las.predictions.create()`. */
export type CreatePredictionOptions = InferEither<typeof createPredictionSchema>;
