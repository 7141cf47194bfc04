/** /models: models and their field configs (predictions are simulated, see predictions.ts). */
import { createModelSchema, modelSchema, updateModelSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { route, type Route } from '../router.js';
import type { Row, Store } from '../store.js';
import { checkBody } from '../validation.js';
import { created, listAnswer, orNull, pathId, update } from './shared.js';

/** The preprocessing a model gets when created without one. */
export const DEFAULT_PREPROCESS_CONFIG: JsonObject = { maxPages: 1, autoRotate: false, imageQuality: 'LOW' };

/** A model as the API shows it, with its data bundles counted now. */
export function modelView(store: Store, row: Row): JsonObject {
  return { ...row.data, numberOfDataBundles: store.tables.dataBundles.filter((bundle) => bundle.data.modelId === row.id).length };
}

/** The routes of models. */
export const modelRoutes: Route[] = [
  route('POST', '/models', ({ store }: Context, req) => {
    const body = checkBody(createModelSchema, req.body);
    const modelId = store.newId('model');
    const data: JsonObject = {
      modelId,
      name: orNull(body.name),
      description: orNull(body.description),
      width: body.width,
      height: body.height,
      fieldConfig: body.fieldConfig,
      preprocessConfig: body.preprocessConfig ?? DEFAULT_PREPROCESS_CONFIG,
      // A new model has not been trained; the emulator predicts with it all the same.
      status: 'inactive',
      ...created(req.principal),
    };
    return modelView(store, store.tables.models.insert(modelId, data));
  }),
  route('GET', '/models', ({ store }: Context, req) => listAnswer('models', store.tables.models.rows(), req, (row) => modelView(store, row))),
  route('GET', '/models/{modelId}', ({ store }: Context, req) =>
    modelView(store, store.tables.models.require(pathId(req, 'modelId', modelSchema.properties.modelId))),
  ),
  route('PATCH', '/models/{modelId}', ({ store }: Context, req) => {
    const row = store.tables.models.require(pathId(req, 'modelId', modelSchema.properties.modelId));
    const body = checkBody(updateModelSchema, req.body);
    return modelView(store, update(store.tables.models, row, body, req.principal));
  }),
  route('DELETE', '/models/{modelId}', ({ store }: Context, req) => {
    const row = store.tables.models.require(pathId(req, 'modelId', modelSchema.properties.modelId));
    const shown = modelView(store, row);
    for (const bundle of store.tables.dataBundles.filter((b) => b.data.modelId === row.id)) store.tables.dataBundles.delete(bundle.id);
    store.tables.models.delete(row.id);
    return shown;
  }),
];
