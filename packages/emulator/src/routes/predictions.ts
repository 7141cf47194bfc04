/** /predictions: simulated predictions of a model on a document (see ../predictions.ts). */
import { createPredictionSchema } from 'las-sdk/api';
import type { Context } from '../context.js';
import type { JsonObject } from '../json.js';
import { bytesOf, simulateFields, simulatedInferenceTime } from '../predictions.js';
import { route, type Route } from '../router.js';
import { checkBody } from '../validation.js';
import { listAnswer } from './shared.js';

/** The routes of predictions. */
export const predictionRoutes: Route[] = [
  route('POST', '/predictions', ({ store, hooks }: Context, req) => {
    const body = checkBody(createPredictionSchema, req.body);
    const document = store.tables.documents.require(body.documentId as string);
    const model = store.tables.models.require(body.modelId as string);
    const bytes = bytesOf(document.hidden.content);
    const predictionId = store.newId('prediction');
    const data: JsonObject = {
      predictionId,
      documentId: document.id,
      modelId: model.id,
      inferenceTime: simulatedInferenceTime(bytes),
      timestamp: Math.floor(store.clock.now() / 1000),
      predictions: hooks?.predict?.(document, model) ?? simulateFields(bytes, model.data.fieldConfig as JsonObject),
    };
    return store.tables.predictions.insert(predictionId, data).data;
  }),
  route('GET', '/predictions', ({ store }: Context, req) => listAnswer('predictions', store.tables.predictions.rows(), req)),
];
