import { s, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

/** The API's shape of a prediction. */
export const predictionSchema = s.object({
  predictionId: ids.prediction,
  documentId: ids.document,
  modelId: ids.model,
  inferenceTime: s.number({ minimum: 0 }),
  timestamp: s.integer({ minimum: 1 }),
  predictions: s.array(
    s.object({
      label: s.string({ pattern: /^[0-9A-Za-z_]+$/, minLength: 1, maxLength: 36 }),
      value: s.nullable(s.string({ minLength: 1, maxLength: 64 })),
      confidence: s.number({ minimum: 0, maximum: 1 }),
    }),
  ),
});

/** Body of POST /predictions. */
export const createPredictionSchema = s.object({
  documentId: ids.document,
  modelId: ids.model,
  maxPages: s.optional(s.integer({ minimum: 1, maximum: 3 })),
  autoRotate: s.optional(s.boolean()),
  imageQuality: s.optional(s.enum(['LOW', 'HIGH'])),
});

/** A prediction's data as the API returns it. */
export type PredictionData = Infer<typeof predictionSchema>;
/** Options of `las.predictions.create()`. */
export type CreatePredictionOptions = Infer<typeof createPredictionSchema>;
