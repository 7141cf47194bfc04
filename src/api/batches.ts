import { s, partial, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

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
