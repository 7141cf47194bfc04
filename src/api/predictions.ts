import { s, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

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
  /** Seconds the model took. */
  inferenceTime: s.number({ minimum: 0 }),
  /** When the prediction was made (Unix epoch seconds). */
  timestamp: s.integer({ minimum: 1 }),
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

/** Body of POST /predictions. */
export const createPredictionSchema = s.object({
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
});

/** A prediction's data as the API returns it. */
export type PredictionData = Infer<typeof predictionSchema>;
/** Options of `las.predictions.create()`. */
export type CreatePredictionOptions = Infer<typeof createPredictionSchema>;
