/** /models: models and their field configs (predictions are simulated, see predictions.ts). */
import type { JsonObject } from '../json.js';
import type { Row, Store } from '../store.js';
import type { Serving } from './kind-routes.js';
import { created, named } from './shared.js';

/** The preprocessing a model gets when created without one. */
export const DEFAULT_PREPROCESS_CONFIG: JsonObject = { maxPages: 1, autoRotate: false, imageQuality: 'LOW' };

/** A model as the API shows it, with its data bundles counted now. */
export function modelView(store: Store, row: Row): JsonObject {
  return { ...row.data, numberOfDataBundles: store.tables.dataBundles.filter((bundle) => bundle.data.modelId === row.id).length };
}

/** How models are served; their data bundles go with them. */
export const models: Serving = {
  table: 'models',
  view: modelView,
  create: ({ store }, body, req) => {
    const modelId = store.newId('model');
    const data: JsonObject = {
      modelId,
      ...named(body),
      width: body.width,
      height: body.height,
      fieldConfig: body.fieldConfig,
      preprocessConfig: body.preprocessConfig ?? DEFAULT_PREPROCESS_CONFIG,
      // A new model has not been trained; the emulator predicts with it all the same.
      status: 'inactive',
      ...created(req.principal),
    };
    return modelView(store, store.tables.models.insert(modelId, data));
  },
  remove: ({ store }, row) => {
    for (const bundle of store.tables.dataBundles.filter((b) => b.data.modelId === row.id)) store.tables.dataBundles.delete(bundle.id);
  },
};
