/**
 * Transformations of a dataset (2024-11-29): `running` from their POST until
 * {@link TRANSFORMATION_SECONDS} have passed on the emulator's clock, `succeeded` from then on.
 */
import { listTransformationsSchema } from 'las-sdk/api';
import type { JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import { epochMs, isoTime } from '../time.js';
import { queryValues, required } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { created } from './shared.js';

/** Seconds a transformation runs on the emulator's clock (a test moves it on with `clock.advance`). */
export const TRANSFORMATION_SECONDS = 5;

/** When a transformation ends, in epoch ms. */
function endOf(row: Row): number {
  return epochMs(row.data.createdTime as string) + TRANSFORMATION_SECONDS * 1000;
}

/** A transformation as the API shows it now: its status, and its last change, read off the clock. */
export function transformationView(store: Store, row: Row): JsonObject {
  const end = endOf(row);
  if (store.clock.now() < end) return row.data;
  return { ...row.data, status: 'succeeded', updatedTime: isoTime(end) };
}

/** How transformations are served: created, listed (by status) and deleted; they change nothing else. */
export const transformations: Serving = {
  table: 'transformations',
  view: transformationView,
  create: ({ store }, body, req, dataset) => {
    const transformationId = store.newId('dataset-transformation');
    const data: JsonObject = {
      transformationId,
      datasetId: (dataset as Row).id,
      operations: body.operations ?? [],
      status: 'running',
      ...created(req.principal),
    };
    return transformationView(store, store.tables.transformations.insert(transformationId, data));
  },
  list: (req, all, { store }) => {
    const status = queryValues(req.query, 'status', required(listTransformationsSchema.properties.status));
    const rows = status ? all.filter((row) => status.includes(transformationView(store, row).status as string)) : all;
    return { rows, echo: { status } };
  },
};
