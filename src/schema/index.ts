/**
 * One definition of every request and entity shape of the API. The SDK derives its types from
 * these (`Infer<typeof shape>`), validates what it sends with them, and turns wire timestamps into
 * dates with them; the emulator validates what it receives with the same definitions.
 */
import { Timestamp } from './timestamp.js';

interface Typed<T> {
  /** Phantom: carries the TypeScript type a schema describes. Never set at run time. */
  readonly _type?: T;
}

/** A string: bounded, matching a pattern, or one of `values`. */
export interface StringSchema<T extends string = string> extends Typed<T> {
  readonly kind: 'string';
  readonly pattern?: RegExp;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly values?: readonly T[];
  /** What a fitting value is, for messages (`a dataset id (las:dataset:<32 hex digits>)`). */
  readonly expected?: string;
}
/** A number, an integer when `integer`: bounded or one of `values`. */
export interface NumberSchema extends Typed<number> {
  readonly kind: 'number';
  readonly integer: boolean;
  readonly values?: readonly number[];
  readonly minimum?: number;
  readonly maximum?: number;
}
/** `true` or `false`. */
export interface BooleanSchema extends Typed<boolean> {
  readonly kind: 'boolean';
}
/** A time on the wire (string), a {@link Timestamp} (a `Date`) in the SDK. */
export interface TimestampSchema extends Typed<Date> {
  readonly kind: 'timestamp';
}
/** JSON object with any keys (`input`, `environment`, ...); each value fits `values` when set. */
export interface RecordSchema<V extends Schema = AnySchema> extends Typed<Record<string, Infer<V>>> {
  readonly kind: 'record';
  readonly values?: V;
}
/** Any JSON value. */
export interface AnySchema extends Typed<unknown> {
  readonly kind: 'any';
}
/** An array whose items each fit `items`. */
export interface ArraySchema<I extends Schema = Schema> extends Typed<Infer<I>[]> {
  readonly kind: 'array';
  readonly items: I;
  readonly minItems?: number;
}
/** A value that fits one of `options`. */
export interface UnionSchema<O extends readonly Schema[] = readonly Schema[]> extends Typed<Infer<O[number]>> {
  readonly kind: 'union';
  readonly options: O;
  /** What a fitting value is, for messages; without it a union reports the problem of an option. */
  readonly expected?: string;
}
/**
 * A value of the SDK's own options that is not JSON (an `AbortSignal`, a callback), checked by
 * `test`. Never part of a request body.
 */
export interface CustomSchema<T = unknown> extends Typed<T> {
  readonly kind: 'custom';
  readonly test: (value: unknown) => boolean;
  /** What a fitting value is, for messages (`an AbortSignal`). */
  readonly expected: string;
}
/** A property that may be left out; when given, it fits `inner`. */
export interface OptionalSchema<S extends Schema = Schema> extends Typed<Infer<S>> {
  readonly kind: 'optional';
  readonly inner: S;
}
/** A value that may also be `null`. */
export interface NullableSchema<S extends Schema = Schema> extends Typed<Infer<S> | null> {
  readonly kind: 'nullable';
  readonly inner: S;
}
/** An object schema's properties, by name. */
export type Properties = Readonly<Record<string, Schema>>;
/** A JSON object with the properties named (each fitting its schema), others only when `additional`. */
export interface ObjectSchema<P extends Properties = Properties> extends Typed<InferProperties<P>> {
  readonly kind: 'object';
  readonly properties: P;
  /** Whether properties not named are accepted (the API rejects them on most bodies). */
  readonly additional: boolean;
  /** Fewest properties set (the spec's `minProperties: 1` of update bodies). */
  readonly minProperties?: number;
  /**
   * The same shape as it differs elsewhere, by a key its maker chooses (src/api: an API version):
   * one definition with per-version parts. `partial()` and `omit()` apply to each;
   * `variant()` picks one.
   */
  readonly variants?: Readonly<Record<string, ObjectSchema>>;
}

/** Any schema the builder {@link s} makes. */
export type Schema =
  | StringSchema<string>
  | NumberSchema
  | BooleanSchema
  | TimestampSchema
  | RecordSchema<Schema>
  | AnySchema
  | ArraySchema<Schema>
  | UnionSchema<readonly Schema[]>
  | OptionalSchema<Schema>
  | NullableSchema<Schema>
  | ObjectSchema<Properties>
  | CustomSchema;

/** The TypeScript type a schema describes (timestamps as `Date`). */
export type Infer<S> = S extends Typed<infer T> ? T : never;

type OptionalKeys<P extends Properties> = { [K in keyof P]: P[K] extends OptionalSchema ? K : never }[keyof P];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type InferProperties<P extends Properties> = Simplify<
  { -readonly [K in Exclude<keyof P, OptionalKeys<P>>]: Infer<P[K]> } & {
    -readonly [K in OptionalKeys<P>]?: Infer<P[K]>;
  }
>;

const TIMESTAMP_PATTERN = /^[0-9]{4}-?[0-9]{2}-?[0-9]{2}( |T)?[0-9]/;

/**
 * Deepest nesting of objects and arrays accepted in free-form data (`input`, `data`,
 * `parameters`, ...), counted from the field itself. The service's own limit is not published;
 * the SDK refuses deeper data before sending and the emulator answers 400, so neither ever
 * recurses without bound on what a caller sent.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Most values (objects, arrays and what they hold, a shared object counted each time it is met)
 * accepted in one piece of free-form data: far more than a request body the service takes can
 * hold, and few enough to check in a second. Without it an object shared at each level (`[a, a]`
 * of `[a, a]`, ...) is small in memory and endless as JSON: `JSON.stringify` never returns.
 */
export const MAX_JSON_VALUES = 10_000_000;

/**
 * Why `value` cannot be sent as free-form JSON data as given, as a sentence naming the first
 * field at fault; undefined when it can. JSON would turn some values into others without a word
 * (`NaN` and `Infinity` into `null`, a Map into `{}`, an invalid Date into `null`), drop others
 * (functions, symbols, `undefined`) or throw (a BigInt, a cycle): each is refused here instead.
 * Accepted: plain objects, arrays, strings, finite numbers, booleans, `null` and valid Dates
 * (sent as ISO strings), nested no deeper than {@link MAX_JSON_DEPTH} levels, at most
 * {@link MAX_JSON_VALUES} values in all. Walks without recursion, so neither a 100 000-deep
 * value nor a cycle can overflow the stack, and walks an object met again (a shared reference)
 * once per depth at most.
 */
export function jsonProblem(value: unknown, path: string): string | undefined {
  const pathOf = (frame: JsonFrame | undefined, last?: string | number): string => {
    const keys: (string | number)[] = last === undefined ? [] : [last];
    for (let at = frame; at?.parent; at = at.parent) keys.push(at.key as string | number);
    return keys.reduceRight<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : keyPath(text, key)), path);
  };
  const rootProblem = notJson(value);
  if (rootProblem) return problem(path, rootProblem);
  if (!isContainer(value)) return undefined;
  // Each object met: its frame while it is being walked (meeting it then is a cycle); after, the
  // deepest level at which it was found fine (it is fine at that level or above) and its count of values.
  const seen = new Map<object, JsonFrame | { depth: number; size: number }>();
  const stack: JsonFrame[] = [{ value, depth: 1, size: 1 }];
  const tooMany = (frame: JsonFrame): string =>
    problem(pathOf(frame), `holds more than ${MAX_JSON_VALUES} values (a shared object counted each time), more than a request can carry`);
  while (stack.length > 0) {
    const frame = stack.pop() as JsonFrame;
    const item = frame.value;
    if (frame.leaving) {
      seen.set(item, { depth: frame.depth, size: frame.size });
      if (frame.size > MAX_JSON_VALUES) return tooMany(frame);
      if (frame.parent) frame.parent.size += frame.size;
      continue;
    }
    if (frame.depth > MAX_JSON_DEPTH) return problem(pathOf(frame), `is nested deeper than ${MAX_JSON_DEPTH} levels`);
    const before = seen.get(item);
    if (before && 'value' in before) return problem(pathOf(frame), 'refers back to an object that holds it: JSON cannot carry a cycle');
    if (before && before.depth >= frame.depth && frame.parent) {
      frame.parent.size += before.size;
      continue;
    }
    seen.set(item, frame);
    frame.leaving = true;
    stack.push(frame);
    const keys = Array.isArray(item) ? undefined : Object.keys(item);
    const count = keys ? keys.length : (item as unknown[]).length;
    for (let i = count - 1; i >= 0; i--) {
      const key = keys ? keys[i] : i;
      const child = (item as Record<string | number, unknown>)[key];
      const wrong = notJson(child);
      if (wrong) return problem(pathOf(frame, key), wrong);
      if (isContainer(child)) stack.push({ value: child, depth: frame.depth + 1, size: 1, parent: frame, key });
      else frame.size += 1;
    }
  }
  return undefined;
}

/** An object or array (not a Date): what holds other values. */
function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** An object or array {@link jsonProblem} is to walk, then to leave once all it holds was looked at. */
interface JsonFrame {
  readonly value: object;
  /** Levels of objects and arrays down to it, itself counted. */
  readonly depth: number;
  /** The values it holds, itself included, counted so far. */
  size: number;
  /** The frame of the object or array that holds it, and its key there: its path, made only for a message. */
  readonly parent?: JsonFrame;
  readonly key?: string | number;
  /** Set once what it holds is on the stack: the next time it is popped, it is left. */
  leaving?: boolean;
}

/** What is wrong with `value` itself as JSON data (not with what it holds), or undefined. */
function notJson(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : `is ${value}, which JSON cannot carry (it would be sent as null)`;
    case 'bigint':
      return 'is a BigInt, which JSON cannot carry: give a number or a string';
    case 'undefined':
      return 'is undefined, which JSON cannot carry (it would be left out or sent as null): leave it out or give null';
    case 'function':
    case 'symbol':
      return `is a ${typeof value}, which JSON cannot carry (it would be left out)`;
  }
  if (value === null || Array.isArray(value) || isPlainObject(value)) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'is an invalid Date (it would be sent as null)' : undefined;
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  const kind = typeof name === 'string' && name ? `a ${clip(name, 40)}` : 'an object that inherits from another';
  return `is ${kind}, not plain data (JSON would send its own fields only): give a plain object, an array or a value`;
}

/** Longest piece of a caller's text (a value, a property name) a message quotes. */
const MAX_QUOTED_LENGTH = 80;
/** Longest field path a message names; longer ones keep their start and end. */
const MAX_PATH_LENGTH = 160;

/**
 * `text` cut to `max` characters with an ellipsis: what messages quote of a caller's text, so a
 * million-character id gives a message of a line, not a megabyte.
 */
export function clip(text: string, max = MAX_QUOTED_LENGTH): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A caller's string as a message quotes it: JSON-quoted and clipped. */
export function quote(text: string): string {
  return JSON.stringify(clip(text));
}

/** The path of property `key` below `path`, the key clipped. */
function keyPath(path: string, key: string): string {
  return `${path}.${clip(key, 40)}`;
}

/** `path: text`, a path too long to read kept to its start and its end. */
function problem(path: string, text: string): string {
  const half = MAX_PATH_LENGTH / 2;
  const shown = path.length <= MAX_PATH_LENGTH ? path : `${path.slice(0, half)}…${path.slice(-half)}`;
  return `${shown}: ${text}`;
}

/** Bounds of a number (inclusive). */
export interface NumberOptions {
  minimum?: number;
  maximum?: number;
}
/** Options of an object schema. */
export interface ObjectOptions {
  /** Accept properties not named (default false). */
  additional?: boolean;
  /** Fewest properties that must be set. */
  minProperties?: number;
}

/** Builders for schemas. */
export const s = {
  string: (options: { pattern?: RegExp; minLength?: number; maxLength?: number } = {}): StringSchema => ({ kind: 'string', ...options }),
  /**
   * An e-mail address. The spec's pattern, `([-_.A-Za-z0-9]+\.)+` before the top-level domain,
   * backtracks exponentially (28 repeats of `a.` took 8 s); this one accepts the same addresses in
   * linear time, and an address is at most 320 characters (RFC 3696).
   */
  email: (): StringSchema => ({ kind: 'string', pattern: /^[A-Za-z0-9][-+._A-Za-z0-9]*@[-_.A-Za-z0-9]+\.[A-Za-z]{2,}$/, maxLength: 320 }),
  /** The API's free-text fields: names, descriptions, createdBy. */
  text: (): StringSchema => ({ kind: 'string', maxLength: 4096 }),
  enum: <const T extends string>(values: readonly T[]): StringSchema<T> => ({ kind: 'string', values }),
  /** An integer: one of `values` when given a list, else within the bounds given. */
  integer: (options: readonly number[] | NumberOptions = {}): NumberSchema =>
    isList(options) ? { kind: 'number', integer: true, values: options } : { kind: 'number', integer: true, ...options },
  number: (options: NumberOptions = {}): NumberSchema => ({ kind: 'number', integer: false, ...options }),
  boolean: (): BooleanSchema => ({ kind: 'boolean' }),
  timestamp: (): TimestampSchema => ({ kind: 'timestamp' }),
  /** An object with any keys; with `values`, each value must fit it (`environment`: strings). */
  record: <V extends Schema = AnySchema>(values?: V): RecordSchema<V> => ({ kind: 'record', ...(values && { values }) }),
  any: (): AnySchema => ({ kind: 'any' }),
  /** An id of the form `las:<kind>:<32 hex>`; ids.ts holds the one schema of each kind. */
  id: (kind: string): StringSchema => ({
    kind: 'string',
    pattern: new RegExp(`^las:${kind}:[a-f0-9]{32}$`),
    expected: `${/^[aeio]/.test(kind) ? 'an' : 'a'} ${kind} id (las:${kind}:<32 hex digits>)`,
  }),
  array: <I extends Schema>(items: I, options: { minItems?: number } = {}): ArraySchema<I> => ({ kind: 'array', items, ...options }),
  union: <const O extends readonly Schema[]>(...options: O): UnionSchema<O> => ({ kind: 'union', options }),
  /** `schema`, its messages saying what a fitting value is rather than what one option wants. */
  described: <S extends StringSchema | UnionSchema>(schema: S, expected: string): S => ({ ...schema, expected }),
  /** A non-JSON option (a callback, an `AbortSignal`): fits when `test` says so. */
  custom: <T>(expected: string, test: (value: unknown) => boolean): CustomSchema<T> => ({ kind: 'custom', expected, test }),
  optional: <S extends Schema>(inner: S): OptionalSchema<S> => ({ kind: 'optional', inner }),
  nullable: <S extends Schema>(inner: S): NullableSchema<S> => ({ kind: 'nullable', inner }),
  object: <const P extends Properties>(properties: P, options: ObjectOptions = {}): ObjectSchema<P> => ({
    kind: 'object',
    properties,
    additional: options.additional ?? false,
    ...(options.minProperties !== undefined && { minProperties: options.minProperties }),
  }),
};

function isList(options: readonly number[] | NumberOptions): options is readonly number[] {
  return Array.isArray(options);
}

/**
 * Every property made optional: the shape of an update body. `minProperties: 1` where the API
 * refuses an update that sets nothing.
 */
export function partial<P extends Properties>(
  schema: ObjectSchema<P>,
  options: Pick<ObjectOptions, 'minProperties'> = {},
): ObjectSchema<{ [K in keyof P]: P[K] extends OptionalSchema ? P[K] : OptionalSchema<P[K]> }> {
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([k, v]) => [k, v.kind === 'optional' ? v : s.optional(v)]),
  );
  const { minProperties: _ignored, variants, ...rest } = schema;
  return {
    ...rest,
    properties,
    ...(options.minProperties !== undefined && { minProperties: options.minProperties }),
    ...(variants && { variants: mapVariants(variants, (inner) => partial(inner, options)) }),
  } as never;
}

/** `schema` without the properties `keys`: the options of a method that takes those as arguments. */
export function omit<P extends Properties, K extends keyof P & string>(schema: ObjectSchema<P>, keys: readonly K[]): ObjectSchema<Omit<P, K>> {
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([key]) => !(keys as readonly string[]).includes(key)));
  const variants = schema.variants && mapVariants(schema.variants, (inner) => omit(inner, keys as readonly string[]));
  return { ...schema, properties, ...(variants && { variants }) } as never;
}

/** `schema`'s variant `key` (see {@link ObjectSchema.variants}), or `schema` itself when it has none of that key. */
export function variant<S extends Schema>(schema: S, key: string): S {
  if (schema.kind !== 'object' || !schema.variants || !Object.hasOwn(schema.variants, key)) return schema;
  return schema.variants[key] as S;
}

function mapVariants(variants: Readonly<Record<string, ObjectSchema>>, map: (schema: ObjectSchema) => ObjectSchema): Record<string, ObjectSchema> {
  return Object.fromEntries(Object.entries(variants).map(([key, inner]) => [key, map(inner)]));
}

/**
 * Checks a wire value against a schema. Returns the first problem as a sentence naming the field
 * (`body.name: must be a string of at most 4096 characters`), or undefined when the value fits.
 */
export function validate(schema: Schema, value: unknown, path = 'body'): string | undefined {
  switch (schema.kind) {
    case 'optional':
      if (value === undefined) return undefined;
      return validate(schema.inner, value, path);
    case 'nullable':
      return value === null ? undefined : validate(schema.inner, value, path);
    case 'any':
      return jsonProblem(value, path);
    case 'custom':
      return schema.test(value) ? undefined : problem(path, `must be ${schema.expected}`);
    case 'string': {
      if (typeof value !== 'string') return problem(path, schema.expected ? `must be ${schema.expected}` : 'must be a string');
      if (schema.values && !schema.values.includes(value)) return problem(path, `must be one of ${schema.values.join(', ')}, got ${quote(value)}`);
      if (schema.minLength !== undefined && value.length < schema.minLength) {
        return problem(path, `must be at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`);
      }
      if (schema.maxLength !== undefined && value.length > schema.maxLength) {
        return problem(path, `must be at most ${schema.maxLength} characters`);
      }
      if (schema.pattern && !schema.pattern.test(value)) {
        return problem(path, `must ${schema.expected ? `be ${schema.expected}` : `match ${schema.pattern.source}`}, got ${quote(value)}`);
      }
      return undefined;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return problem(path, 'must be a number');
      if (schema.integer && !Number.isInteger(value)) return problem(path, 'must be an integer');
      if (schema.values && !schema.values.includes(value)) return problem(path, `must be one of ${schema.values.join(', ')}`);
      return outOfBounds(schema, value, path);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : problem(path, 'must be true or false');
    case 'timestamp':
      if (value instanceof Date && !Number.isNaN(value.getTime())) return undefined;
      return typeof value === 'string' && TIMESTAMP_PATTERN.test(value) ? undefined : problem(path, 'must be a date or a timestamp string');
    case 'record': {
      const notObject = objectProblem(value, path);
      if (notObject) return notObject;
      if (!schema.values) return jsonProblem(value, path);
      for (const [key, child] of Object.entries(value as object)) {
        const found = validate(schema.values, child, keyPath(path, key));
        if (found) return found;
      }
      return undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) return problem(path, 'must be an array');
      if (schema.minItems !== undefined && value.length < schema.minItems) {
        return problem(path, `must have at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
      }
      for (let i = 0; i < value.length; i++) {
        const found = validate(schema.items, value[i], `${path}[${i}]`);
        if (found) return found;
      }
      return undefined;
    }
    case 'union': {
      const problems = schema.options.map((option) => validate(option, value, path));
      if (problems.includes(undefined)) return undefined;
      // An option that got past the value itself to one of its fields or items says the most.
      const deeper = problems.find((found) => found?.startsWith(`${path}.`) || found?.startsWith(`${path}[`));
      if (deeper || !schema.expected) return deeper ?? problems[0];
      return problem(path, `must be ${schema.expected}${typeof value === 'string' ? `, got ${quote(value)}` : ''}`);
    }
    case 'object': {
      const notObject = objectProblem(value, path);
      if (notObject) return notObject;
      // Own enumerable properties only, as JSON and object spread see them: an inherited value is not sent.
      const own = value as Record<string, unknown>;
      for (const [key, property] of Object.entries(schema.properties)) {
        const child = Object.prototype.propertyIsEnumerable.call(own, key) ? own[key] : undefined;
        if (child === undefined && property.kind !== 'optional') return problem(keyPath(path, key), 'is required');
        const found = validate(property, child, keyPath(path, key));
        if (found) return found;
      }
      // Own names only: `toString` or `__proto__` are in every object's prototype chain, not in the schema.
      const unknown = Object.keys(own).filter((key) => !Object.hasOwn(schema.properties, key));
      if (!schema.additional && unknown.length > 0) return problem(keyPath(path, unknown[0]), 'is not a known property');
      // Properties let through unnamed are free-form data, checked like any; one left undefined is not set, as a named one.
      for (const key of unknown) {
        const found = own[key] === undefined ? undefined : jsonProblem(own[key], keyPath(path, key));
        if (found) return found;
      }
      if (schema.minProperties !== undefined) {
        // Undefined values are dropped by JSON: they do not count as set.
        const set = Object.values(own).filter((child) => child !== undefined).length;
        if (set < schema.minProperties) {
          const count = schema.minProperties === 1 ? 'one' : String(schema.minProperties);
          return problem(path, `must set at least ${count} of ${Object.keys(schema.properties).join(', ')}`);
        }
      }
      return undefined;
    }
  }
}

/**
 * Why `value` is not a JSON object, or undefined when it is one: a plain object (`{ ... }`,
 * `JSON.parse`, `Object.create(null)`). A Map, a Date, an instance of some class or an object made
 * by `Object.create(defaults)` is refused: JSON would send its own fields only (a Map as `{}`,
 * no inherited default), not what the caller meant.
 */
function objectProblem(value: unknown, path: string): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Date) return problem(path, 'must be an object');
  return isPlainObject(value) ? undefined : problem(path, 'must be a plain object, not a class instance or one that inherits from another');
}

function outOfBounds(schema: NumberSchema, value: number, path: string): string | undefined {
  const { minimum, maximum } = schema;
  if ((minimum === undefined || value >= minimum) && (maximum === undefined || value <= maximum)) return undefined;
  if (minimum !== undefined && maximum !== undefined) return problem(path, `must be from ${minimum} to ${maximum}`);
  return problem(path, minimum !== undefined ? `must be at least ${minimum}` : `must be at most ${maximum}`);
}

/** Turns wire data into SDK data: every timestamp the schema names becomes a {@link Timestamp}. */
export function decode(schema: Schema, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  switch (schema.kind) {
    case 'optional':
    case 'nullable':
      return decode(schema.inner, value);
    case 'timestamp':
      return typeof value === 'string' ? Timestamp.fromApi(value) : value;
    case 'array':
      return Array.isArray(value) ? value.map((item) => decode(schema.items, item)) : value;
    case 'record': {
      const values = schema.values;
      if (!values || !isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, decode(values, child)]));
    }
    case 'union': {
      const fitting = schema.options.find((option) => validate(option, value) === undefined);
      return fitting ? decode(fitting, value) : value;
    }
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const [key, property] of Object.entries(schema.properties)) {
        if (Object.hasOwn(out, key)) out[key] = decode(property, out[key]);
      }
      return out;
    }
    default:
      return value;
  }
}

/**
 * Whether `value` is a plain object (`{ ... }`, `JSON.parse`, `Object.create(null)`), of this
 * realm or another (a vm context, a worker's message): not an array, a Map, a Date or a class
 * instance. The SDK's one test of "an object".
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

export { Timestamp };
