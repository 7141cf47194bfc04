/** A JSON value as the emulator stores and sends it. */
export type Json = string | number | boolean | null | Json[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** Whether `value` is a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy, so stored state never aliases what a client sent or received. */
export function clone<T extends Json | undefined>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}
