import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { List } from './methods.js';

import type { PredictionData, CreatePredictionOptions, ListPredictionsOptions } from '../api/predictions.js';

/** A prediction: what a model read from a document, field by field. */
@entity(kinds.prediction)
export class Prediction extends Entity<PredictionData> {}

/** `las.predictions`: runs models on documents. */
@collectionOf(Prediction)
export class Predictions extends Collection<Prediction> {
  /** Runs a model on a document. `POST /predictions` */
  async create(options: CreatePredictionOptions, requestOptions?: RequestOptions): Promise<Prediction> {
    return this.createWith(options, requestOptions);
  }

  /** Lists predictions. `GET /predictions` */
  declare list: List<Prediction, ListPredictionsOptions>;
}
