/**
 * Logs: one per transition execution, recording what happened to it (created, handed out,
 * heartbeats, its outcome), listable with GET /logs and its filters.
 */
import { now } from './clock.js';
import type { Json, JsonObject } from './json.js';
import type { Row, Store } from './store.js';
import { isoTime } from './time.js';

/** Where a log belongs. */
export interface LogLink {
  transitionId: string;
  transitionExecutionId: string;
  /** Null for an execution started outside any workflow. */
  workflowId: string | null;
  workflowExecutionId: string | null;
}

/** Creates the log of a transition execution under `logId`. */
export function openLog(store: Store, logId: string, link: LogLink, message: string): Row {
  const data: JsonObject = { logId, ...link, startTime: isoTime(), events: [event(message)] };
  return store.tables.logs.insert(logId, data);
}

/** Appends a line to a log (nothing when the log is gone). */
export function appendLog(store: Store, logId: Json | undefined, message: string): void {
  const row = typeof logId === 'string' ? store.tables.logs.get(logId) : undefined;
  if (!row) return;
  (row.data.events as Json[]).push(event(message));
  store.tables.logs.changed();
}

/** A short JSON rendering for a log line. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

// The shape CloudWatch-backed logs of the service have: epoch milliseconds and a message.
function event(message: string): JsonObject {
  return { timestamp: now(), message };
}
