import { isPlainObject } from 'las-sdk/api';

/** A JSON value as the emulator stores and sends it. */
export type Json = string | number | boolean | null | Json[] | JsonObject;

/** A JSON object. */
export interface JsonObject {
  [key: string]: Json;
}

/** Whether `value` is a JSON object (not an array, not null): the schema layer's one test, typed for JSON. */
export function isObject(value: unknown): value is JsonObject {
  return isPlainObject(value);
}

/** A deep copy, so stored state never aliases what a client sent or received. */
export function clone<T extends Json | undefined>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}

/**
 * Sets `key` of `target` as its own data property. A plain assignment of `__proto__` would set
 * the prototype instead (and drop the data); keys that clients choose go through here.
 */
export function setOwn(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The own property `key` of `value` when it is an object; never something inherited (`toString`, `__proto__`). */
export function getOwn(value: Json | undefined, key: string): Json | undefined {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}
