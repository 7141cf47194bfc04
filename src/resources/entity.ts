// The entity decorator records what it declares through reflect-metadata's Reflect.defineMetadata.
import 'reflect-metadata';
import { plainToInstance, Transform, type ClassTransformOptions } from 'class-transformer';
import { decode, s, validate, type ObjectSchema, type Schema, type StringSchema } from '../schema/index.js';
import { base64Length, contentSizeProblem, documentBody, JsonBytes, type UploadContent } from '../http/document-body.js';
import { LasError, ValidationError } from '../errors.js';
import type { Query, Session } from '../http/session.js';
import type { RequestOptions } from '../http/request-options.js';

/** What {@link entity} records of an entity class; read through {@link entityMetadata}. */
export interface EntityMetadata {
  /** The API's shape of the entity (one of src/api). */
  readonly schema: ObjectSchema;
  /** The field that holds the entity's own id: `datasetId`, `executionId`, ... */
  readonly idField: string;
}

const ENTITY_METADATA = Symbol('las-sdk:entity');

/**
 * Declares an entity class: the API shape it holds and the field of its id, recorded as the
 * class's metadata (see {@link entityMetadata}), and, for class-transformer, a `@Transform` on
 * each field of the shape that holds timestamps, so that they become `Date`s ({@link Timestamp}s).
 */
export function entity<S extends ObjectSchema>(schema: S, declared: { id: keyof S['properties'] & string }) {
  return (cls: abstract new () => EntityBase): void => {
    Reflect.defineMetadata(ENTITY_METADATA, { schema, idField: declared.id } satisfies EntityMetadata, cls);
    for (const [key, property] of Object.entries(schema.properties)) {
      if (!holdsTimestamp(property)) continue;
      Transform(({ value }) => decode(property, value), { toClassOnly: true })(cls.prototype, key);
    }
  };
}

/** What {@link entity} recorded of an entity class (or of the entity class it extends): the one way it is read. */
export function entityMetadata(cls: object): EntityMetadata {
  const metadata = Reflect.getMetadata(ENTITY_METADATA, cls) as EntityMetadata | undefined;
  if (!metadata) throw new TypeError(`${(cls as { name?: string }).name ?? 'This class'} is not declared with @entity`);
  return metadata;
}

/**
 * How JSON becomes an entity. Entities use no @Expose or @Exclude, so class-transformer need not
 * look them up for every key of every item (a list page holds hundreds); the @Transform of each
 * timestamp, set by {@link entity}, still applies.
 */
const FROM_API: ClassTransformOptions = { ignoreDecorators: true };

/** The one place JSON becomes entities: class-transformer builds an instance of `cls` from each item. */
function instancesOf<E extends EntityBase>(cls: EntityClass<E>, items: readonly unknown[]): E[] {
  for (const item of items) {
    // An answer that is no object (an empty body, a bare value) would become an instance with no data.
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const got = item === null ? 'null' : Array.isArray(item) ? 'an array' : item === undefined ? 'no JSON' : typeof item;
      throw new LasError(`the API answered ${got} where ${cls.name} data (a JSON object) was expected`);
    }
  }
  return plainToInstance(cls, items as object[], FROM_API);
}

/** A class of entities, as collections hand them out: built by `new` (class-transformer) and by its static builders. */
export type EntityClass<E extends EntityBase = EntityBase> = (new () => E) & Pick<typeof EntityBase, 'fromApi' | 'fromApiList' | 'handle'>;

/**
 * What every entity does, whatever data it holds: the session out of sight (so `JSON.stringify`
 * of an entity gives exactly the API's data), its id, and the requests on its own path. Entity
 * classes extend {@link Entity}, which adds the fields of their data.
 */
export abstract class EntityBase {
  #session: Session | undefined;

  /** The entity's id (`las:<kind>:<hex>`): the field its `@entity` declaration names (`datasetId`, ...). */
  get id(): string {
    return (this as unknown as Record<string, string>)[entityMetadata(this.constructor).idField];
  }

  /** The API path of this entity. */
  protected abstract get path(): string;

  /** The session this entity calls the API through. */
  protected get session(): Session {
    if (!this.#session) {
      throw new LasError(`This ${this.constructor.name} is not bound to a client: get it through a Las collection`);
    }
    return this.#session;
  }

  /**
   * Builds an entity from the API's JSON, bound to `session`.
   * @internal
   */
  static fromApi<E extends EntityBase>(this: EntityClass<E>, session: Session, data: unknown): E {
    const [instance] = instancesOf(this, [data]);
    instance.#session = session;
    return instance;
  }

  /**
   * Builds the entities of a list page, in one pass of class-transformer over the array.
   * @internal
   */
  static fromApiList<E extends EntityBase>(this: EntityClass<E>, session: Session, data: readonly unknown[]): E[] {
    const instances = instancesOf(this, data);
    for (const instance of instances) instance.#session = session;
    return instances;
  }

  /**
   * A handle holding only its ids: instance methods work on it without a GET.
   * @internal
   */
  static handle<E extends EntityBase>(this: EntityClass<E>, session: Session, ids: Partial<E>): E {
    const instance = new this();
    Object.assign(instance, ids);
    instance.#session = session;
    return instance;
  }

  /** GETs this entity and replaces its data with the answer. */
  protected async reload(query?: Query, requestOptions?: RequestOptions): Promise<this> {
    return this.assign(await this.session.get(this.path, query, requestOptions));
  }

  /** PATCHes `body` (checked against `schema` first) and takes the answer as its new data. */
  protected async patchWith(schema: ObjectSchema, body: object, what: string, requestOptions?: RequestOptions): Promise<this> {
    return this.assign(await this.session.patch(this.path, checkedJson(schema, body, what), requestOptions));
  }

  /**
   * PATCHes `fields` with `content` as its base64 `content` field (checked against `schema`
   * first, see {@link checkUpload}) and takes the answer as its new data.
   */
  protected async patchUpload(
    schema: ObjectSchema,
    fields: Record<string, unknown>,
    content: UploadContent,
    what: string,
    requestOptions?: RequestOptions,
  ): Promise<this> {
    checkUpload(schema, fields, content, what);
    return this.assign(await this.session.patch(this.path, documentBody(fields, content), requestOptions));
  }

  /** DELETEs this entity; its data becomes the deleted entity the API returned. */
  protected async deleteWith(query?: Query, requestOptions?: RequestOptions): Promise<this> {
    return this.assign(await this.session.delete(this.path, query, requestOptions));
  }

  /** Replaces this entity's data with the API's JSON. */
  protected assign(data: unknown): this {
    const [fresh] = instancesOf(this.constructor as EntityClass<this>, [data]);
    for (const key of Object.keys(this)) delete (this as Record<string, unknown>)[key];
    return Object.assign(this, fresh);
  }
}

/** The constructor of {@link Entity}: generic in the data its subclasses hold. */
export type EntityConstructor = (abstract new <Data extends object = object>() => EntityBase & Data) & Omit<typeof EntityBase, 'prototype'>;

/**
 * Base of every entity class: `class Dataset extends Entity<DatasetData>` holds the fields of
 * `DatasetData` (class-transformer sets them from the API's JSON) and the methods of
 * `EntityBase`. It is EntityBase itself, typed with the data.
 */
export const Entity = EntityBase as unknown as EntityConstructor;
/** An entity holding `Data`. */
export type Entity<Data extends object = object> = EntityBase & Data;

/**
 * A handle on an entity (what `ref(id)` returns): its ids and its methods, none of the rest of
 * `Data`, which it does not hold. `await handle.refresh()` loads it and gives the full entity.
 */
export type Handle<E extends EntityBase, Data, Ids extends keyof Data> = Omit<E, Exclude<keyof Data, Ids>>;

/** Options of any fields: a plain object, checked before anything is read; its fields are checked later. */
export const someOptions = s.object({}, { additional: true });

/**
 * Throws a {@link ValidationError} naming the field when `body` (a request body, or the options
 * of a method: its query, its flags) does not fit `schema`.
 */
export function checkBody(schema: Schema, body: unknown, what: string): void {
  refuse(validate(schema, body, 'options'), what);
}

/**
 * `body` checked against `schema` ({@link checkBody}) and turned into JSON at once: what was
 * checked is what is sent, even if the caller changes the object while the request waits for a
 * token, and nothing walks the caller's data again after the check bounded its depth.
 */
export function checkedJson(schema: Schema, body: unknown, what: string): JsonBytes {
  checkBody(schema, body, what);
  return new JsonBytes(new TextEncoder().encode(JSON.stringify(body)));
}

/**
 * {@link checkBody} for an upload body `{ ...fields, content }` whose content is bytes, not yet
 * base64: the length of its base64 is worked out and checked against the bounds `schema` sets on
 * `content` (which every upload schema names first, so it is checked first, as checkBody would),
 * then the other fields are checked as checkBody checks them. The messages are checkBody's.
 */
export function checkUpload(schema: ObjectSchema, fields: Record<string, unknown>, content: UploadContent, what: string): void {
  let contentSchema = schema.properties.content;
  while (contentSchema?.kind === 'optional' || contentSchema?.kind === 'nullable') contentSchema = contentSchema.inner;
  if (contentSchema?.kind !== 'string') throw new TypeError(`${what}: the schema has no string content`);
  refuse(lengthProblem(contentSchema, content), what);
  // The content is an argument of its own: one among the options too would be dropped unseen.
  if (Object.hasOwn(fields, 'content')) refuse('options.content: is not a known property', what);
  // Any one-character string stands in for the content, bounds aside: its length was checked above.
  const rest = { ...schema, properties: { ...schema.properties, content: s.string() } };
  refuse(validate(rest, { ...fields, content: 'A' }, 'options'), what);
}

/** What is wrong with the length of `content` by the bounds of `schema`: validate()'s words for too short, the bytes and the bound for too long. */
function lengthProblem(schema: StringSchema, content: UploadContent): string | undefined {
  if (schema.minLength !== undefined && base64Length(content) < schema.minLength) {
    return `content: must be at least ${schema.minLength} character${schema.minLength === 1 ? '' : 's'}`;
  }
  const tooLarge = schema.maxLength === undefined ? undefined : contentSizeProblem(content, schema.maxLength);
  return tooLarge && `content: ${tooLarge}`;
}

/** The {@link ValidationError} {@link checkBody} would throw, or undefined: for a refusal to be thrown later. */
export function refusal(schema: Schema, value: unknown, what: string): ValidationError | undefined {
  const problem = validate(schema, value, 'options');
  return problem ? toValidationError(problem, what) : undefined;
}

function refuse(problem: string | undefined, what: string): void {
  if (problem) throw toValidationError(problem, what);
}

function toValidationError(problem: string, what: string): ValidationError {
  return new ValidationError(`${what}: ${problem.replace(/^options\./, '')}; nothing was sent`);
}

/**
 * Returns `id` when it fits `schema` (one of ids.ts), the id form the spec gives; else throws a
 * {@link ValidationError} naming the argument `name`.
 */
export function checkId(id: unknown, schema: Schema, name: string, what: string): string {
  refuse(validate(schema, id, name), what);
  return id as string;
}

function holdsTimestamp(schema: Schema): boolean {
  switch (schema.kind) {
    case 'timestamp':
      return true;
    case 'optional':
    case 'nullable':
      return holdsTimestamp(schema.inner);
    case 'array':
      return holdsTimestamp(schema.items);
    case 'union':
      return schema.options.some(holdsTimestamp);
    case 'object':
      return Object.values(schema.properties).some(holdsTimestamp);
    default:
      return false;
  }
}
