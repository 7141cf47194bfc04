import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf, waitOptionsSchema } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody } from './checks.js';
import type { ById, List, Ref, Refresh } from './methods.js';
import { pollUntil, type WaitOptions } from '../jobs/wait.js';
import type { PredictionData, CreatePredictionOptions, ListPredictionsOptions } from '../api/predictions.js';

/** A prediction: what a model read from a document, field by field. */
@entity(kinds.prediction)
export class Prediction extends Entity<PredictionData> {
  /** Loads this prediction's data (2024-11-29). `GET /predictions/{predictionId}` */
  declare refresh: Refresh<this>;

  /**
   * Polls until an async prediction (`create(..., { async: true })`, 2024-11-29) has left
   * `pending` and returns it refreshed; a failed one resolves too. `GET /predictions/{predictionId}`
   * with backoff. Past `timeout` a `WaitTimeoutError`, on `signal` a `WaitAbortedError`.
   */
  async wait(options: WaitOptions = {}): Promise<this> {
    checkBody(waitOptionsSchema, options, this.what('wait'));
    // Unlike an execution's, a prediction without a status is done: a synchronous one has none.
    return pollUntil(
      {
        what: `prediction ${this.predictionId}`,
        poll: async () => this.refresh(options.signal && { signal: options.signal }),
        done: (prediction) => prediction.status !== 'pending',
        status: (prediction) => prediction.status,
      },
      options,
    );
  }
}

/** A handle on a prediction (`ref(id)`): its id and its methods; `await handle.refresh()` gives the prediction. */
export type PredictionHandle = Handle<Prediction, PredictionData, 'predictionId'>;

/** `las.predictions`: runs models on documents. */
@collectionOf(Prediction)
export class Predictions extends Collection<Prediction> {
  /** Runs a model on a document. `POST /predictions` */
  async create(options: CreatePredictionOptions, requestOptions?: RequestOptions): Promise<Prediction> {
    return this.createWith(options, requestOptions);
  }

  /** Lists predictions. `GET /predictions` */
  declare list: List<Prediction, ListPredictionsOptions>;

  /** Gets one prediction (2024-11-29). `GET /predictions/{predictionId}` */
  declare get: ById<Prediction['refresh']>;

  /** A handle on a prediction by id, without a request (2024-11-29: `await las.predictions.ref(id).wait()`). */
  declare ref: Ref<PredictionHandle>;
}
