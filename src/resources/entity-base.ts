/**
 * What every entity does, whatever data it holds: the session out of sight, its id and path
 * (from its kind), and the requests on its own path the plain methods and each kind's own use.
 */
import { documentBody, type UploadContent } from '../http/document-body.js';
import { fillPath } from '../http/path.js';
import { LasError } from '../errors.js';
import type { Query, Session } from '../http/session.js';
import type { RequestOptions } from '../http/request-options.js';
import { checkedJson, checkUpload } from './checks.js';
import { entityMetadata, instancesOf, kindOf } from './entity-metadata.js';
import { shaped } from './shapes.js';

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

  /** The API path of this entity: its kind's path, with its parent's id and its own. */
  protected get path(): string {
    const kind = kindOf(this.constructor);
    return fillPath(`${kind.path}/{${kind.idField}}`, this as unknown as Record<string, unknown>);
  }

  /** The session this entity calls the API through. */
  protected get session(): Session {
    if (!this.#session) {
      throw new LasError(`This ${this.constructor.name} is not bound to a client: get it through a Las collection`);
    }
    return this.#session;
  }

  /** The label of this kind's `method` in messages: `workflow.update`. */
  protected what(method: string): string {
    return `${kindOf(this.constructor).name}.${method}`;
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

  /** PATCHes `body` (checked against the kind's update schema first) and takes the answer as its new data. */
  protected async patchWith(body: object, requestOptions?: RequestOptions): Promise<this> {
    const what = this.what('update');
    const schema = shaped(this.session, this.updateSchema(), body, what, { method: 'PATCH', path: this.path });
    return this.assign(await this.session.patch(this.path, checkedJson(schema, body, what), requestOptions));
  }

  /**
   * PATCHes `fields` with `content` as its base64 `content` field (checked against the kind's
   * update schema first, see {@link checkUpload}) and takes the answer as its new data.
   */
  protected async patchUpload(fields: Record<string, unknown>, content: UploadContent, requestOptions?: RequestOptions): Promise<this> {
    const what = this.what('update');
    checkUpload(shaped(this.session, this.updateSchema(), fields, what, { method: 'PATCH', path: this.path }), fields, content, what);
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

  private updateSchema() {
    const schema = kindOf(this.constructor).update;
    if (!schema) throw new TypeError(`${this.constructor.name}: its kind has no update schema`);
    return schema;
  }
}
