import type { RequestOptions } from '../http/request-options.js';
import type { Session } from '../http/session.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref } from './methods.js';
import type { CreateTransformationOptions, ListTransformationsOptions, TransformationData } from '../api/transformations.js';

/** A transformation of a dataset's documents, such as removing duplicates (2024-11-29). */
@entity(kinds.transformation)
export class Transformation extends Entity<TransformationData> {
  /** Deletes the transformation. `DELETE /datasets/{datasetId}/transformations/{transformationId}` */
  declare delete: Delete<this>;
}

/** A handle on a transformation (`ref(id)`): its ids and its methods. */
export type TransformationHandle = Handle<Transformation, TransformationData, 'datasetId' | 'transformationId'>;

/** `dataset.transformations`: the transformations of one dataset (2024-11-29). */
@collectionOf(Transformation)
export class Transformations extends Collection<Transformation> {
  /** @internal */
  constructor(
    session: Session,
    /** The dataset these transformations change. */
    readonly datasetId: string,
  ) {
    super(session);
  }

  /** Transforms the dataset's documents: `create({ operations: [{ type: 'remove-duplicates' }] })`. `POST /datasets/{datasetId}/transformations` */
  async create(options: CreateTransformationOptions, requestOptions?: RequestOptions): Promise<Transformation> {
    return this.createWith(options, requestOptions);
  }

  /** Lists the dataset's transformations. `GET /datasets/{datasetId}/transformations` */
  declare list: List<Transformation, ListTransformationsOptions>;

  /** Deletes a transformation. `DELETE /datasets/{datasetId}/transformations/{transformationId}` */
  declare delete: ById<Transformation['delete']>;

  /** A handle on a transformation of this dataset by id, without a request. */
  declare ref: Ref<TransformationHandle>;
}
