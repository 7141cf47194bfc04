/** /predictions: simulated predictions of a model on a document (see ../predictions.ts). */
import { s } from 'las-sdk/api';
import type { Context } from '../context.js';
import { badRequest, notFound } from '../http-error.js';
import type { Json, JsonObject } from '../json.js';
import type { ApiRequest } from '../router.js';
import { bytesOf, predictionView, simulateFields, simulatedInferenceTime } from '../predictions.js';
import type { Row } from '../store.js';
import { queryValue } from '../validation.js';
import type { Listing, Serving } from './kind-routes.js';
import { created } from './shared.js';
import { succeededTrainingOf } from './trainings.js';

// The page settings POST /predictions also takes one by one (older clients); they override the model's.
const PAGE_SETTINGS = ['maxPages', 'autoRotate', 'imageQuality', 'rotation'] as const;

const SORT_BY = s.enum(['createdTime']);
const ORDER = s.enum(['ascending', 'descending']);

/**
 * The model a prediction names: its own id, or (2024-11-29) `las:organization:<id>/las:model:<id>`,
 * which the emulator has only for its own organization (it holds no public models).
 */
function modelOf(ctx: Context, modelId: string): Row {
  const slash = modelId.indexOf('/');
  if (slash < 0) return ctx.store.tables.models.require(modelId);
  if (modelId.slice(0, slash) !== ctx.store.meta.organizationId) throw notFound('Model', modelId);
  return ctx.store.tables.models.require(modelId.slice(slash + 1));
}

function create2021(ctx: Context, document: Row, model: Row, bytes: Uint8Array): JsonObject {
  const predictionId = ctx.store.newId('prediction');
  const data: JsonObject = {
    predictionId,
    documentId: document.id,
    modelId: model.id,
    inferenceTime: simulatedInferenceTime(bytes),
    timestamp: Math.floor(ctx.store.clock.now() / 1000),
    predictions: ctx.hooks?.predict?.(document, model) ?? simulateFields(bytes, model.data.fieldConfig as JsonObject),
  };
  return ctx.store.tables.predictions.insert(predictionId, data).data;
}

function create2024(ctx: Context, body: JsonObject, document: Row, model: Row, bytes: Uint8Array, req: ApiRequest): JsonObject {
  const { store } = ctx;
  const trainingId = body.trainingId === undefined ? ((model.data.trainingId as Json | undefined) ?? null) : succeededTrainingOf(ctx, model, body.trainingId as string, 'body.trainingId').id;
  const pageSettings = Object.fromEntries(PAGE_SETTINGS.filter((name) => body[name] !== undefined).map((name) => [name, body[name] as Json]));
  const { createdBy, createdTime } = created(req.principal);
  const predictionId = store.newId('prediction');
  const inferenceTime = simulatedInferenceTime(bytes);
  const predictions = ctx.hooks?.predict?.(document, model) ?? simulateFields(bytes, model.data.fieldConfig as JsonObject);
  const data: JsonObject = {
    predictionId,
    documentId: document.id,
    modelId: body.modelId as string,
    trainingId,
    status: body.async === true ? 'pending' : 'succeeded',
    inferenceTime: body.async === true ? null : inferenceTime,
    predictions: body.async === true ? null : predictions,
    preprocessConfig: (body.preprocessConfig as JsonObject | undefined) ?? { ...(model.data.preprocessConfig as JsonObject), ...pageSettings },
    postprocessConfig: (body.postprocessConfig as Json | undefined) ?? (model.data.postprocessConfig as Json | undefined) ?? null,
    createdBy,
    createdTime,
  };
  const hidden: JsonObject = body.async === true ? { readyAt: store.clock.now() + Math.round(inferenceTime * 1000), inferenceTime, predictions } : {};
  return predictionView(store, store.tables.predictions.insert(predictionId, data, hidden));
}

// 2024-11-29 lists predictions of one model, sorted by when they were made.
function list2024(req: ApiRequest, rows: readonly Row[]): Listing {
  const modelId = queryValue(req.query, 'modelId', s.string({ minLength: 1 }));
  const sortBy = queryValue(req.query, 'sortBy', SORT_BY);
  const order = queryValue(req.query, 'order', ORDER);
  const shown = modelId === undefined ? rows : rows.filter((row) => row.data.modelId === modelId || (row.data.modelId as string).endsWith(`/${modelId}`));
  const ordering = { ...(sortBy && { key: (row: Row) => row.data.createdTime as string }), descending: order === 'descending' };
  return { rows: shown, ordering, echo: { modelId, sortBy, order } };
}

/** How predictions are served: created and listed; 2021-09-23 has no GET of one. */
export const predictions: Serving = {
  table: 'predictions',
  view: predictionView,
  create: (ctx, body, req) => {
    const document = ctx.store.tables.documents.require(body.documentId as string);
    const model = modelOf(ctx, body.modelId as string);
    // Under 2024-11-29 a document may exist before its bytes do (created, then PUT to its fileUrl).
    if (typeof document.hidden.content !== 'string') {
      throw badRequest(`Document ${document.id} has no content yet: PUT its bytes to its fileUrl, then predict`);
    }
    const bytes = bytesOf(document.hidden.content);
    return ctx.apiVersion === '2024-11-29' ? create2024(ctx, body, document, model, bytes, req) : create2021(ctx, document, model, bytes);
  },
  list: (req, rows, ctx) => (ctx.apiVersion === '2024-11-29' ? list2024(req, rows) : { rows }),
};
