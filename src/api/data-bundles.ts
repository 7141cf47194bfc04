import { s, partial, type Infer, type Schema } from '../schema/index.js';
import { auditFields, nameAndDescription, optionalAuditFields, optionalNameAndDescription } from './fields.js';
import { datasetSchema } from './datasets.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';
import { since2024 } from './versioned.js';

const dataBundleStatusSchema = s.enum(['processing', 'ready', 'failed']);
// 2024-11-29 names the states of a bundle's preparation as it names a training's.
const dataBundleStatus2024Schema = s.enum(['running', 'succeeded', 'failed']);

/**
 * A dataset as a data bundle describes it: a snapshot taken when the bundle was made, which may
 * leave out the ground-truth summary and the audit fields.
 */
const bundledDatasetSchema = s.object({
  ...datasetSchema.properties,
  groundTruthSummary: s.optional(datasetSchema.properties.groundTruthSummary),
  ...optionalAuditFields,
});

/** The API's shape of a data bundle. */
export const dataBundleSchema = s.object({
  /** Id of the data bundle. */
  dataBundleId: ids.dataBundle,
  /** The model it trains. */
  modelId: ids.model,
  ...nameAndDescription,
  /** Whether the bundle is ready for training (see {@link DataBundleStatus}). */
  status: s.enum(['processing', 'ready', 'running', 'succeeded', 'failed']),
  /** Counts of what its datasets hold. */
  summary: s.record(),
  /** The datasets bundled, as they were when bundled. */
  datasets: s.array(bundledDatasetSchema),
  /** Days the API keeps the bundle before deleting it (2024-11-29). */
  retentionInDays: s.optional(s.integer({ minimum: 1 })),
  ...auditFields,
});

/** Body of POST /models/{modelId}/dataBundles. */
export const createDataBundleSchema = s.object({
  /** Datasets to bundle. */
  datasetIds: s.optional(s.array(ids.dataset, { minItems: 1 })),
  ...optionalNameAndDescription,
});

/** Body of PATCH /models/{modelId}/dataBundles/{dataBundleId} (the one update body the spec lets be empty). */
export const updateDataBundleSchema = partial(s.object(nameAndDescription));

/** A data bundle's data as the API returns it. */
export type DataBundleData = Infer<typeof dataBundleSchema>;
/** Where a data bundle is in its preparation: `processing`, `ready` or `failed` under 2021-09-23; `running`, `succeeded` or `failed` under 2024-11-29. */
export type DataBundleStatus = DataBundleData['status'];
/** One dataset of a data bundle. */
export type BundledDataset = Infer<typeof bundledDatasetSchema>;
/** Options of `model.dataBundles.create()`. */
export type CreateDataBundleOptions = Infer<typeof createDataBundleSchema>;
/** Options of `dataBundle.update()`. */
export type UpdateDataBundleOptions = Infer<typeof updateDataBundleSchema>;
/** Options of `model.dataBundles.list()`. */
export interface ListDataBundlesOptions extends ListOptions {
  /** Only bundles in this status, or in any of these. */
  status?: DataBundleStatus | DataBundleStatus[];
}

/** The query of `GET /models/{modelId}/dataBundles` (under 2024-11-29 `status` takes one of its statuses: its spec has no list there). */
export const listDataBundlesSchema = since2024(
  listSchema({
    /** Only those in this status, or in any of these. */
    status: s.optional(oneOrMore(dataBundleStatusSchema)),
  } satisfies Record<Exclude<keyof ListDataBundlesOptions, keyof ListOptions>, Schema>),
  { with: { status: s.optional(dataBundleStatus2024Schema) } },
);
