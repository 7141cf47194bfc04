/** Trainings of a model (2024-11-29): pending, running, succeeded on the emulator's clock (see ../trainings.ts). */
import { trainingStatusSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import { badRequest } from '../http-error.js';
import type { Json, JsonObject } from '../json.js';
import type { Row } from '../store.js';
import { newTrainingHidden, stopTraining, trainingStage, trainingView } from '../trainings.js';
import { queryValues } from '../validation.js';
import type { Serving } from './kind-routes.js';
import { created, named, update } from './shared.js';

/** Statuses a training can still be cancelled in. */
const CANCELLABLE = ['pending', 'running'];

/**
 * The training `trainingId` names when it is a succeeded training of `model`; otherwise a 400
 * saying why, under `field` (a model predicts with, or starts from, only what it trained to the end).
 */
export function succeededTrainingOf(ctx: Context, model: Row, trainingId: string, field: string): Row {
  const training = ctx.store.tables.trainings.get(trainingId);
  if (!training || training.data.modelId !== model.id) throw badRequest(`${field}: ${trainingId} is not a training of model ${model.id}`);
  const { status } = trainingStage(training, ctx.store.clock.now());
  if (status !== 'succeeded') throw badRequest(`${field}: training ${trainingId} is ${status}; only a succeeded training can be used`);
  return training;
}

function checkDataBundles(ctx: Context, model: Row, ids: readonly Json[]): void {
  ids.forEach((id, index) => {
    const bundle = ctx.store.tables.dataBundles.get(id as string);
    if (!bundle || bundle.data.modelId !== model.id) throw badRequest(`body.dataBundleIds[${index}]: ${String(id)} is not a data bundle of model ${model.id}`);
  });
}

/** How trainings are served; a training is never deleted, only cancelled (its model's DELETE takes it along). */
export const trainings: Serving = {
  table: 'trainings',
  view: trainingView,
  create: (ctx, body, req, model) => {
    if (!model) throw new Error('a training is created under its model');
    const dataBundleIds = body.dataBundleIds as Json[];
    checkDataBundles(ctx, model, dataBundleIds);
    const warmStart = body.warmStartConfig as JsonObject | undefined;
    if (warmStart) succeededTrainingOf(ctx, model, warmStart.trainingId as string, 'body.warmStartConfig.trainingId');
    const { store } = ctx;
    const trainingId = store.newId('model-training');
    const data: JsonObject = {
      trainingId,
      modelId: model.id,
      ...named(body),
      dataBundleIds,
      status: 'pending',
      instanceType: body.instanceType ?? 'small-gpu',
      gpuHours: null,
      evaluation: {},
      metadata: body.metadata ?? null,
      dataScientistAssistance: body.dataScientistAssistance ?? false,
      warmStartConfig: warmStart ?? {},
      deploymentEnvironmentId: null,
      ...created(req.principal),
    };
    const hidden = newTrainingHidden(trainingId, store.clock.now(), model.data.fieldConfig as JsonObject);
    return trainingView(store, store.tables.trainings.insert(trainingId, data, hidden));
  },
  patch: ({ store }, row, { status, ...changes }, req) => {
    if (status !== undefined) {
      const now = store.clock.now();
      const current = trainingStage(row, now).status;
      if (!CANCELLABLE.includes(current)) throw badRequest(`body.status: training ${row.id} is ${current}; only a pending or running training can be cancelled`);
      stopTraining(row, status as string, now);
    }
    return update(store.tables.trainings, row, changes, req.principal);
  },
  list: (req, rows, { store }) => {
    const status = queryValues(req.query, 'status', trainingStatusSchema);
    const now = store.clock.now();
    return { rows: rows.filter((row) => !status || status.includes(trainingStage(row, now).status)), echo: { status } };
  },
};
