import { omit } from '../schema/index.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import type { ListOptions } from '../api/list.js';
import { createUserSchema, type UserData, type updateUserSchema } from '../api/users.js';
import type { InferFor, OmitFor } from '../api/versioned.js';
import type { ApiVersion } from '../api/versions/index.js';

const createUserOptionsSchema = omit(createUserSchema, ['email']);

/**
 * A user: a person who logs in to the organization. `V`: the API version of the client it came
 * from, which its update options follow (under 2024-11-29 roles and metadata, no name or avatar).
 */
@entity(kinds.user)
export class User<V extends ApiVersion = '2021-09-23'> extends Entity<UserData> {
  /** Loads this user's data. `GET /users/{userId}` */
  declare refresh: Refresh<this>;

  /** Updates name or avatar (under API version 2024-11-29: roles or metadata). `PATCH /users/{userId}` */
  declare update: Update<this, InferFor<typeof updateUserSchema, V>>;

  /** Deletes the user. `DELETE /users/{userId}` */
  declare delete: Delete<this>;
}

/** A handle on a user (`ref(id)`): its id and its methods; `await handle.refresh()` gives the user. */
export type UserHandle<V extends ApiVersion = '2021-09-23'> = Handle<User<V>, UserData, 'userId'>;

/** `las.users`: the users of the organization. */
@collectionOf(User)
export class Users<V extends ApiVersion = '2021-09-23'> extends Collection<User<V>> {
  /** Creates a user with this email address. `POST /users` (under API version 2024-11-29 without name or avatar: a profile holds them). */
  async create(email: string, options: OmitFor<typeof createUserSchema, 'email', V> = {} as OmitFor<typeof createUserSchema, 'email', V>, requestOptions?: RequestOptions): Promise<User<V>> {
    this.checkCreateOptions(createUserOptionsSchema, options);
    return this.createWith({ ...options, email }, requestOptions);
  }

  /** Lists users. `GET /users` */
  declare list: List<User<V>, ListOptions>;

  /** Gets one user. `GET /users/{userId}` */
  declare get: ById<User<V>['refresh']>;

  /** Updates a user. `PATCH /users/{userId}` */
  declare update: ById<User<V>['update']>;

  /** Deletes a user. `DELETE /users/{userId}` */
  declare delete: ById<User<V>['delete']>;

  /** A handle on a user by id, without a request. */
  declare ref: Ref<UserHandle<V>>;
}
