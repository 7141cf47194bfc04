import { omit, s, type Infer } from '../schema/index.js';
import { ids } from '../schema/ids.js';
import { path } from '../http/path.js';
import type { RequestOptions } from '../http/request-options.js';
import { Collection, listOptionsSchema, type ListOptions } from './collection.js';
import { Entity, checkBody, checkId, entity } from './entity.js';

const emailSchema = s.email();
// An image as a data URL or base64, small enough to store with the user.
const avatarSchema = s.string({ maxLength: 131_072 });

/** The API's shape of a user. */
export const userSchema = s.object({
  userId: ids.user,
  email: emailSchema,
  name: s.optional(s.nullable(s.text())),
  avatar: s.optional(s.nullable(avatarSchema)),
  createdBy: s.nullable(s.text()),
  createdTime: s.nullable(s.timestamp()),
  updatedBy: s.nullable(s.text()),
  updatedTime: s.nullable(s.timestamp()),
});

/** Body of POST /users. */
export const createUserSchema = s.object({
  email: emailSchema,
  appClientId: s.optional(ids.appClient),
  name: s.optional(s.nullable(s.text())),
  avatar: s.optional(s.nullable(avatarSchema)),
});

/** Body of PATCH /users/{userId}. */
export const updateUserSchema = s.object(
  {
    name: s.optional(s.nullable(s.text())),
    avatar: s.optional(s.nullable(avatarSchema)),
  },
  { minProperties: 1 },
);

/** A user's data as the API returns it. */
export type UserData = Infer<typeof userSchema>;
/** Options of `las.users.create()`. */
export type CreateUserOptions = Omit<Infer<typeof createUserSchema>, 'email'>;
/** Options of `user.update()`. */
export type UpdateUserOptions = Infer<typeof updateUserSchema>;

const createUserOptionsSchema = omit(createUserSchema, ['email']);

// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface User extends UserData {}

/** A user: a person who logs in to the organization. */
@entity(userSchema)
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class User extends Entity {
  /** The user id. */
  get id(): string {
    return this.userId;
  }

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
  ref(userId: string): User {
    return this.handle({ userId: checkId(userId, ids.user, 'userId', 'users') });
  }
}
