/** /models/{modelId}/dataBundles: snapshots of datasets a model trains on. */
import { dataBundleSchema } from 'las-sdk/api';
import type { Json, JsonObject } from '../json.js';
import { queryValues } from '../validation.js';
import { datasetView } from './datasets.js';
import type { Serving } from './kind-routes.js';
import { addCount, created, named } from './shared.js';

/**
 * How data bundles are served; 2021-09-23 has no GET of one. The spec sets no minProperties on
 * their PATCH: an empty one changes nothing.
 */
export const dataBundles: Serving = {
  table: 'dataBundles',
  create: ({ store }, body, req, model) => {
    const datasets = ((body.datasetIds as Json[] | undefined) ?? []).map((id) => datasetView(store, store.tables.datasets.require(id as string)));
    // Ground-truth labels over every bundled dataset: what training would see.
    const summary: JsonObject = {};
    for (const dataset of datasets) {
      for (const [label, count] of Object.entries(dataset.groundTruthSummary as JsonObject)) addCount(summary, label, count as number);
    }
    const dataBundleId = store.newId('model-data-bundle');
    const data: JsonObject = {
      dataBundleId,
      modelId: model?.id ?? null,
      ...named(body),
      // Nothing to process in an emulator: a bundle is ready at once.
      status: 'ready',
      summary,
      datasets,
      ...created(req.principal),
    };
    return store.tables.dataBundles.insert(dataBundleId, data).data;
  },
  list: (req, rows) => {
    const status = queryValues(req.query, 'status', dataBundleSchema.properties.status);
    return { rows: rows.filter((row) => !status || status.includes(row.data.status as string)), echo: { status } };
  },
};
