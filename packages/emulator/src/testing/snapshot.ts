import type { Json, JsonObject } from '../json.js';
import { TABLES, type Row, type Store, type TableName } from '../store.js';

/** The rows of every table at one moment, kept apart from the live ones. */
export type Snapshot = Record<TableName, readonly Row[]>;

/** The rows of `store` now, copied. */
export function takeSnapshot(store: Store): Snapshot {
  return Object.fromEntries(TABLES.map((name) => [name, store.tables[name].rows().map(copyRow)])) as unknown as Snapshot;
}

/** Puts copies of the snapshot's rows in place of every table's rows. */
export function restoreSnapshot(store: Store, snapshot: Snapshot): void {
  for (const name of TABLES) store.tables[name].replaceAll(snapshot[name].map(copyRow));
}

function copyRow(row: Row): Row {
  return { id: row.id, seq: row.seq, data: copy(row.data) as JsonObject, hidden: copy(row.hidden) as JsonObject };
}

// A deep copy that shares the strings (they cannot change): content of a thousand documents costs
// nothing to copy, unlike with structuredClone.
function copy(value: Json): Json {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy);
  const result: JsonObject = {};
  for (const key of Object.keys(value)) {
    const item = copy(value[key]);
    if (key === '__proto__') Object.defineProperty(result, key, { value: item, writable: true, enumerable: true, configurable: true });
    else result[key] = item;
  }
  return result;
}
