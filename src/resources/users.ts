import { omit } from '../schema/index.js';
import { path } from '../http/path.js';
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
  async refresh(): Promise<this> {
    return this.reload();
  }

  /** Updates name or avatar. `PATCH /users/{userId}` */
  async update(options: UpdateUserOptions): Promise<this> {
    return this.patchWith(updateUserSchema, options, 'user.update');
  }

  /** Deletes the user. `DELETE /users/{userId}` */
  async delete(): Promise<this> {
    return this.deleteWith();
  }
}

/** A handle on a user (`ref(id)`): its id and its methods; `await handle.refresh()` gives the user. */
export type UserHandle = Handle<User, UserData, 'userId'>;

/** `las.users`: the users of the organization. */
export class Users extends Collection<User> {
  protected readonly entity = User;

  /** Creates a user with this email address. `POST /users` */
  async create(email: string, options: CreateUserOptions = {}): Promise<User> {
    checkBody(createUserOptionsSchema, options, 'users.create');
    return this.createAt('/users', createUserSchema, { ...options, email }, 'users.create');
  }

  /** Lists users. `GET /users` */
  list(options: ListOptions = {}) {
    return this.listAt('/users', 'users', listOptionsSchema, options, 'users.list');
  }

  /** Gets one user. `GET /users/{userId}` */
  async get(userId: string): Promise<User> {
    return this.ref(userId).refresh();
  }

  /** Updates a user. `PATCH /users/{userId}` */
  async update(userId: string, options: UpdateUserOptions): Promise<User> {
    return this.ref(userId).update(options);
  }

  /** Deletes a user. `DELETE /users/{userId}` */
  async delete(userId: string): Promise<User> {
    return this.ref(userId).delete();
  }

  /** A handle on a user by id, without a request. */
  ref(userId: string): UserHandle {
    return this.handle({ userId: checkId(userId, ids.user, 'userId', 'users') });
  }
}
