import { s, partial, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

/** The API's shape of a dataset. */
export const datasetSchema = s.object({
  datasetId: ids.dataset,
  name: s.optional(s.nullable(s.text())),
  description: s.nullable(s.text()),
  containsPersonallyIdentifiableInformation: s.boolean(),
  groundTruthSummary: s.record(),
  numberOfDocuments: s.integer({ minimum: 0 }),
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  storageLocation: s.enum(['EU']),
  version: s.integer({ minimum: 0 }),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /datasets. */
export const createDatasetSchema = s.object({
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
  containsPersonallyIdentifiableInformation: s.optional(s.boolean()),
  retentionInDays: s.optional(s.integer({ minimum: 1 })),
});

/** Body of PATCH /datasets/{datasetId}. */
export const updateDatasetSchema = partial(s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()) }), {
  minProperties: 1,
});

/** A dataset's data as the API returns it. */
export type DatasetData = Infer<typeof datasetSchema>;
/** Options of `las.datasets.create()`. */
export type CreateDatasetOptions = Infer<typeof createDatasetSchema>;
/** Options of `dataset.update()`. */
export type UpdateDatasetOptions = Infer<typeof updateDatasetSchema>;
