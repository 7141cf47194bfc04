import { s, partial, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { ids } from './ids.js';

/** The API's shape of a batch. */
export const batchSchema = s.object({
  /** Id of the batch. */
  batchId: ids.batch,
  /** Display name, for people. */
  name: s.optional(s.nullable(s.text())),
  /** Free text about it, for people. */
  description: s.nullable(s.text()),
  /** Whether its documents hold personal data (PII). */
  containsPersonallyIdentifiableInformation: s.boolean(),
  /** How many documents it holds. */
  numDocuments: s.integer({ minimum: 0 }),
  /** Days the API keeps documents before deleting them. */
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  /** Region the data is stored in. */
  storageLocation: s.enum(['EU']),
  /** When it was created. */
  createdTime: auditFields.createdTime,
});

/** Body of POST /batches. */
export const createBatchSchema = s.object({
  ...optionalNameAndDescription,
  /** Whether its documents hold personal data (PII). */
  containsPersonallyIdentifiableInformation: s.optional(s.boolean()),
});

/** Body of PATCH /batches/{batchId}. */
export const updateBatchSchema = partial(s.object(nameAndDescription), { minProperties: 1 });

/** A batch's data as the API returns it. */
export type BatchData = Infer<typeof batchSchema>;
/** Options of `las.batches.create()`. */
export type CreateBatchOptions = Infer<typeof createBatchSchema>;
/** Options of `batch.update()`. */
export type UpdateBatchOptions = Infer<typeof updateBatchSchema>;
