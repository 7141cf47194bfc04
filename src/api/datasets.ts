import { s, type Infer } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalNameAndDescription } from './fields.js';
import { partialEither, since2024, type InferEither } from './versioned.js';
import { ids } from './ids.js';

/** The API's shape of a dataset. */
export const datasetSchema = s.object({
  /** Id of the dataset. */
  datasetId: ids.dataset,
  /** Display name, for people. */
  name: s.optional(s.nullable(s.text())),
  /** Free text about it, for people. */
  description: s.nullable(s.text()),
  /** Whether its documents hold personal data (PII). */
  containsPersonallyIdentifiableInformation: s.boolean(),
  /** Counts of the ground truth its documents carry, by field. */
  groundTruthSummary: s.record(),
  /** How many documents it holds. */
  numberOfDocuments: s.integer({ minimum: 0 }),
  /** Days the API keeps documents before deleting them. */
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  /** Region the data is stored in. */
  storageLocation: s.enum(['EU']),
  /** Revision number, raised by each change. */
  version: s.integer({ minimum: 0 }),
  /** Your own data about it: any JSON object (2024-11-29). */
  metadata: s.optional(s.nullable(s.record())),
  ...auditFields,
});

/** Body of POST /datasets (under 2024-11-29 with metadata). */
export const createDatasetSchema = since2024(s.object({
  ...optionalNameAndDescription,
  /** Whether its documents hold personal data (PII). */
  containsPersonallyIdentifiableInformation: s.optional(s.boolean()),
  /** Days the API keeps documents before deleting them. */
  retentionInDays: s.optional(s.integer({ minimum: 1 })),
}), { with: { metadata: s.optional(s.record()) } });

/** Body of PATCH /datasets/{datasetId}. */
export const updateDatasetSchema = partialEither(
  since2024(s.object(nameAndDescription), {
    with: {
      /** Whether its documents hold personal data (PII). */
      containsPersonallyIdentifiableInformation: s.boolean(),
      /** Days the API keeps documents before deleting them. */
      retentionInDays: s.integer({ minimum: 1 }),
      /** Your own data about it: any JSON object. */
      metadata: s.record(),
    },
  }),
  { minProperties: 1 },
);

/** A dataset's data as the API returns it. */
export type DatasetData = Infer<typeof datasetSchema>;
/** Options of `las.datasets.create()`. */
export type CreateDatasetOptions = InferEither<typeof createDatasetSchema>;
/** Options of `dataset.update()`. */
export type UpdateDatasetOptions = InferEither<typeof updateDatasetSchema>;
