import { s, type Infer } from '../schema/index.js';
import { ids } from './ids.js';

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
