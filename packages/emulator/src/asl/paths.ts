/**
 * The JSONPath subset ASL uses to move data between states: `$`, `$.a.b`, `$.items[0]`,
 * `$['odd key']`, applied as InputPath, Parameters, ResultPath and OutputPath.
 */
import { clone, getOwn, isObject, setOwn, type Json, type JsonObject } from '../json.js';
import { preview } from '../logbook.js';
import { AslError } from './errors.js';

type Segment = string | number;

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;

/** The segments of a path, or undefined when it is not one this emulator understands. */
export function parsePath(path: string): Segment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: Segment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    const [whole, name, index, single, double] = match;
    segments.push(index !== undefined ? Number(index) : (name ?? single ?? double));
    rest = rest.slice(whole.length);
  }
  return segments;
}

/** Whether `path` is a path this emulator understands. */
export function isPath(path: unknown): path is string {
  return typeof path === 'string' && parsePath(path) !== undefined;
}

/** The value at `path`; undefined when any step of it is missing. */
export function lookup(value: Json, path: string): Json | undefined {
  const segments = parsePath(path);
  if (!segments) throw new AslError('States.Runtime', `${JSON.stringify(path)} is not a JSONPath`);
  let current: Json | undefined = value;
  for (const segment of segments) {
    if (typeof segment === 'number') current = Array.isArray(current) ? current[segment] : undefined;
    else current = isObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** The value at `path`; a `States.Runtime` failure when it is missing (as ASL has it). */
export function select(value: Json, path: string, field: string): Json {
  const found = lookup(value, path);
  if (found === undefined) throw new AslError('States.Runtime', `${field} ${path} matched nothing in ${preview(value)}`);
  return found;
}

/** InputPath: the part of the state's input it works on (`null`: an empty object). */
export function applyInputPath(input: Json, path: string | null | undefined): Json {
  if (path === null) return {};
  return path === undefined ? input : select(input, path, 'InputPath');
}

/** OutputPath: the part of the state's result it hands on (`null`: an empty object). */
export function applyOutputPath(output: Json, path: string | null | undefined): Json {
  if (path === null) return {};
  return path === undefined ? output : select(output, path, 'OutputPath');
}

/**
 * ResultPath: where the result goes in the state's input. `$` (the default) replaces the input,
 * `null` discards the result, `$.a.b` sets that field of a copy of the input.
 */
export function applyResultPath(input: Json, result: Json, path: string | null | undefined): Json {
  if (path === null) return input;
  if (path === undefined || path === '$') return result;
  const segments = parsePath(path);
  if (!segments || segments.some((segment) => typeof segment === 'number')) {
    throw new AslError('States.Runtime', `ResultPath ${path} must name object fields only`);
  }
  if (!isObject(input)) throw new AslError('States.Runtime', `ResultPath ${path} needs an object input, got ${preview(input)}`);
  const out = clone(input);
  let target: JsonObject = out;
  // Own properties only: `$.__proto__.x` names a field called __proto__, not Object.prototype.
  for (const segment of segments.slice(0, -1) as string[]) {
    const next = getOwn(target, segment);
    const child = isObject(next) ? next : {};
    setOwn(target, segment, child);
    target = child;
  }
  setOwn(target, segments.at(-1) as string, result);
  return out;
}

/**
 * Parameters: a template whose `key.$` fields take the value at a path of the input, the rest
 * copied as they are.
 */
export function applyParameters(template: Json, input: Json): Json {
  if (Array.isArray(template)) return template.map((item) => applyParameters(item, input));
  if (!isObject(template)) return template;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') setOwn(out, key.slice(0, -2), select(input, value, `Parameters.${key}`));
    else setOwn(out, key, applyParameters(value, input));
  }
  return out;
}
