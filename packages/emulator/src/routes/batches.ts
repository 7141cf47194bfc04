/** /batches: groups of uploaded documents. */
import { batchSchema, createBatchSchema, updateBatchSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { isoTime } from '../time.js';
import { checkBody } from '../validation.js';
import { listAnswer, orNull, pathId, update } from './shared.js';

/** Days documents of a batch or dataset are kept when the request names none. */
export const DEFAULT_RETENTION_DAYS = 1825;

// The API's batch has no createdBy or updated stamps; numDocuments is counted when shown.
function view(store: Store, row: Row): JsonObject {
  const { updatedBy: _by, updatedTime: _time, ...data } = row.data;
  return { ...data, numDocuments: store.tables.documents.filter((doc) => doc.data.batchId === row.id).length };
}

/** The routes of batches. */
export const batchRoutes: Route[] = [
  route('POST', '/batches', ({ store }: Context, req) => {
    const body = checkBody(createBatchSchema, req.body);
    const batchId = store.newId('batch');
    const data: JsonObject = {
      batchId,
      name: orNull(body.name),
      description: orNull(body.description),
      containsPersonallyIdentifiableInformation: body.containsPersonallyIdentifiableInformation ?? false,
      retentionInDays: DEFAULT_RETENTION_DAYS,
      storageLocation: 'EU',
      createdTime: isoTime(),
    };
    return view(store, store.tables.batches.insert(batchId, data));
  }),
  route('GET', '/batches', ({ store }: Context, req) => listAnswer('batches', store.tables.batches.rows(), req, (row) => view(store, row))),
  route('PATCH', '/batches/{batchId}', ({ store }: Context, req) => {
    const row = store.tables.batches.require(pathId(req, 'batchId', batchSchema.properties.batchId));
    const body = checkBody(updateBatchSchema, req.body);
    return view(store, update(store.tables.batches, row, body, req.principal));
  }),
  route('DELETE', '/batches/{batchId}', ({ store }: Context, req) => {
    const row = store.tables.batches.require(pathId(req, 'batchId', batchSchema.properties.batchId));
    const shown = view(store, row);
    store.tables.batches.delete(row.id);
    return shown;
  }),
];
