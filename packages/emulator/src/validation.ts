import { isBase64, type ObjectSchema, type Schema, validate } from 'las-sdk/api';
import { badRequest } from './http-error.js';
import type { JsonObject } from './json.js';

/**
 * Checks a request body against the SDK's own schema of it (strict: unknown properties, wrong
 * types, bounds, missing required fields and empty updates are refused) and returns it; a 400
 * naming the field if not.
 */
export function checkBody(schema: ObjectSchema, body: unknown): JsonObject {
  const problem = validate(schema, body, 'body');
  if (problem) throw badRequest(problem);
  return body as JsonObject;
}

/** Checks one value (a path parameter, a nested field) against a schema; a 400 naming `name` if it does not fit. */
export function checkValue<T>(schema: Schema, value: unknown, name: string): T {
  const problem = validate(schema, value, name);
  if (problem) throw badRequest(problem);
  return value as T;
}

/** The values of a repeatable query parameter (`?status=a&status=b`), each checked; undefined when absent. */
export function queryValues(query: URLSearchParams, name: string, schema: Schema): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  for (const value of values) checkValue(schema, value, name);
  return values;
}

/** The value of a single query parameter, checked; undefined when absent. */
export function queryValue(query: URLSearchParams, name: string, schema: Schema): string | undefined {
  const value = query.get(name);
  return value === null ? undefined : checkValue<string>(schema, value, name);
}

/** The inner schema of an optional one: query filters reuse the entity's optional property schemas. */
export function required(schema: Schema): Schema {
  return schema.kind === 'optional' ? schema.inner : schema;
}

/** Checks that a content field is non-empty base64 (400 naming it if not). */
export function checkBase64(value: unknown, name: string): string {
  if (typeof value !== 'string' || !isBase64(value)) throw badRequest(`${name}: must be non-empty base64`);
  return value;
}
