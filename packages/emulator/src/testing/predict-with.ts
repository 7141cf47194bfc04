import { predictionSchema, validate } from 'las-sdk/api';
import { HttpError } from '../http-error.js';
import type { JsonObject } from '../json.js';
import { bytesOf } from '../predictions.js';
import type { Row } from '../store.js';

/** What a prediction script is given: the document's data as the API shows it, and its bytes. */
export interface ScriptedDocument {
  /** Its id. */
  documentId: string;
  /** The dataset it is in, if any. */
  datasetId?: string;
  /** Its content type. */
  contentType: string;
  /** Its ground truth, if any. */
  groundTruth?: {
    /** The field's label. */
    label: string;
    /** Its value. */
    value: unknown;
  }[];
  /** Its bytes. */
  content: Uint8Array;
  /** The other fields of its data. */
  [field: string]: unknown;
}

/** One field a script predicts: as in the API's `predictions` array. */
export interface ScriptedField {
  /** The field's label, as in the model's field config. */
  label: string;
  /** `null` when nothing was found. */
  value: string | null;
  /** 0 to 1. */
  confidence: number;
}

/** A prediction script: the fields of a model's prediction on a document (synchronous). */
export type PredictionScript = (document: ScriptedDocument, model: Record<string, unknown>) => ScriptedField[];

const fieldsSchema = predictionSchema.properties.predictions;

/** Scripts by model id, `'*'` for any model; each answers `predictions`, or leaves them to the simulation. */
export class PredictionScripts {
  readonly #scripts = new Map<string, PredictionScript>();

  /** Sets (or replaces) the script of `modelId`, or of every model without one (`'*'`). */
  set(modelId: string, script: PredictionScript): void {
    if (typeof modelId !== 'string' || modelId === '') throw new TypeError("predictWith(modelId, fn): modelId must be a model id or '*'");
    if (typeof script !== 'function') throw new TypeError('predictWith(modelId, fn): fn must be a function');
    this.#scripts.set(modelId, script);
  }

  /** Drops every script. */
  clear(): void {
    this.#scripts.clear();
  }

  /** The fields the script of `model` gives on `document`; undefined without one. A script's mistake answers 500 naming it. */
  predict(document: Row, model: Row): JsonObject[] | undefined {
    const script = this.#scripts.get(model.id) ?? this.#scripts.get('*');
    if (!script) return undefined;
    const given = { ...structuredClone(document.data), content: bytesOf(document.hidden.content) } as ScriptedDocument;
    let fields: unknown;
    try {
      fields = script(given, structuredClone(model.data));
    } catch (error) {
      throw new HttpError(500, `The predictWith script of ${model.id} threw: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (fields instanceof Promise) throw new HttpError(500, `The predictWith script of ${model.id} must answer the fields, not a promise`);
    const problem = validate(fieldsSchema, fields, 'predictions');
    if (problem) throw new HttpError(500, `The predictWith script of ${model.id} answered no valid fields: ${problem}`);
    return structuredClone(fields) as JsonObject[];
  }
}
