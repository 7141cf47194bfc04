/** /batches: groups of uploaded documents. */
import type { JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import { isoTime } from '../time.js';
import type { Serving } from './kind-routes.js';
import { named } from './shared.js';

/** Days documents of a batch or dataset are kept when the request names none. */
export const DEFAULT_RETENTION_DAYS = 1825;

// The API's batch has no createdBy or updated stamps; numDocuments is counted when shown.
function view(store: Store, row: Row): JsonObject {
  const { updatedBy: _by, updatedTime: _time, ...data } = row.data;
  return { ...data, numDocuments: store.tables.documents.filter((doc) => doc.data.batchId === row.id).length };
}

/** How batches are served. */
export const batches: Serving = {
  table: 'batches',
  view,
  create: ({ store }, body) => {
    const batchId = store.newId('batch');
    const data: JsonObject = {
      batchId,
      ...named(body),
      containsPersonallyIdentifiableInformation: body.containsPersonallyIdentifiableInformation ?? false,
      retentionInDays: DEFAULT_RETENTION_DAYS,
      storageLocation: 'EU',
      createdTime: isoTime(),
    };
    return view(store, store.tables.batches.insert(batchId, data));
  },
};
