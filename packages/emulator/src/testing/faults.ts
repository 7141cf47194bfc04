import http from 'node:http';
import { ValidationError } from 'las-sdk/errors';
import { realDelay } from '../clock.js';
import type { Fault } from '../hooks.js';
import { isObject, type JsonObject } from '../json.js';

/** What {@link TestEmulator.fail} plays on the next matching requests. */
export interface FailOptions {
  /** Only requests of this method (any when unset). */
  method?: string;
  /**
   * Only requests of this path, as the SDK's paths read (`/documents`, without `/v1`; `/token` is
   * the token endpoint): a string where `*` stands for any part of one segment
   * (`/transitions/*\/executions`), or a RegExp tested on the path (any when unset).
   */
  path?: string | RegExp;
  /** Answer this status (with the service's error body `{ message }`). */
  status?: number;
  /** The JSON body of that answer instead. */
  body?: Record<string, unknown>;
  /** How many matching requests it takes (default 1; `Infinity` for every one). */
  times?: number;
  /** Wait this long (real time) first; alone, the request is then handled as usual. */
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
}

interface Rule {
  method: string | undefined;
  path: RegExp | undefined;
  left: number;
  delayMs: number;
  fault: Fault | undefined;
}

const OPTIONS = new Set(['method', 'path', 'status', 'body', 'times', 'delayMs', 'drop']);

/** The faults waiting to be played, oldest first; the first that matches a request plays. */
export class Faults {
  #rules: Rule[] = [];

  /** Adds a fault; a {@link ValidationError} naming the option when one is wrong. */
  add(options: FailOptions): void {
    this.#rules.push(rule(options));
  }

  /** Drops every fault still waiting. */
  clear(): void {
    this.#rules = [];
  }

  /** The fault of a request (`path` without the API's base path), after its delay; undefined when none matches. */
  async play(method: string, path: string): Promise<Fault | undefined> {
    const found = this.#rules.find((candidate) => (candidate.method ?? method) === method && (candidate.path?.test(path) ?? true));
    if (!found) return undefined;
    found.left -= 1;
    if (found.left <= 0) this.#rules = this.#rules.filter((candidate) => candidate !== found);
    if (found.delayMs > 0) await realDelay(found.delayMs);
    return found.fault;
  }
}

function rule(options: FailOptions): Rule {
  const where = 'fail(options)';
  if (!isObject(options)) throw new ValidationError(`${where}: options must be an object`);
  for (const key of Object.keys(options)) if (!OPTIONS.has(key)) throw new ValidationError(`${where}: unknown option ${JSON.stringify(key)}`);
  const { method, path, status, body, times = 1, delayMs = 0, drop = false } = options as FailOptions;
  if (method !== undefined && (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))) throw new ValidationError(`${where}: method must be an HTTP method`);
  if (status !== undefined && (!Number.isInteger(status) || status < 400 || status > 599)) {
    throw new ValidationError(`${where}: status must be an error status, an integer from 400 to 599`);
  }
  if (body !== undefined && (!isObject(body) || status === undefined)) throw new ValidationError(`${where}: body must be an object, and comes with a status`);
  if (!(times === Infinity || (Number.isInteger(times) && times >= 1))) throw new ValidationError(`${where}: times must be a whole number >= 1, or Infinity`);
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) throw new ValidationError(`${where}: delayMs must be a number of milliseconds >= 0`);
  if (typeof drop !== 'boolean') throw new ValidationError(`${where}: drop must be a boolean`);
  if (drop && status !== undefined) throw new ValidationError(`${where}: a dropped connection has no status: give one of drop and status`);
  if (!drop && status === undefined && delayMs === 0) throw new ValidationError(`${where}: give a status, drop: true or a delayMs`);
  let fault: Fault | undefined;
  if (drop) fault = 'drop';
  else if (status !== undefined) fault = { status, body: (body as JsonObject | undefined) ?? { message: http.STATUS_CODES[status] ?? `Error ${status}` } };
  return { method: method?.toUpperCase(), path: pathPattern(path, where), left: times, delayMs, fault };
}

function pathPattern(path: string | RegExp | undefined, where: string): RegExp | undefined {
  if (path === undefined) return undefined;
  // A global or sticky RegExp would carry lastIndex from one request to the next.
  if (path instanceof RegExp) return new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
  if (typeof path !== 'string' || !path.startsWith('/')) throw new ValidationError(`${where}: path must be a RegExp or a string starting with /`);
  const source = path
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${source}$`);
}
