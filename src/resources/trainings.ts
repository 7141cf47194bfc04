import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, List, Ref, Refresh, Update } from './methods.js';
import type { CreateTrainingOptions, ListTrainingsOptions, TrainingData, UpdateTrainingOptions } from '../api/trainings.js';

/** A training of a model on its data bundles (2024-11-29); a model predicts with the training its `trainingId` names. */
@entity(kinds.training)
export class Training extends Entity<TrainingData> {
  /** Loads this training's data. `GET /models/{modelId}/trainings/{trainingId}` */
  declare refresh: Refresh<this>;

  /** Updates deployment environment, name, description or metadata, or cancels it (`status: 'cancelled'`). `PATCH /models/{modelId}/trainings/{trainingId}` */
  declare update: Update<this, UpdateTrainingOptions>;
}

/** A handle on a training (`ref(id)`): its ids and its methods; `await handle.refresh()` gives the training. */
export type TrainingHandle = Handle<Training, TrainingData, 'modelId' | 'trainingId'>;

/** `model.trainings`: the trainings of one model (2024-11-29). */
@collectionOf(Training)
export class Trainings extends Collection<Training> {
  /** @internal */
  constructor(
    session: Session,
    /** The model these trainings train. */
    readonly modelId: string,
  ) {
    super(session);
  }

  /** Starts a training on data bundles. `POST /models/{modelId}/trainings` */
  async create(options: CreateTrainingOptions, requestOptions?: RequestOptions): Promise<Training> {
    return this.createWith(options, requestOptions);
  }

  /** Lists the model's trainings. `GET /models/{modelId}/trainings` */
  declare list: List<Training, ListTrainingsOptions>;

  /** Gets one training. `GET /models/{modelId}/trainings/{trainingId}` */
  declare get: ById<Training['refresh']>;

  /** Updates a training. `PATCH /models/{modelId}/trainings/{trainingId}` */
  declare update: ById<Training['update']>;

  /** A handle on a training of this model by id, without a request. */
  declare ref: Ref<TrainingHandle>;
}
