/**
 * How an entity class is declared and how JSON becomes its instances: `@entity(kind)` records the
 * kind (its shape, its id field) with reflect-metadata, sets class-transformer's `@Transform` on
 * each field holding timestamps, and gives the class the plain methods its kind has.
 */
// The entity decorator records what it declares through reflect-metadata's Reflect.defineMetadata.
import 'reflect-metadata';
import { plainToInstance, Transform, type ClassTransformOptions } from 'class-transformer';
import { decode, type ObjectSchema, type Schema } from '../schema/index.js';
import type { Kind } from '../api/kinds.js';
import { LasError } from '../errors.js';
import { installEntityMethods } from './plain-methods.js';

/** What {@link entity} records of an entity class; read through {@link entityMetadata}. */
export interface EntityMetadata {
  /** The API's shape of the entity (one of src/api). */
  readonly schema: ObjectSchema;
  /** The field that holds the entity's own id: `datasetId`, `executionId`, ... */
  readonly idField: string;
}

const ENTITY_METADATA = Symbol('las-sdk:entity');
const KIND = Symbol('las-sdk:kind');

/**
 * Declares an entity class of `kind` (one of the kinds table, src/api/kinds.ts): its shape and
 * the field of its id are recorded as the class's metadata (see {@link entityMetadata}); for
 * class-transformer, each field of the shape that holds timestamps gets a `@Transform`, so that
 * they become `Date`s ({@link Timestamp}s); and the class gets the methods the kind has on one
 * entity's path (`refresh`, `update`, `delete`) that it does not define itself.
 */
export function entity(kind: Kind) {
  return (cls: abstract new () => object): void => {
    Reflect.defineMetadata(ENTITY_METADATA, { schema: kind.schema, idField: kind.idField } satisfies EntityMetadata, cls);
    Reflect.defineMetadata(KIND, kind, cls);
    for (const [key, property] of Object.entries(kind.schema.properties)) {
      if (!holdsTimestamp(property)) continue;
      Transform(({ value }) => decode(property, value), { toClassOnly: true })(cls.prototype, key);
    }
    installEntityMethods(cls.prototype as object, kind);
  };
}

/** What {@link entity} recorded of an entity class (or of the entity class it extends): the one way it is read. */
export function entityMetadata(cls: object): EntityMetadata {
  const metadata = Reflect.getMetadata(ENTITY_METADATA, cls) as EntityMetadata | undefined;
  if (!metadata) throw new TypeError(`${(cls as { name?: string }).name ?? 'This class'} is not declared with @entity`);
  return metadata;
}

/** The kind an entity class was declared with (see {@link entity}). */
export function kindOf(cls: object): Kind {
  entityMetadata(cls);
  return Reflect.getMetadata(KIND, cls) as Kind;
}

/**
 * How JSON becomes an entity. Entities use no @Expose or @Exclude, so class-transformer need not
 * look them up for every key of every item (a list page holds hundreds); the @Transform of each
 * timestamp, set by {@link entity}, still applies.
 */
const FROM_API: ClassTransformOptions = { ignoreDecorators: true };

/** The one place JSON becomes entities: class-transformer builds an instance of `cls` from each item. */
export function instancesOf<E extends object>(cls: new () => E, items: readonly unknown[]): E[] {
  for (const item of items) {
    // An answer that is no object (an empty body, a bare value) would become an instance with no data.
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      const got = item === null ? 'null' : Array.isArray(item) ? 'an array' : item === undefined ? 'no JSON' : typeof item;
      throw new LasError(`the API answered ${got} where ${cls.name} data (a JSON object) was expected`);
    }
  }
  return plainToInstance(cls, items as object[], FROM_API);
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
