/** /models/{modelId}/dataBundles: snapshots of datasets a model trains on. */
import { createDataBundleSchema, dataBundleSchema, modelSchema, updateDataBundleSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { Json, JsonObject } from '../json.js';
import { route, type ApiRequest, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBody, queryValues } from '../validation.js';
import { datasetView } from './datasets.js';
import { addCount, created, listAnswer, orNull, pathId, update } from './shared.js';

function bundleOf(store: Store, req: ApiRequest): Row {
  const modelId = pathId(req, 'modelId', modelSchema.properties.modelId);
  store.tables.models.require(modelId);
  const id = pathId(req, 'dataBundleId', dataBundleSchema.properties.dataBundleId);
  return store.tables.dataBundles.requireUnder(id, 'modelId', modelId);
}

/** The routes of data bundles. */
export const dataBundleRoutes: Route[] = [
  route('POST', '/models/{modelId}/dataBundles', ({ store }: Context, req) => {
    const modelId = pathId(req, 'modelId', modelSchema.properties.modelId);
    store.tables.models.require(modelId);
    const body = checkBody(createDataBundleSchema, req.body);
    const datasets = ((body.datasetIds as Json[] | undefined) ?? []).map((id) => datasetView(store, store.tables.datasets.require(id as string)));
    // Ground-truth labels over every bundled dataset: what training would see.
    const summary: JsonObject = {};
    for (const dataset of datasets) {
      for (const [label, count] of Object.entries(dataset.groundTruthSummary as JsonObject)) addCount(summary, label, count as number);
    }
    const dataBundleId = store.newId('model-data-bundle');
    const data: JsonObject = {
      dataBundleId,
      modelId,
      name: orNull(body.name),
      description: orNull(body.description),
      // Nothing to process in an emulator: a bundle is ready at once.
      status: 'ready',
      summary,
      datasets,
      ...created(req.principal),
    };
    return store.tables.dataBundles.insert(dataBundleId, data).data;
  }),
  route('GET', '/models/{modelId}/dataBundles', ({ store }: Context, req) => {
    const modelId = pathId(req, 'modelId', modelSchema.properties.modelId);
    store.tables.models.require(modelId);
    const status = queryValues(req.query, 'status', dataBundleSchema.properties.status);
    const rows = store.tables.dataBundles.filter((row) => row.data.modelId === modelId && (!status || status.includes(row.data.status as string)));
    return listAnswer('dataBundles', rows, req, undefined, undefined, { status });
  }),
  route('PATCH', '/models/{modelId}/dataBundles/{dataBundleId}', ({ store }: Context, req) => {
    const row = bundleOf(store, req);
    // The spec sets no minProperties here: an empty PATCH is accepted and changes nothing.
    const body = checkBody(updateDataBundleSchema, req.body);
    return update(store.tables.dataBundles, row, body, req.principal).data;
  }),
  route('DELETE', '/models/{modelId}/dataBundles/{dataBundleId}', ({ store }: Context, req) => {
    const row = bundleOf(store, req);
    store.tables.dataBundles.delete(row.id);
    return row.data;
  }),
];
