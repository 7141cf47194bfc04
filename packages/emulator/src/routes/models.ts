/** /models: models and their field configs (predictions are simulated, see predictions.ts). */
import { badRequest } from '../http-error.js';
import type { JsonObject } from '../json.js';
import type { ApiRequest } from '../router.js';
import type { Row, Store } from '../store.js';
import { isRunning } from '../trainings.js';
import { modelStatistics } from '../model-statistics.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';
import { succeededTrainingOf } from './trainings.js';

/** The preprocessing a model gets when created without one. */
export const DEFAULT_PREPROCESS_CONFIG: JsonObject = { maxPages: 1, autoRotate: false, imageQuality: 'LOW' };

/** Days of predictions a model's `statistics` cover when `statisticsLastNDays` names none, and the most it may name. */
const STATISTICS_DAYS = { default: 7, max: 30 };

function is2024(store: Store): boolean {
  return store.meta.apiVersion === '2024-11-29';
}

/** A model as the API shows it, with its data bundles (and under 2024-11-29 its running trainings) counted now. */
export function modelView(store: Store, row: Row): JsonObject {
  const view: JsonObject = { ...row.data, numberOfDataBundles: store.tables.dataBundles.filter((bundle) => bundle.data.modelId === row.id).length };
  if (is2024(store)) {
    const now = store.clock.now();
    view.numberOfRunningTrainings = store.tables.trainings.filter((training) => training.data.modelId === row.id && isRunning(training, now)).length;
  }
  return view;
}

// GET of one model under 2024-11-29 also shows its statistics over the last `statisticsLastNDays` days.
function modelViewOne(store: Store, row: Row, req: ApiRequest): JsonObject {
  const view = modelView(store, row);
  if (!is2024(store)) return view;
  const text = req.query.get('statisticsLastNDays');
  const days = text === null ? STATISTICS_DAYS.default : /^\d{1,2}$/.test(text) ? Number(text) : Number.NaN;
  if (!(days >= 1 && days <= STATISTICS_DAYS.max)) throw badRequest(`statisticsLastNDays: must be an integer from 1 to ${STATISTICS_DAYS.max}`);
  return { ...view, statistics: modelStatistics(store, row, days) };
}

function create2024(store: Store, body: JsonObject, principal: string): JsonObject {
  const modelId = store.newId('model');
  return {
    modelId,
    ...named(body),
    fieldConfig: body.fieldConfig,
    preprocessConfig: body.preprocessConfig ?? DEFAULT_PREPROCESS_CONFIG,
    ...(body.postprocessConfig !== undefined && { postprocessConfig: body.postprocessConfig }),
    metadata: body.metadata ?? null,
    // Active once a succeeded training is set as its trainingId (PATCH).
    status: 'inactive',
    trainingId: null,
    organizationId: store.meta.organizationId as string,
    ...created(principal),
  };
}

/** How models are served; their data bundles and trainings go with them. */
export const models: Serving = {
  table: 'models',
  view: modelView,
  viewOne: modelViewOne,
  create: ({ store, apiVersion }, body, req) => {
    if (apiVersion === '2024-11-29') {
      const data = create2024(store, body, req.principal);
      return modelView(store, store.tables.models.insert(data.modelId as string, data));
    }
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
  patch: (ctx, row, body, req) => {
    // Under 2024-11-29 the training a model predicts with decides its status: null makes it inactive.
    if (body.trainingId !== undefined) {
      if (body.trainingId !== null) succeededTrainingOf(ctx, row, body.trainingId as string, 'body.trainingId');
      row.data.status = body.trainingId === null ? 'inactive' : 'active';
    }
    return update(ctx.store.tables.models, row, body, req.principal);
  },
  remove: ({ store }, row) => {
    for (const bundle of store.tables.dataBundles.filter((b) => b.data.modelId === row.id)) store.tables.dataBundles.delete(bundle.id);
    for (const training of store.tables.trainings.filter((t) => t.data.modelId === row.id)) store.tables.trainings.delete(training.id);
  },
};
