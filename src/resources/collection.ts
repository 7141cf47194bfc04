import { s, type Schema } from '../schema/index.js';
import type { QueryValue, Session } from '../http/session.js';
import { PagePromise } from '../http/pagination.js';
import { fillPath } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import type { WaitOptions } from '../jobs/wait.js';
import type { Kind } from '../api/kinds.js';
import { documentBody, type UploadContent } from '../http/document-body.js';
import { checkBody, checkedJson, checkId, checkUpload, refusal, signalSchema } from './checks.js';
import type { EntityClass } from './entity-base.js';
import type { Entity } from './entity.js';
import { kindOf } from './entity-metadata.js';
import { shaped } from './shapes.js';
import { installCollectionMethods } from './plain-methods.js';

const ENTITY_CLASS = Symbol('las-sdk:collection-of');

/**
 * Declares a collection class of `cls`'s entities: the collection gets the plain methods of
 * their kind (`ref`, `get`, `update`, `delete` by id, `list`) it does not define itself.
 */
export function collectionOf(cls: EntityClass) {
  return (collection: abstract new (...args: never[]) => object): void => {
    Object.defineProperty(collection.prototype, ENTITY_CLASS, { value: cls });
    installCollectionMethods(collection.prototype as object, kindOf(cls));
  };
}

/** Base of every collection: creates, fetches and lists one kind of entity over the session. */
export abstract class Collection<E extends Entity> {
  /** @internal */
  constructor(protected readonly session: Session) {}

  /** The entity class this collection hands out (see {@link collectionOf}). */
  protected get entity(): EntityClass<E> {
    return (this as unknown as Record<symbol, EntityClass<E>>)[ENTITY_CLASS];
  }

  /** The kind of entity, from the kinds table. */
  protected get kind(): Kind {
    return kindOf(this.entity);
  }

  /** This collection's path, with its parent's id: `/workflows/{workflowId}/executions` filled. */
  protected get path(): string {
    return fillPath(this.kind.path, this as unknown as Record<string, unknown>);
  }

  /** The label of this collection's `method` in messages: `workflows.create`, `workflow.executions.list`. */
  protected what(method?: string): string {
    const { parent, collection } = this.kind;
    const label = parent ? `${parent}.${collection}` : collection;
    return method ? `${label}.${method}` : label;
  }

  /** Builds an entity bound to this collection's session. */
  protected hydrate(data: unknown): E {
    return this.entity.fromApi(this.session, data);
  }

  /** Builds the entities of a list page. */
  protected hydrateList(data: readonly unknown[]): E[] {
    return this.entity.fromApiList(this.session, data);
  }

  /** A handle holding only ids. */
  protected handle(ids: Partial<E>): E {
    return this.entity.handle(this.session, ids);
  }

  /** A handle on `id` (checked against the kind's id schema), holding its parent's id too. */
  protected refTo(id: unknown): E {
    const { path, idField, id: idSchema } = this.kind;
    const parentIds = Object.fromEntries([...path.matchAll(/\{(\w+)\}/g)].map(([, field]) => [field, (this as unknown as Record<string, unknown>)[field]]));
    return this.handle({ ...parentIds, [idField]: checkId(id, shaped(this.session, idSchema, id, this.what()), idField, this.what()) } as Partial<E>);
  }

  /** POSTs `body` (checked against the kind's create schema first) to the collection's path and hydrates the answer. */
  protected async createWith(body: object, requestOptions?: RequestOptions): Promise<E> {
    const what = this.what('create');
    const schema = shaped(this.session, this.createSchema(), body, what, { method: 'POST', path: this.path });
    return this.hydrate(await this.session.post(this.path, checkedJson(schema, body, what), requestOptions));
  }

  /**
   * Checks the options of `create` (its body but for what it takes as arguments) against
   * `schema` as this client's API version has it, before the body is built: a field of the other
   * version is refused as such (with what replaced it, see src/api/versions).
   */
  protected checkCreateOptions(schema: Schema, options: unknown): void {
    const what = this.what('create');
    checkBody(shaped(this.session, schema, options, what, { method: 'POST', path: this.path }), options, what);
  }

  /**
   * POSTs `fields` with `content` as its base64 `content` field to the collection's path
   * (checked against the kind's create schema first, see checkUpload) and hydrates the answer.
   * The body is built as bytes, never as a base64 or JSON string (see document-body.ts).
   */
  protected async uploadWith(fields: Record<string, unknown>, content: UploadContent, requestOptions?: RequestOptions): Promise<E> {
    const what = this.what('create');
    checkUpload(shaped(this.session, this.createSchema(), fields, what, { method: 'POST', path: this.path }), fields, content, what);
    return this.hydrate(await this.session.post(this.path, documentBody(fields, content), requestOptions));
  }

  /**
   * Lists the collection's path with `options` as the query; a page holds its items under the
   * kind's list key. The options are checked against the kind's list schema now, and copied:
   * what was checked is what is sent. A refusal rejects the page promise, and nothing is sent.
   * `requestOptions` apply to every page request of the walk.
   */
  protected listWith(options: unknown, requestOptions?: RequestOptions): PagePromise<E> {
    const what = this.what('list');
    const { key, query: schema } = this.kind.list as NonNullable<Kind['list']>;
    let refused: Error | undefined;
    try {
      refused = refusal(shaped(this.session, schema, options, what), options, what);
    } catch (error) {
      refused = error as Error;
    }
    const query = refused ? {} : toQuery(options as Record<string, QueryValue>);
    const path = this.path;
    const { telemetry } = this.session;
    let pages = 0;
    return new PagePromise(async (nextToken) => {
      if (refused) throw refused;
      const page = await this.session.get<Record<string, unknown>>(path, { ...query, nextToken: nextToken ?? query.nextToken }, requestOptions);
      const items = (page[key] as unknown[] | undefined) ?? [];
      telemetry.debug(`${what}: page ${++pages}, ${items.length} items${page.nextToken ? ', more follow' : ', the last'}`);
      return { items: this.hydrateList(items), nextToken: page.nextToken as string | null | undefined };
    });
  }

  private createSchema() {
    const schema = this.kind.create;
    if (!schema) throw new TypeError(`${this.what()}: its kind has no create schema`);
    return schema;
  }
}

/** A copy of checked options as a query: own values only, lists copied. */
export function toQuery(options: Readonly<Record<string, QueryValue>>): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, Array.isArray(value) ? [...(value as readonly string[])] : value]));
}

/**
 * The options of `wait()`, as far as the resource checks them: their names and types. The
 * waiting checks the bounds (at least 1 ms between polls, ...).
 */
export const waitOptionsSchema = s.object({
  pollInterval: s.optional(s.number()),
  maxPollInterval: s.optional(s.number()),
  timeout: s.optional(s.number()),
  signal: s.optional(signalSchema),
} satisfies Record<keyof WaitOptions, Schema>);
