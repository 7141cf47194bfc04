import { s, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, type ListOptions } from './collection.js';
import { Entity, entity } from './entity.js';
import { LasError } from '../errors.js';

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

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Prediction extends PredictionData {}

/** A prediction: what a model read from a document, field by field. */
@entity(predictionSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Prediction extends Entity {
  /** The prediction id. */
  get id(): string {
    return this.predictionId;
  }

  protected get path(): string {
    throw new LasError('The API has no path for a single prediction: list them with las.predictions.list()');
  }
}

/** `las.predictions`: runs models on documents. */
export class Predictions extends Collection<Prediction> {
  protected readonly entity = Prediction;

  /** Runs a model on a document. `POST /predictions` */
  async create(options: CreatePredictionOptions, requestOptions?: RequestOptions): Promise<Prediction> {
    return this.createAt('/predictions', createPredictionSchema, options, 'predictions.create', requestOptions);
  }

  /** Lists predictions. `GET /predictions` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/predictions', 'predictions', listOptionsSchema, options, 'predictions.list', requestOptions);
  }
}
