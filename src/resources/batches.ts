import { s, type Schema } from '../schema/index.js';
import { path } from '../http/path.js';
import { Collection } from './collection.js';
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
}

const deleteBatchOptionsSchema = s.object({ deleteDocuments: s.optional(s.boolean()) } satisfies Record<keyof DeleteBatchOptions, Schema>);

/** A batch: documents uploaded together. */
@entity(batchSchema, { id: 'batchId' })
export class Batch extends Entity<BatchData> {
  protected get path(): string {
    return path`/batches/${this.batchId}`;
  }

  /** Updates name or description. `PATCH /batches/{batchId}` */
  async update(options: UpdateBatchOptions): Promise<this> {
    return this.patchWith(updateBatchSchema, options, 'batch.update');
  }

  /**
   * Deletes the batch. `DELETE /batches/{batchId}`; with `deleteDocuments`, first
   * `DELETE /documents?batchId=...` until none are left (the API does not do it for us).
   */
  async delete(options: DeleteBatchOptions = {}): Promise<this> {
    checkBody(deleteBatchOptionsSchema, options, 'batch.delete');
    if (options.deleteDocuments) {
      // Without its id the filter would be gone, and DELETE /documents would take every document.
      const batchId = checkId(this.batchId, ids.batch, 'batchId', 'batch.delete');
      await deleteAllDocuments(this.session, { batchId }, `batch ${batchId}`);
    }
    return this.deleteWith();
  }
}

/** A handle on a batch (`ref(id)`): its id and its methods; `await handle.refresh()` gives the batch. */
export type BatchHandle = Handle<Batch, BatchData, 'batchId'>;

/** `las.batches`: the batches of the organization. */
export class Batches extends Collection<Batch> {
  protected readonly entity = Batch;

  /** Creates a batch. `POST /batches` */
  async create(options: CreateBatchOptions = {}): Promise<Batch> {
    return this.createAt('/batches', createBatchSchema, options, 'batches.create');
  }

  /** Lists batches. `GET /batches` */
  list(options: ListOptions = {}) {
    return this.listAt('/batches', 'batches', listOptionsSchema, options, 'batches.list');
  }

  /** Updates a batch. `PATCH /batches/{batchId}` */
  async update(batchId: string, options: UpdateBatchOptions): Promise<Batch> {
    return this.ref(batchId).update(options);
  }

  /** Deletes a batch, and first its documents with `deleteDocuments`. `DELETE /batches/{batchId}` */
  async delete(batchId: string, options: DeleteBatchOptions = {}): Promise<Batch> {
    return this.ref(batchId).delete(options);
  }

  /** A handle on a batch by id, without a request. */
  ref(batchId: string): BatchHandle {
    return this.handle({ batchId: checkId(batchId, ids.batch, 'batchId', 'batches') });
  }
}
