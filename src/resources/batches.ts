import { s, partial, type Infer, type Schema } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import { withSignal, type RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, signalSchema, type ListOptions } from './collection.js';
import { Entity, checkBody, checkId, entity } from './entity.js';
import { deleteAllDocuments } from './documents.js';

/** The API's shape of a batch. */
export const batchSchema = s.object({
  batchId: ids.batch,
  name: s.optional(s.nullable(s.text())),
  description: s.nullable(s.text()),
  containsPersonallyIdentifiableInformation: s.boolean(),
  numDocuments: s.integer({ minimum: 0 }),
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  storageLocation: s.enum(['EU']),
  createdTime: s.nullable(s.timestamp()),
});

/** Body of POST /batches. */
export const createBatchSchema = s.object({
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
  containsPersonallyIdentifiableInformation: s.optional(s.boolean()),
});

/** Body of PATCH /batches/{batchId}. */
export const updateBatchSchema = partial(s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()) }), {
  minProperties: 1,
});

/** A batch's data as the API returns it. */
export type BatchData = Infer<typeof batchSchema>;
/** Options of `las.batches.create()`. */
export type CreateBatchOptions = Infer<typeof createBatchSchema>;
/** Options of `batch.update()`. */
export type UpdateBatchOptions = Infer<typeof updateBatchSchema>;
/** Options of `batch.delete()`. */
export interface DeleteBatchOptions {
  /** Delete every document of the batch first (a page at a time), then the batch. */
  deleteDocuments?: boolean;
  /** Stops the deletion, cancelling the request in flight. */
  signal?: AbortSignal;
}

const deleteBatchOptionsSchema = s.object({ deleteDocuments: s.optional(s.boolean()), signal: s.optional(signalSchema) } satisfies Record<keyof DeleteBatchOptions, Schema>);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface Batch extends BatchData {}

/** A batch: documents uploaded together. */
@entity(batchSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class Batch extends Entity {
  /** The batch id. */
  get id(): string {
    return this.batchId;
  }

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
  ref(batchId: string): Batch {
    return this.handle({ batchId: checkId(batchId, ids.batch, 'batchId', 'batches') });
  }
}
