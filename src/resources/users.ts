import { omit } from '../schema/index.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection } from './collection.js';
import { Entity, type Handle, checkBody, checkId, entity } from './entity.js';
import { ids } from '../api/ids.js';
import { listOptionsSchema, type ListOptions } from '../api/list.js';
import { userSchema, createUserSchema, updateUserSchema, type UserData, type CreateUserOptions, type UpdateUserOptions } from '../api/users.js';

const createUserOptionsSchema = omit(createUserSchema, ['email']);

/** A user: a person who logs in to the organization. */
@entity(userSchema, { id: 'userId' })
export class User extends Entity<UserData> {
  protected get path(): string {
    return path`/users/${this.userId}`;
  }

  /** Loads this user's data. `GET /users/{userId}` */
  async refresh(requestOptions?: RequestOptions): Promise<this> {
    return this.reload(undefined, requestOptions);
  }

  /** Updates name or avatar. `PATCH /users/{userId}` */
  async update(options: UpdateUserOptions, requestOptions?: RequestOptions): Promise<this> {
    return this.patchWith(updateUserSchema, options, 'user.update', requestOptions);
  }

  /** Deletes the user. `DELETE /users/{userId}` */
  async delete(requestOptions?: RequestOptions): Promise<this> {
    return this.deleteWith(undefined, requestOptions);
  }
}

/** A handle on a user (`ref(id)`): its id and its methods; `await handle.refresh()` gives the user. */
export type UserHandle = Handle<User, UserData, 'userId'>;

/** `las.users`: the users of the organization. */
export class Users extends Collection<User> {
  protected readonly entity = User;

  /** Creates a user with this email address. `POST /users` */
  async create(email: string, options: CreateUserOptions = {}, requestOptions?: RequestOptions): Promise<User> {
    checkBody(createUserOptionsSchema, options, 'users.create');
    return this.createAt('/users', createUserSchema, { ...options, email }, 'users.create', requestOptions);
  }

  /** Lists users. `GET /users` */
  list(options: ListOptions = {}, requestOptions?: RequestOptions) {
    return this.listAt('/users', 'users', listOptionsSchema, options, 'users.list', requestOptions);
  }

  /** Gets one user. `GET /users/{userId}` */
  async get(userId: string, requestOptions?: RequestOptions): Promise<User> {
    return this.ref(userId).refresh(requestOptions);
  }

  /** Updates a user. `PATCH /users/{userId}` */
  async update(userId: string, options: UpdateUserOptions, requestOptions?: RequestOptions): Promise<User> {
    return this.ref(userId).update(options, requestOptions);
  }

  /** Deletes a user. `DELETE /users/{userId}` */
  async delete(userId: string, requestOptions?: RequestOptions): Promise<User> {
    return this.ref(userId).delete(requestOptions);
  }

  /** A handle on a user by id, without a request. */
  ref(userId: string): UserHandle {
    return this.handle({ userId: checkId(userId, ids.user, 'userId', 'users') });
  }
}
