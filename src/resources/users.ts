import { omit } from '../schema/index.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, collectionOf } from './collection.js';
import { Entity, type Handle } from './entity.js';
import { entity } from './entity-metadata.js';
import { kinds } from '../api/kinds.js';
import type { ById, Delete, List, Ref, Refresh, Update } from './methods.js';
import type { ListOptions } from '../api/list.js';
import { createUserSchema, type UserData, type CreateUserOptions, type UpdateUserOptions } from '../api/users.js';

const createUserOptionsSchema = omit(createUserSchema, ['email']);

/** A user: a person who logs in to the organization. */
@entity(kinds.user)
export class User extends Entity<UserData> {
  /** Loads this user's data. `GET /users/{userId}` */
  declare refresh: Refresh<this>;

  /** Updates name or avatar. `PATCH /users/{userId}` */
  declare update: Update<this, UpdateUserOptions>;

  /** Deletes the user. `DELETE /users/{userId}` */
  declare delete: Delete<this>;
}

/** A handle on a user (`ref(id)`): its id and its methods; `await handle.refresh()` gives the user. */
export type UserHandle = Handle<User, UserData, 'userId'>;

/** `las.users`: the users of the organization. */
@collectionOf(User)
export class Users extends Collection<User> {
  /** Creates a user with this email address. `POST /users` */
  async create(email: string, options: CreateUserOptions = {}, requestOptions?: RequestOptions): Promise<User> {
    this.checkCreateOptions(createUserOptionsSchema, options);
    return this.createWith({ ...options, email }, requestOptions);
  }

  /** Lists users. `GET /users` */
  declare list: List<User, ListOptions>;

  /** Gets one user. `GET /users/{userId}` */
  declare get: ById<User['refresh']>;

  /** Updates a user. `PATCH /users/{userId}` */
  declare update: ById<User['update']>;

  /** Deletes a user. `DELETE /users/{userId}` */
  declare delete: ById<User['delete']>;

  /** A handle on a user by id, without a request. */
  declare ref: Ref<UserHandle>;
}
