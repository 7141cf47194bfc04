/** /datasets: named sets of documents to train models on. */
import { isObject, type JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import { DEFAULT_RETENTION_DAYS } from './batches.js';
import type { Serving } from './kind-routes.js';
import { addCount, created, named, orNull } from './shared.js';

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

/** How datasets are served. */
export const datasets: Serving = {
  table: 'datasets',
  view: datasetView,
  create: ({ store, apiVersion }, body, req) => {
    const datasetId = store.newId('dataset');
    const data: JsonObject = {
      datasetId,
      ...named(body),
      containsPersonallyIdentifiableInformation: body.containsPersonallyIdentifiableInformation ?? false,
      retentionInDays: body.retentionInDays ?? DEFAULT_RETENTION_DAYS,
      storageLocation: 'EU',
      version: 1,
      ...created(req.principal),
    };
    // 2024-11-29: your own data about it, null until given.
    if (apiVersion === '2024-11-29') data.metadata = orNull(body.metadata);
    return datasetView(store, store.tables.datasets.insert(datasetId, data));
  },
  // Its transformations (2024-11-29) go with it.
  remove: ({ store }, row) => {
    for (const transformation of store.tables.transformations.filter((one) => one.data.datasetId === row.id)) {
      store.tables.transformations.delete(transformation.id);
    }
  },
};
