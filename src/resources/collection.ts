import { s, type ObjectSchema, type Schema } from '../schema/index.js';
import type { QueryValue, Session } from '../http/session.js';
import { PagePromise } from '../http/pagination.js';
import type { RequestOptions } from '../http/request-options.js';
import type { WaitOptions } from '../jobs/wait.js';
import { documentBody, type UploadContent } from '../http/document-body.js';
import { checkedJson, checkUpload, refusal, type Entity, type EntityClass } from './entity.js';

/** Base of every collection: creates, fetches and lists one kind of entity over the session. */
export abstract class Collection<E extends Entity> {
  /** The entity class this collection hands out. */
  protected abstract readonly entity: EntityClass<E>;

  /** @internal */
  constructor(protected readonly session: Session) {}

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

  /** POSTs `body` (checked against `schema` first) to `path` and hydrates the answer. */
  protected async createAt(path: string, schema: ObjectSchema, body: object, what: string, requestOptions?: RequestOptions): Promise<E> {
    return this.hydrate(await this.session.post(path, checkedJson(schema, body, what), requestOptions));
  }

  /**
   * POSTs `fields` with `content` as its base64 `content` field to `path` (checked against
   * `schema` first, see checkUpload) and hydrates the answer. The body is built as bytes, never
   * as a base64 or JSON string (see document-body.ts).
   */
  protected async uploadAt(
    path: string,
    schema: ObjectSchema,
    fields: Record<string, unknown>,
    content: UploadContent,
    what: string,
    requestOptions?: RequestOptions,
  ): Promise<E> {
    checkUpload(schema, fields, content, what);
    return this.hydrate(await this.session.post(path, documentBody(fields, content), requestOptions));
  }

  /**
   * Lists `path`, whose answer holds the page's items under `key`, with `options` as the query.
   * The options are checked against `schema` now, and copied: what was checked is what is sent.
   * A refusal rejects the page promise, and nothing is sent. `requestOptions` apply to every
   * page request of the walk.
   */
  protected listAt(path: string, key: string, schema: ObjectSchema, options: unknown, what: string, requestOptions?: RequestOptions): PagePromise<E> {
    const refused = refusal(schema, options, what);
    const query = refused ? {} : toQuery(options as Record<string, QueryValue>);
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
}

/** A copy of checked options as a query: own values only, lists copied. */
export function toQuery(options: Readonly<Record<string, QueryValue>>): Record<string, QueryValue> {
  return Object.fromEntries(Object.entries(options).map(([key, value]) => [key, Array.isArray(value) ? [...(value as readonly string[])] : value]));
}

/** An option that must be an AbortSignal. */
export const signalSchema = s.custom<AbortSignal>('an AbortSignal', (value) => value instanceof AbortSignal);

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
