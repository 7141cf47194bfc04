/**
 * The types of the plain methods every kind has alike (see plain-methods.ts), as the classes
 * declare them: `declare update: Update<this, UpdateWorkflowOptions>` on the entity,
 * `declare update: ById<Workflow['update']>` on its collection.
 */
import type { PagePromise } from '../http/pagination.js';
import type { RequestOptions } from '../http/request-options.js';

/** `entity.refresh()`: loads the entity's data into it. */
export type Refresh<E> = (requestOptions?: RequestOptions) => Promise<E>;
/** `entity.update(options)`: sends `options` and takes the answer as the entity's data. */
export type Update<E, Options> = (options: Options, requestOptions?: RequestOptions) => Promise<E>;
/** `entity.delete()`: deletes the entity; its data becomes what the API answered. */
export type Delete<E> = (requestOptions?: RequestOptions) => Promise<E>;
/** A collection's method by id: the entity's method `M` on `ref(id)`, whose arguments follow the id. */
export type ById<M> = M extends (...args: infer A) => infer R ? (id: string, ...args: A) => R : never;
/** `collection.ref(id)`: a handle on an entity by id, without a request; a bad id is a `ValidationError`. */
export type Ref<H> = (id: string) => H;
/** `collection.list(options)`: a page of entities, and a walk over every page with `for await`. */
export type List<E, Options> = (options?: Options, requestOptions?: RequestOptions) => PagePromise<E>;
