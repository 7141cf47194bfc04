/**
 * A model's `statistics` (2024-11-29): how often each field of its `fieldConfig` was read well
 * enough to need no one to look at it, over its predictions of the last days. The service calls
 * this automation; the emulator counts a field automated when its confidence is at least
 * {@link AUTOMATION_CONFIDENCE}.
 */
import { isObject, type Json, type JsonObject } from './json.js';
import { predictionView } from './predictions.js';
import type { Row, Store } from './store.js';
import { epochMs, isoTime } from './time.js';

/** The confidence at and above which a predicted field counts as automated. */
export const AUTOMATION_CONFIDENCE = 0.9;

const DAY_MS = 86_400_000;

/** The statistics of `model` over its succeeded predictions of the last `days` days, by the emulator's clock. */
export function modelStatistics(store: Store, model: Row, days: number): JsonObject {
  const toTime = store.clock.now();
  const fromTime = toTime - days * DAY_MS;
  const predictions = store.tables.predictions
    .filter((row) => row.data.modelId === model.id || row.data.modelId === `${model.data.organizationId as string}/${model.id}`)
    .map((row) => predictionView(store, row))
    .filter((prediction) => {
      if (prediction.status !== 'succeeded' || typeof prediction.createdTime !== 'string') return false;
      const at = epochMs(prediction.createdTime);
      return at >= fromTime && at <= toTime;
    });
  const labels = isObject(model.data.fieldConfig) ? Object.keys(model.data.fieldConfig) : [];
  const automation = labels.map((label) => {
    const automated = predictions.filter((prediction) => confidenceOf(prediction.predictions, label) >= AUTOMATION_CONFIDENCE).length;
    return [label, predictions.length === 0 ? 0 : Math.round((automated / predictions.length) * 1000) / 10] as const;
  });
  return {
    fromTime: isoTime(fromTime),
    toTime: isoTime(toTime),
    numberOfPredictions: predictions.length,
    automationPercentage: Object.fromEntries(automation),
  };
}

// The best confidence of `label` among a prediction's fields (0 when it was not read).
function confidenceOf(fields: Json | undefined, label: string): number {
  if (!Array.isArray(fields)) return 0;
  let best = 0;
  for (const field of fields) {
    if (isObject(field) && field.label === label && typeof field.confidence === 'number') best = Math.max(best, field.confidence);
  }
  return best;
}
