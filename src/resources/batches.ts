import { s, type Schema } from '../schema/index.js';
import { path } from '../http/path.js';
import { withSignal, type RequestOptions } from '../http/request-options.js';
import { Collection, signalSchema } from './collection.js';
import { Entity, type Handle, checkBody, checkId, entity } from './entity.js';
import { deleteAllDocuments } from './documents.js';
import {
  batchSchema,
  createBatchSchema,
  updateBatchSchema,
  type BatchData,
  type CreateBatchOptions,
  type UpdateBatchOptions,
} from '../api/batches.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';

/** Options of `batch.delete()`. */
export interface DeleteBatchOptions {
  /** Delete every document of the batch first (a page at a time), then the batch. */
  deleteDocuments?: boolean;
  /** Stops the deletion, cancelling the request in flight. */
  signal?: AbortSignal;
}

const deleteBatchOptionsSchema = s.object({ deleteDocuments: s.optional(s.boolean()), signal: s.optional(signalSchema) } satisfies Record<keyof DeleteBatchOptions, Schema>);

/** A batch: documents uploaded together. */
@entity(batchSchema, { id: 'batchId' })
export class Batch extends Entity<BatchData> {
  protected get path(): string {
    return path`/batches/${this.batchId}`;
  }

  /** Updates name or description. `PATCH /batches/{batchId}` */
  async update(options: UpdateBatchOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateBatchSchema, options, 'batch.update', requestOptions);
  }

  /**
   * Deletes the batch. `DELETE /batches/{batchId}`; with `deleteDocuments`, first
   * `DELETE /documents?batchId=...` until none are left (the API does not do it for us).
   */
  async delete(options: DeleteBatchOptions = {}, requestOptions?: RequestOptions): Promise<this> {
    checkBody(deleteBatchOptionsSchema, options, 'batch.delete');
    const perRequest = withSignal(requestOptions, options.signal);
    if (options.deleteDocuments) {
      // Without its id the filter would be gone, and DELETE /documents would take every document.
      const batchId = checkId(this.batchId, ids.batch, 'batchId', 'batch.delete');
      await deleteAllDocuments(this.session, { batchId }, `batch ${batchId}`, perRequest);
    }
    return this.deleteWith(undefined, perRequest);
  }
}

/** A handle on a batch (`ref(id)`): its id and its methods; `await handle.refresh()` gives the batch. */
export type BatchHandle = Handle<Batch, BatchData, 'batchId'>;

/** `las.batches`: the batches of the organization. */
export class Batches extends Collection<Batch> {
  protected readonly entity = Batch;

  /** Creates a batch. `POST /batches` */
  async create(options: CreateBatchOptions = {}, requestOptions?: RequestOptions): Promise<Batch> {
    return this.createAt('/batches', createBatchSchema, options, 'batches.create', requestOptions);
  }

  /** Lists batches. `GET /batches` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/batches', 'batches', listOptionsSchema, options, 'batches.list', requestOptions);
  }

  /** Updates a batch. `PATCH /batches/{batchId}` */
  async update(batchId: string, options: UpdateBatchOptions, requestOptions?: RequestOptions): Promise<Batch> {
    return this.ref(batchId).update(options, requestOptions);
  }

  /** Deletes a batch, and first its documents with `deleteDocuments`. `DELETE /batches/{batchId}` */
  async delete(batchId: string, options: DeleteBatchOptions = {}, requestOptions?: RequestOptions): Promise<Batch> {
    return this.ref(batchId).delete(options, requestOptions);
  }

  /** A handle on a batch by id, without a request. */
  ref(batchId: string): BatchHandle {
    return this.handle({ batchId: checkId(batchId, ids.batch, 'batchId', 'batches') });
  }
}
