/**
 * The methods every kind has alike, given to its classes from its entry in the kinds table
 * (src/api/kinds.ts) instead of being written per kind: on an entity, `refresh`, `update` and
 * `delete` on its own path; on a collection, `ref`, `get`, `update`, `delete` by id and `list`.
 * A class that defines one of them itself keeps its own. Each class declares the ones it has
 * (`declare update: Update<this, UpdateWorkflowOptions>`), with its endpoint in the doc comment;
 * their types are in methods.ts.
 */
import type { EntityMethod, Kind } from '../api/kinds.js';
import type { RequestOptions } from '../http/request-options.js';

/** What the plain entity methods call: EntityBase's HTTP helpers. */
interface PlainEntity {
  reload(query: undefined, requestOptions?: RequestOptions): Promise<unknown>;
  patchWith(body: object, requestOptions?: RequestOptions): Promise<unknown>;
  deleteWith(query: undefined, requestOptions?: RequestOptions): Promise<unknown>;
}

/** What the plain collection methods call: Collection's helpers. */
interface PlainCollection {
  ref(id: string): Record<string, (...args: unknown[]) => Promise<unknown>>;
  refTo(id: unknown): unknown;
  listWith(options: unknown, requestOptions?: RequestOptions): unknown;
}

const ENTITY_METHODS: Record<EntityMethod, [name: string, method: (this: PlainEntity, ...args: never[]) => unknown]> = {
  get: [
    'refresh',
    async function (requestOptions?: RequestOptions) {
      return this.reload(undefined, requestOptions);
    },
  ],
  update: [
    'update',
    async function (options: object, requestOptions?: RequestOptions) {
      return this.patchWith(options, requestOptions);
    },
  ],
  delete: [
    'delete',
    async function (requestOptions?: RequestOptions) {
      return this.deleteWith(undefined, requestOptions);
    },
  ],
};

/** The collection's method of each entity method: `get(id)` is `ref(id).refresh()`. */
const BY_ID: Record<EntityMethod, [name: string, entityMethod: string]> = { get: ['get', 'refresh'], update: ['update', 'update'], delete: ['delete', 'delete'] };

/** Gives an entity class's prototype the methods of `kind` on one entity's path it does not define. */
export function installEntityMethods(prototype: object, kind: Kind): void {
  for (const method of kind.methods) {
    const [name, implementation] = ENTITY_METHODS[method];
    define(prototype, name, implementation);
  }
}

/** Gives a collection class's prototype `ref`, the by-id methods of `kind`, and `list`, where it does not define them. */
export function installCollectionMethods(prototype: object, kind: Kind): void {
  if (kind.methods.length > 0) {
    define(prototype, 'ref', function (this: PlainCollection, id: unknown) {
      return this.refTo(id);
    });
  }
  for (const method of kind.methods) {
    const [name, entityMethod] = BY_ID[method];
    // async: a refused id rejects the call's promise, as every other refusal does.
    define(prototype, name, async function (this: PlainCollection, id: string, ...args: unknown[]) {
      return this.ref(id)[entityMethod](...args);
    });
  }
  if (kind.list) {
    define(prototype, 'list', function (this: PlainCollection, options: unknown = {}, requestOptions?: RequestOptions) {
      return this.listWith(options, requestOptions);
    });
  }
}

function define(prototype: object, name: string, method: (...args: never[]) => unknown): void {
  if (Object.hasOwn(prototype, name)) return;
  Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
}
