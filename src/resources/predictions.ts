import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, entity } from './entity.js';
import { LasError } from '../errors.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';
import { predictionSchema, createPredictionSchema, type PredictionData, type CreatePredictionOptions } from '../api/predictions.js';

/** A prediction: what a model read from a document, field by field. */
@entity(predictionSchema, { id: 'predictionId' })
export class Prediction extends Entity<PredictionData> {
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
