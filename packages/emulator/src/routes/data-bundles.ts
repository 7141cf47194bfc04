/** /models/{modelId}/dataBundles: snapshots of datasets a model trains on. */
import { dataBundleSchema, s } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { Json, JsonObject } from '../json.js';
import { queryValues } from '../validation.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import { datasetView } from './datasets.js';
import type { Serving } from './kind-routes.js';
import { addCount, created, named } from './shared.js';

// 2024-11-29 renamed `processing` to `running` and `ready` to `succeeded`.
const STATUS_2024 = s.enum(['running', 'succeeded', 'failed']);

function statusSchema(ctx: Context) {
  return ctx.apiVersion === '2024-11-29' ? STATUS_2024 : dataBundleSchema.properties.status;
}

/**
 * How data bundles are served; 2021-09-23 has no GET of one. The spec sets no minProperties on
 * their PATCH: an empty one changes nothing.
 */
export const dataBundles: Serving = {
  table: 'dataBundles',
  create: (ctx, body, req, model) => {
    const { store } = ctx;
    const datasets = ((body.datasetIds as Json[] | undefined) ?? []).map((id) => datasetView(store, store.tables.datasets.require(id as string)));
    // Ground-truth labels over every bundled dataset: what training would see.
    const summary: JsonObject = {};
    for (const dataset of datasets) {
      for (const [label, count] of Object.entries(dataset.groundTruthSummary as JsonObject)) addCount(summary, label, count as number);
    }
    const is2024 = ctx.apiVersion === '2024-11-29';
    const dataBundleId = store.newId('model-data-bundle');
    const data: JsonObject = {
      dataBundleId,
      modelId: model?.id ?? null,
      ...named(body),
      // Nothing to process in an emulator: a bundle is ready at once.
      status: is2024 ? 'succeeded' : 'ready',
      summary,
      datasets,
      // A bundle copies its datasets' documents, personal data included: it is kept no longer than the first of them (2024-11-29).
      ...(is2024 && { retentionInDays: datasets.reduce((days, dataset) => Math.min(days, dataset.retentionInDays as number), DEFAULT_RETENTION_DAYS) }),
      ...created(req.principal),
    };
    return store.tables.dataBundles.insert(dataBundleId, data).data;
  },
  list: (req, rows, ctx) => {
    const status = queryValues(req.query, 'status', statusSchema(ctx));
    return { rows: rows.filter((row) => !status || status.includes(row.data.status as string)), echo: { status } };
  },
};
