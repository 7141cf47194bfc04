/** /predictions: simulated predictions of a model on a document (see ../predictions.ts). */
import type { JsonObject } from '../json.js';
import { bytesOf, simulateFields, simulatedInferenceTime } from '../predictions.js';
import type { Serving } from './kind-routes.js';

/** How predictions are served: created and listed; 2021-09-23 has no GET of one. */
export const predictions: Serving = {
  table: 'predictions',
  create: ({ store, hooks }, body) => {
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
  },
};
