import { s, partial, type Infer, type Schema } from '../schema/index.js';
import { ids } from './ids.js';
import { listSchema, oneOrMore, type ListOptions } from './list.js';

const dataBundleStatusSchema = s.enum(['processing', 'ready', 'failed']);

/** A dataset as a data bundle describes it: a snapshot taken when the bundle was made. */
const bundledDatasetSchema = s.object({
  datasetId: ids.dataset,
  name: s.optional(s.nullable(s.text())),
  description: s.nullable(s.text()),
  containsPersonallyIdentifiableInformation: s.boolean(),
  groundTruthSummary: s.optional(s.record()),
  numberOfDocuments: s.integer({ minimum: 0 }),
  retentionInDays: s.integer({ minimum: 0, maximum: 1825 }),
  storageLocation: s.enum(['EU']),
  version: s.integer({ minimum: 0 }),
  createdBy: s.optional(s.nullable(s.text())),
  createdTime: s.optional(s.nullable(s.timestamp())),
  updatedBy: s.optional(s.nullable(s.text())),
  updatedTime: s.optional(s.nullable(s.timestamp())),
});

/** The API's shape of a data bundle. */
export const dataBundleSchema = s.object({
  dataBundleId: ids.dataBundle,
  modelId: ids.model,
  name: s.nullable(s.text()),
  description: s.nullable(s.text()),
  status: dataBundleStatusSchema,
  summary: s.record(),
  datasets: s.array(bundledDatasetSchema),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /models/{modelId}/dataBundles. */
export const createDataBundleSchema = s.object({
  datasetIds: s.optional(s.array(ids.dataset, { minItems: 1 })),
  name: s.optional(s.nullable(s.text())),
  description: s.optional(s.nullable(s.text())),
});

/** Body of PATCH /models/{modelId}/dataBundles/{dataBundleId} (the one update body the spec lets be empty). */
export const updateDataBundleSchema = partial(s.object({ name: s.nullable(s.text()), description: s.nullable(s.text()) }));

/** A data bundle's data as the API returns it. */
export type DataBundleData = Infer<typeof dataBundleSchema>;
/** Where a data bundle is in its preparation. */
export type DataBundleStatus = Infer<typeof dataBundleStatusSchema>;
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

/** The query of `GET /models/{modelId}/dataBundles`. */
export const listDataBundlesSchema = listSchema({
  status: s.optional(oneOrMore(dataBundleStatusSchema)),
} satisfies Record<Exclude<keyof ListDataBundlesOptions, keyof ListOptions>, Schema>);
