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
  /**
   * Hears of each request answered (not of dropped ones): with the body of an API request, or
   * {@link FileBody} for one of the file server, whose bytes (up to 64 MiB) are not handed over.
   */
  record?(method: string, url: URL, headers: IncomingHttpHeaders, body: Buffer | FileBody, status: number): void;
}

/** What stands for the body of a file server request in {@link Hooks.record}. */
export interface FileBody {
  /** Whether the request came with bytes (a PUT's file). */
  readonly sentBytes: boolean;
}
