/** /datasets: named sets of documents to train models on. */
import { createDatasetSchema, datasetSchema, updateDatasetSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import { isObject, type JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBody } from '../validation.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import { addCount, created, listAnswer, orNull, pathId, update } from './shared.js';

/** A dataset as the API shows it: document count and ground-truth summary counted now. */
export function datasetView(store: Store, row: Row): JsonObject {
  const documents = store.tables.documents.filter((doc) => doc.data.datasetId === row.id);
  // How many documents have ground truth for each label.
  const groundTruthSummary: JsonObject = {};
  for (const doc of documents) {
    for (const entry of Array.isArray(doc.data.groundTruth) ? doc.data.groundTruth : []) {
      if (isObject(entry) && typeof entry.label === 'string') addCount(groundTruthSummary, entry.label);
    }
  }
  return { ...row.data, numberOfDocuments: documents.length, groundTruthSummary };
}

/** The routes of datasets. */
export const datasetRoutes: Route[] = [
  route('POST', '/datasets', ({ store }: Context, req) => {
    const body = checkBody(createDatasetSchema, req.body);
    const datasetId = store.newId('dataset');
    const data: JsonObject = {
      datasetId,
      name: orNull(body.name),
      description: orNull(body.description),
      containsPersonallyIdentifiableInformation: body.containsPersonallyIdentifiableInformation ?? false,
      retentionInDays: body.retentionInDays ?? DEFAULT_RETENTION_DAYS,
      storageLocation: 'EU',
      version: 1,
      ...created(req.principal),
    };
    return datasetView(store, store.tables.datasets.insert(datasetId, data));
  }),
  route('GET', '/datasets', ({ store }: Context, req) =>
    listAnswer('datasets', store.tables.datasets.rows(), req, (row) => datasetView(store, row)),
  ),
  route('GET', '/datasets/{datasetId}', ({ store }: Context, req) =>
    datasetView(store, store.tables.datasets.require(pathId(req, 'datasetId', datasetSchema.properties.datasetId))),
  ),
  route('PATCH', '/datasets/{datasetId}', ({ store }: Context, req) => {
    const row = store.tables.datasets.require(pathId(req, 'datasetId', datasetSchema.properties.datasetId));
    const body = checkBody(updateDatasetSchema, req.body);
    return datasetView(store, update(store.tables.datasets, row, body, req.principal));
  }),
  route('DELETE', '/datasets/{datasetId}', ({ store }: Context, req) => {
    const row = store.tables.datasets.require(pathId(req, 'datasetId', datasetSchema.properties.datasetId));
    const shown = datasetView(store, row);
    store.tables.datasets.delete(row.id);
    return shown;
  }),
];
