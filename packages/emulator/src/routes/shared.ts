/** Pieces every resource's routes use: audit stamps, path ids, list answers. */
import type { Schema } from 'las-sdk/api';
import { getOwn, setOwn, type JsonObject, type Json } from '../json.js';
import { pageOf, type Ordering } from '../pagination.js';
import type { ApiRequest } from '../router.js';
import type { Row, Table } from '../store.js';
import { isoTime } from '../time.js';
import { checkValue } from '../validation.js';

/** `createdBy/createdTime/updatedBy/updatedTime` of a new entity. */
export function created(principal: string): JsonObject {
  const now = isoTime();
  return { createdBy: principal, createdTime: now, updatedBy: principal, updatedTime: now };
}

/** Copies the fields of an update body onto a row, stamps it and marks it for saving. */
export function update(table: Table, row: Row, changes: JsonObject, principal: string): Row {
  for (const [key, value] of Object.entries(changes)) row.data[key] = value;
  row.data.updatedBy = principal;
  row.data.updatedTime = isoTime();
  table.changed();
  return row;
}

/** A path parameter checked against the id schema of its entity (400 naming it when malformed). */
export function pathId(req: ApiRequest, name: string, schema: Schema): string {
  return checkValue<string>(schema, req.params[name], name);
}

/** The answer of a list operation: the page's items under `key`, `nextToken`, and echoed filters. */
export function listAnswer(
  key: string,
  rows: readonly Row[],
  req: ApiRequest,
  view: (row: Row) => JsonObject = (row) => row.data,
  ordering?: Ordering,
  echo: Record<string, Json | undefined> = {},
): JsonObject {
  const page = pageOf(rows, req.query, ordering);
  const answer: JsonObject = { [key]: page.items.map(view), nextToken: page.nextToken };
  for (const [name, value] of Object.entries(echo)) if (value !== undefined) answer[name] = value;
  return answer;
}

/** Adds `n` to the count under `key`, a label clients chose (`toString` and `__proto__` are labels too). */
export function addCount(counts: JsonObject, key: string, n = 1): void {
  setOwn(counts, key, ((getOwn(counts, key) as number | undefined) ?? 0) + n);
}

/** The value of an optional body field, or null: the API shows unset names and descriptions as null. */
export function orNull(value: Json | undefined): Json {
  return value === undefined ? null : value;
}

/** The `name` and `description` of a new entity, null when the body gives none. */
export function named(body: JsonObject): JsonObject {
  return { name: orNull(body.name), description: orNull(body.description) };
}
