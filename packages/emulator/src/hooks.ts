/**
 * What a test emulator (testing/) plugs into a running one: scripted predictions, faults before a
 * request is handled, and a record of each request. A plain emulator has none.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { JsonObject } from './json.js';
import type { Row } from './store.js';

/** A fault to play instead of handling a request: an answer, or the connection dropped. */
export type Fault = { status: number; body: JsonObject } | 'drop';

/** The hooks; each one absent unless a test set it. */
export interface Hooks {
  /** The `predictions` of a model on a document; undefined leaves them to the simulation. */
  predict?(document: Row, model: Row): JsonObject[] | undefined;
  /** Awaited before a request is handled (after its body was read): a fault to play, if any. */
  fault?(method: string, pathname: string, headers: IncomingHttpHeaders): Promise<Fault | undefined>;
  /** Hears of each request answered (not of dropped ones). */
  record?(method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer, status: number): void;
}
