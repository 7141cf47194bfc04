import { s, type Infer, type ObjectSchema } from '../schema/index.js';
import type { Query, Session } from '../http/session.js';
import { PagePromise } from '../http/pagination.js';
import { documentBody, type UploadContent } from '../http/document-body.js';
import { checkBody, checkUpload, type Entity, type EntityClass } from './entity.js';

/** Options every `list()` takes. */
export interface ListOptions {
  /** Items per page (the API's default when omitted). */
  maxResults?: number;
  /** Token of the page to start at, from `page.nextToken`. */
  nextToken?: string;
}

/** Base of every collection: creates, fetches and lists one kind of entity over the session. */
export abstract class Collection<E extends Entity> {
  /** The entity class this collection hands out. */
  protected abstract readonly entity: EntityClass<E>;

  constructor(protected readonly session: Session) {}

  /** Builds an entity bound to this collection's session. */
  protected hydrate(data: unknown): E {
    return (this.entity as unknown as typeof Entity & EntityClass<E>).fromApi(this.session, data) as E;
  }

  /** Builds the entities of a list page. */
  protected hydrateList(data: readonly unknown[]): E[] {
    return (this.entity as unknown as typeof Entity & EntityClass<E>).fromApiList(this.session, data) as E[];
  }

  /** A handle holding only ids. */
  protected handle(ids: Partial<E>): E {
    return (this.entity as unknown as typeof Entity & EntityClass<E>).handle(this.session, ids) as E;
  }

  /** POSTs `body` (checked against `schema` first) to `path` and hydrates the answer. */
  protected async createAt(path: string, schema: ObjectSchema, body: object, what: string): Promise<E> {
    checkBody(schema, body, what);
    return this.hydrate(await this.session.post(path, body));
  }

  /**
   * POSTs `fields` with `content` as its base64 `content` field to `path` (checked against
   * `schema` first, see checkUpload) and hydrates the answer. The body is built as bytes, never
   * as a base64 or JSON string (see document-body.ts).
   */
  protected async uploadAt(path: string, schema: ObjectSchema, fields: Record<string, unknown>, content: UploadContent, what: string): Promise<E> {
    checkUpload(schema, fields, content, what);
    return this.hydrate(await this.session.post(path, documentBody(fields, content)));
  }

  /** Lists `path`, whose answer holds the page's items under `key`. */
  protected listAt(path: string, key: string, query: Query): PagePromise<E> {
    return new PagePromise(async (nextToken) => {
      const page = await this.session.get<Record<string, unknown>>(path, { ...query, nextToken: nextToken ?? query.nextToken });
      const items = (page[key] as unknown[] | undefined) ?? [];
      return { items: this.hydrateList(items), nextToken: page.nextToken as string | null | undefined };
    });
  }
}

/** How execution lists are sorted (`sortBy`). */
export const sortBySchema = s.enum(['startTime', 'endTime']);
/** Sort direction of execution and log lists (`order`). */
export const orderSchema = s.enum(['ascending', 'descending']);
/** A list's `sortBy` value. */
export type SortBy = Infer<typeof sortBySchema>;
/** A list's `order` value. */
export type SortOrder = Infer<typeof orderSchema>;
