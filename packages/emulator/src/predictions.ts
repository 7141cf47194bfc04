/**
 * Simulated predictions. The emulator has no model: each field of the model's `fieldConfig`
 * gets a value of the field's type and a confidence, both derived from the sha256 of the
 * document's bytes and the field's label, so the same document always reads the same, and
 * different documents read differently. The values are plausible, never read from the document.
 */
import { createHash } from 'node:crypto';
import { isObject, type Json, type JsonObject } from './json.js';
import type { Row, Store } from './store.js';

/** One simulated field: what the API's `predictions` array holds. */
export interface SimulatedField extends JsonObject {
  label: string;
  value: string;
  confidence: number;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const EXTRA = ' -./,';
const WORDS = ['Acme', 'Nordic', 'Invoice', 'Supply', 'Bergen', 'Oslo', 'Fjord', 'Trading', 'Services', 'Group'];

/** The simulated fields of a model (its `fieldConfig`) on a document (its bytes). */
export function simulateFields(document: Uint8Array, fieldConfig: JsonObject): JsonObject[] {
  const documentHash = createHash('sha256').update(document).digest();
  return simulateConfig(documentHash, fieldConfig, '');
}

// Each field's hash also takes `salt`, so each line of a `lines` field (2024-11-29) reads differently.
function simulateConfig(documentHash: Buffer, fieldConfig: JsonObject, salt: string): JsonObject[] {
  return Object.entries(fieldConfig).map(([label, config]) => {
    const type = isObject(config) && typeof config.type === 'string' ? config.type : 'all';
    const bytes = createHash('sha256').update(documentHash).update(`${salt}\0${label}\0${type}`).digest();
    if (type === 'lines' && isObject(config) && isObject(config.fields)) {
      const fields = config.fields;
      // One to three lines, each with every field of a line.
      const lines = Array.from({ length: 1 + (bytes[0] % 3) }, (_, line) => simulateConfig(documentHash, fields, `${salt}\0${label}\0${line}`));
      return { label, value: lines };
    }
    return simulateField(label, type, isObject(config) ? config : {}, bytes);
  });
}

function simulateField(label: string, type: string, config: JsonObject, bytes: Buffer): SimulatedField {
  const maxLength = typeof config.maxLength === 'number' ? Math.max(1, config.maxLength) : 64;
  const choices = Array.isArray(config.enum) ? config.enum.filter((choice): choice is string => typeof choice === 'string' && choice !== '') : [];
  const value = type === 'enum' && choices.length > 0 ? choices[bytes.readUInt32BE(0) % choices.length] : valueOf(type, bytes).slice(0, Math.min(maxLength, 64));
  // Between 0.50 and 0.99: a simulation should not look certain.
  const confidence = Math.round((0.5 + (bytes.readUInt16BE(30) / 0xffff) * 0.49) * 100) / 100;
  return { label, value, confidence };
}

/** A plausible inference time in seconds (0.5 to 3.0), also derived from the bytes. */
export function simulatedInferenceTime(document: Uint8Array): number {
  const hash = createHash('sha256').update(document).digest();
  return Math.round((0.5 + (hash.readUInt16BE(0) / 0xffff) * 2.5) * 1000) / 1000;
}

function valueOf(type: string, bytes: Buffer): string {
  const pick = (alphabet: string, count: number, offset = 0) =>
    Array.from({ length: count }, (_, i) => alphabet[bytes[(offset + i) % bytes.length] % alphabet.length]).join('');
  const int = (offset: number, modulo: number) => bytes.readUInt32BE(offset) % modulo;
  switch (type) {
    case 'date':
      return `${2015 + int(0, 10)}-${pad(1 + int(4, 12))}-${pad(1 + int(8, 28))}`;
    case 'amount':
      return `${int(0, 100_000)}.${pad(int(4, 100))}`;
    case 'number':
    case 'numeric':
      return String(int(0, 1_000_000));
    case 'digits':
      return pick(DIGITS, 8);
    case 'letter':
      return pick(LETTERS, 8);
    case 'phone':
      return `+47 ${pick(DIGITS, 8)}`;
    case 'alphanum':
      return pick(LETTERS + DIGITS, 10);
    case 'alphanumext':
      return `${pick(LETTERS + DIGITS, 4)}-${pick(LETTERS + DIGITS + EXTRA, 6, 8)}`.replace(/\s+$/, '');
    default:
      return `${WORDS[bytes[0] % WORDS.length]} ${WORDS[bytes[1] % WORDS.length]} AS`;
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The bytes of base64 content as stored. */
export function bytesOf(content: Json | undefined): Uint8Array {
  return Buffer.from(typeof content === 'string' ? content : '', 'base64');
}

/**
 * A prediction as the API shows it at the emulator's time. An async one (2024-11-29) is stored
 * `pending` with what it will read and when (its simulated inference time after it was asked for,
 * on the emulator's clock); from then on it shows `succeeded` with its predictions.
 */
export function predictionView(store: Store, row: Row): JsonObject {
  const { readyAt } = row.hidden;
  if (typeof readyAt !== 'number' || store.clock.now() < readyAt) return row.data;
  return { ...row.data, status: 'succeeded', inferenceTime: row.hidden.inferenceTime ?? null, predictions: row.hidden.predictions ?? null };
}
