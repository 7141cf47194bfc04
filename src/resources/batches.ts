import { s, type Schema } from '../schema/index.js';
import { withSignal, type RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import { checkBody, checkId, signalSchema } from './checks.js';
import type { ById, List, Ref, Update } from './methods.js';
import { deleteAllDocuments } from './documents.js';
import {
  type BatchData,
  type CreateBatchOptions,
  type UpdateBatchOptions,
} from '../api/batches.js';
import { ids } from '../api/ids.js';
import type { ListOptions } from '../api/list.js';

/** Options of `batch.delete()`. */
export interface DeleteBatchOptions {
  /** Delete every document of the batch first (a page at a time), then the batch. */
  deleteDocuments?: boolean;
  /** Stops the deletion, cancelling the request in flight. */
  signal?: AbortSignal;
}

const deleteBatchOptionsSchema = s.object({ deleteDocuments: s.optional(s.boolean()), signal: s.optional(signalSchema) } satisfies Record<keyof DeleteBatchOptions, Schema>);

/** A batch: documents uploaded together. */
@entity(kinds.batch)
export class Batch extends Entity<BatchData> {
  /** Updates name or description. `PATCH /batches/{batchId}` */
  declare update: Update<this, UpdateBatchOptions>;

  /**
   * Deletes the batch. `DELETE /batches/{batchId}`; with `deleteDocuments`, first
   * `DELETE /documents?batchId=...` until none are left (the API does not do it for us).
   */
  async delete(options: DeleteBatchOptions = {}, requestOptions?: RequestOptions): Promise<this> {
    checkBody(deleteBatchOptionsSchema, options, this.what('delete'));
    const perRequest = withSignal(requestOptions, options.signal);
    if (options.deleteDocuments) {
      // Without its id the filter would be gone, and DELETE /documents would take every document.
      const batchId = checkId(this.batchId, ids.batch, 'batchId', this.what('delete'));
      await deleteAllDocuments(this.session, { batchId }, `batch ${batchId}`, perRequest);
    }
    return this.deleteWith(undefined, perRequest);
  }
}

/** A handle on a batch (`ref(id)`): its id and its methods; `await handle.refresh()` gives the batch. */
export type BatchHandle = Handle<Batch, BatchData, 'batchId'>;

/** `las.batches`: the batches of the organization. */
@collectionOf(Batch)
export class Batches extends Collection<Batch> {
  /** Creates a batch. `POST /batches` */
  async create(options: CreateBatchOptions = {}, requestOptions?: RequestOptions): Promise<Batch> {
    return this.createWith(options, requestOptions);
  }

  /** Lists batches. `GET /batches` */
  declare list: List<Batch, ListOptions>;

  /** Updates a batch. `PATCH /batches/{batchId}` */
  declare update: ById<Batch['update']>;

  /** Deletes a batch, and first its documents with `deleteDocuments`. `DELETE /batches/{batchId}` */
  declare delete: ById<Batch['delete']>;

  /** A handle on a batch by id, without a request. */
  declare ref: Ref<BatchHandle>;
}
